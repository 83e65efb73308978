namespace Evident.Design.Internal;

/// <summary>
/// Enrolment with piecewise-constant absolute intensities r<sub>j</sub> (subjects per time unit) on
/// [a<sub>j</sub>, a<sub>j+1</sub>), a<sub>0</sub> = 0, ending at <see cref="End"/> — rpact's <c>accrualTime</c> and
/// absolute <c>accrualIntensity</c> once the end of accrual is known.
/// </summary>
/// <param name="Starts">a<sub>0</sub> = 0 &lt; a<sub>1</sub> &lt; …, one per piece, all before <paramref name="End"/>.</param>
/// <param name="Intensities">r<sub>j</sub> ≥ 0, one per piece.</param>
/// <param name="End">The end of accrual.</param>
internal sealed record AccrualCurve(double[] Starts, double[] Intensities, double End)
{
    /// <summary>Subjects enrolled by calendar time τ.</summary>
    public double Subjects(double time)
    {
        double n = 0;
        for (int j = 0; j < Starts.Length && Starts[j] < time; j++)
            n += Intensities[j] * (Math.Min(PieceEnd(j), time) - Starts[j]);
        return n;
    }

    /// <summary>
    /// Expected events by calendar time τ: Σ<sub>j</sub> r<sub>j</sub>∫<sub>a<sub>j</sub></sub><sup>min(a<sub>j+1</sub>, τ)</sup>
    /// F(τ − u) du = Σ<sub>j</sub> r<sub>j</sub>[G(τ − a<sub>j</sub>) − G(τ − min(a<sub>j+1</sub>, τ))], G = ∫F, averaged
    /// over the arms with weights r/(1 + r) and 1/(1 + r) (rpact's <c>.getEventProbabilities</c> × subjects).
    /// </summary>
    public double Events(double time, ArmEventCurves arms)
    {
        PiecewiseEventCurve treatment = arms.Treatment, control = arms.Control;
        double t = 0, c = 0;
        for (int j = 0; j < Starts.Length && Starts[j] < time; j++)
        {
            double from = time - Starts[j], to = time - Math.Min(PieceEnd(j), time);
            t += Intensities[j] * (treatment.Integral(from) - treatment.Integral(to));
            c += Intensities[j] * (control.Integral(from) - control.Integral(to));
        }
        return (arms.AllocationRatio * t + c) / (1 + arms.AllocationRatio);
    }

    /// <summary>The same pieces with every intensity multiplied by <paramref name="factor"/>.</summary>
    public AccrualCurve Scaled(double factor) => this with { Intensities = [.. Intensities.Select(r => r * factor)] };

    /// <summary>
    /// The pieces cut at, or the last piece extended to, <paramref name="end"/> (rpact's open-ended accrual, whose
    /// last intensity runs until enough subjects are enrolled).
    /// </summary>
    public AccrualCurve Until(double end)
    {
        int pieces = 1;
        while (pieces < Starts.Length && Starts[pieces] < end) pieces++;
        return new AccrualCurve(Starts[..pieces], Intensities[..pieces], end);
    }

    private double PieceEnd(int j) => j + 1 < Starts.Length ? Starts[j + 1] : End;
}
