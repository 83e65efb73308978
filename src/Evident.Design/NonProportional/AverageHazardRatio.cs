using Evident.Design.Internal;
using Evident.Design.Simulation;

namespace Evident.Design.NonProportional;

/// <summary>
/// The average hazard ratio and expected events of a trial with a hazard ratio that changes with the time since entry
/// (a delayed or fading effect), as gsDesign2 (Anderson et al.) defines them in <c>ahr()</c> and
/// <c>expected_event()</c>; gsDesign2 is not available here, so the values are verified by simulation.
/// </summary>
/// <remarks>
/// <para>
/// Periods j of the time since entry are the pieces of the union of the control hazard's and the ratio's steps; the
/// experimental hazard on period j is HR_j·λ_j. For one arm enrolled at rate q·a(u) (q = r/(1 + r) experimental,
/// 1/(1 + r) control), the expected events in period [s_j, s_{j+1}) by calendar time T are
/// E_j(T) = ∫₀^T q·a(T − x)[F(min(x, s_{j+1})) − F(min(x, s_j))] dx, F the probability of an observed event by follow-up x
/// with the dropout hazard competing (<c>expected_event(simple = FALSE)</c>); with piecewise-constant a it is the
/// closed form of G_b(x) = ∫₀^x F(min(t, b)) dt = ∫₀^{min(x,b)} F + F(b)·(x − b)⁺.
/// </para>
/// <para>
/// Then, as <c>ahr()</c>: AHR = exp(Σ_j E_j log HR_j / Σ_j E_j) with E_j = E_cj + E_ej, information
/// Σ_j 1/(1/E_cj + 1/E_ej) (periods with no events in an arm contribute 0) and null information Σ_j E_j q_c q_e.
/// </para>
/// </remarks>
public static class AverageHazardRatio
{
    /// <summary>The AHR, events and information at each analysis time.</summary>
    /// <param name="options">Enrolment, hazards, ratio, dropout and analysis times.</param>
    /// <exception cref="DesignInputException">An input out of range, naming it.</exception>
    public static IReadOnlyList<AverageHazardRatioLook> Compute(AverageHazardRatioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        var periods = options.ControlHazard.Starts.Union(options.HazardRatio.Starts).Order().ToArray();
        var controlRates = periods.Select(options.ControlHazard.At).ToArray();
        var ratios = periods.Select(options.HazardRatio.At).ToArray();
        var control = new PiecewiseEventCurve(periods, controlRates, options.DropoutHazard);
        var experimental = new PiecewiseEventCurve(periods, controlRates.Zip(ratios, (l, h) => l * h).ToArray(), options.DropoutHazard);
        double r = options.AllocationRatio, qe = r / (1 + r), qc = 1 / (1 + r);
        var enrollment = options.EnrollmentRate;
        var looks = new AverageHazardRatioLook[options.AnalysisTimes.Count];
        for (int k = 0; k < looks.Length; k++)
        {
            double time = options.AnalysisTimes[k];
            var byPeriod = new double[periods.Length];
            double c = 0, e = 0, logSum = 0, information = 0;
            for (int j = 0; j < periods.Length; j++)
            {
                double end = j + 1 < periods.Length ? periods[j + 1] : double.PositiveInfinity;
                double ec = qc * Events(enrollment, options.EnrollmentEnd, control, periods[j], end, time);
                double ee = qe * Events(enrollment, options.EnrollmentEnd, experimental, periods[j], end, time);
                byPeriod[j] = ec + ee;
                c += ec;
                e += ee;
                if (byPeriod[j] > 0) logSum += byPeriod[j] * Math.Log(ratios[j]);
                if (ec > 0 && ee > 0) information += 1 / (1 / ec + 1 / ee);
            }
            double events = c + e;
            looks[k] = new AverageHazardRatioLook(time, events > 0 ? Math.Exp(logSum / events) : double.NaN, events, c, e,
                                                  information, events * qc * qe, Array.AsReadOnly(byPeriod));
        }
        return Array.AsReadOnly(looks);
    }

    /// <summary>
    /// Expected events by calendar <paramref name="time"/> in the follow-up window [<paramref name="from"/>, <paramref name="to"/>)
    /// of one arm enrolled at the full rate: Σ_k a_k [W(T − u_k) − W(T − min(u_{k+1}, T))], W = G_to − G_from.
    /// </summary>
    private static double Events(PiecewiseHazard enrollment, double enrollmentEnd, PiecewiseEventCurve curve, double from, double to, double time)
    {
        var starts = enrollment.Starts;
        var rates = enrollment.Rates;
        double total = 0;
        for (int k = 0; k < starts.Count && starts[k] < Math.Min(time, enrollmentEnd); k++)
        {
            double pieceEnd = Math.Min(k + 1 < starts.Count ? starts[k + 1] : enrollmentEnd, Math.Min(enrollmentEnd, time));
            total += rates[k] * (Window(curve, from, to, time - starts[k]) - Window(curve, from, to, time - pieceEnd));
        }
        return total;
    }

    /// <summary>∫₀^x P(event in [from, to) by follow-up t) dt = G_to(x) − G_from(x).</summary>
    private static double Window(PiecewiseEventCurve curve, double from, double to, double x) => Clipped(curve, to, x) - Clipped(curve, from, x);

    /// <summary>G_b(x) = ∫₀^{min(x,b)} F + F(b)·(x − b)⁺ (b = ∞: ∫₀^x F; b = 0: 0).</summary>
    private static double Clipped(PiecewiseEventCurve curve, double b, double x)
    {
        if (x <= 0 || b <= 0) return 0;
        if (x <= b) return curve.Integral(x);
        return curve.Integral(b) + curve.Cdf(b) * (x - b);
    }

    private static void Check(AverageHazardRatioOptions o)
    {
        ArgumentNullException.ThrowIfNull(o.EnrollmentRate, nameof(o.EnrollmentRate));
        ArgumentNullException.ThrowIfNull(o.ControlHazard, nameof(o.ControlHazard));
        ArgumentNullException.ThrowIfNull(o.HazardRatio, nameof(o.HazardRatio));
        ArgumentNullException.ThrowIfNull(o.AnalysisTimes, nameof(o.AnalysisTimes));
        Checks.Positive(o.EnrollmentEnd, nameof(o.EnrollmentEnd));
        Checks.Positive(o.AllocationRatio, nameof(o.AllocationRatio));
        Checks.Within(o.DropoutHazard, DesignLimits.NonNegative, nameof(o.DropoutHazard), "must be a finite number ≥ 0.");
        if (o.ControlHazard.Rates.Any(r => !(r > 0))) throw new DesignInputException(nameof(o.ControlHazard), DesignInputException.Text(o.ControlHazard.Rates), "every control hazard must be positive.");
        if (o.HazardRatio.Rates.Any(r => !(r > 0))) throw new DesignInputException(nameof(o.HazardRatio), DesignInputException.Text(o.HazardRatio.Rates), "every hazard ratio must be positive.");
        if (o.AnalysisTimes.Count == 0) throw new DesignInputException(nameof(o.AnalysisTimes), null, "give at least one analysis time.");
        foreach (double t in o.AnalysisTimes) Checks.Positive(t, nameof(o.AnalysisTimes));
    }
}
