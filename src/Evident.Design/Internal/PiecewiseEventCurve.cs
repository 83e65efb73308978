namespace Evident.Design.Internal;

/// <summary>
/// The probability of an observed event by follow-up time x for one arm with a piecewise-constant hazard λ<sub>i</sub>
/// on [s<sub>i</sub>, s<sub>i+1</sub>) (s<sub>0</sub> = 0, the last piece open) and a constant dropout hazard φ, and its
/// integral — the arm's part of rpact's <c>.getEventProbabilityFunction</c>, integrated in closed form where rpact calls
/// <c>integrate</c>.
/// </summary>
/// <remarks>
/// On piece i, with S<sub>i</sub> = e<sup>−Λ(s<sub>i</sub>) − φs<sub>i</sub></sup> (event-free and in the study at
/// s<sub>i</sub>), μ = λ<sub>i</sub> + φ and d = x − s<sub>i</sub>:
/// F(x) = F(s<sub>i</sub>) + λ<sub>i</sub>S<sub>i</sub>·(1 − e<sup>−μd</sup>)/μ and
/// ∫<sub>0</sub><sup>x</sup>F = ∫<sub>0</sub><sup>s<sub>i</sub></sup>F + F(s<sub>i</sub>)d + λ<sub>i</sub>S<sub>i</sub>·(d − (1 − e<sup>−μd</sup>)/μ)/μ.
/// </remarks>
internal sealed class PiecewiseEventCurve
{
    private readonly double[] starts, hazards, cdfAt, integralAt, survivingAt;
    private readonly double dropout;

    /// <param name="starts">s<sub>0</sub> = 0 &lt; s<sub>1</sub> &lt; …, one per piece (checked by the caller).</param>
    /// <param name="hazards">λ<sub>i</sub> &gt; 0, one per piece.</param>
    /// <param name="dropout">φ ≥ 0.</param>
    public PiecewiseEventCurve(IReadOnlyList<double> starts, IReadOnlyList<double> hazards, double dropout)
    {
        this.starts = [.. starts];
        this.hazards = [.. hazards];
        this.dropout = dropout;
        int n = this.starts.Length;
        cdfAt = new double[n];
        integralAt = new double[n];
        survivingAt = new double[n];
        survivingAt[0] = 1;
        for (int i = 1; i < n; i++)
        {
            double d = this.starts[i] - this.starts[i - 1];
            (cdfAt[i], integralAt[i], survivingAt[i]) = Advance(i - 1, d);
        }
    }

    /// <summary>P(event observed by follow-up x), x ≥ 0.</summary>
    public double Cdf(double x)
    {
        int i = Piece(x);
        return Advance(i, x - starts[i]).Cdf;
    }

    /// <summary>∫<sub>0</sub><sup>x</sup> P(event observed by t) dt, x ≥ 0 (0 for x ≤ 0).</summary>
    public double Integral(double x)
    {
        if (x <= 0) return 0;
        int i = Piece(x);
        return Advance(i, x - starts[i]).Integral;
    }

    /// <summary>P(event observed at any time) = F(∞).</summary>
    public double Eventual()
    {
        int i = starts.Length - 1;
        return cdfAt[i] + hazards[i] * survivingAt[i] / (hazards[i] + dropout);
    }

    private int Piece(double x)
    {
        int i = starts.Length - 1;
        while (i > 0 && x < starts[i]) i--;
        return i;
    }

    private (double Cdf, double Integral, double Surviving) Advance(int i, double d)
    {
        double lambda = hazards[i], mu = lambda + dropout, s = survivingAt[i], c = cdfAt[i];
        double mass = lambda * s;
        return (c + mass * FirstMoment(mu, d), integralAt[i] + c * d + mass * SecondMoment(mu, d), s * Math.Exp(-mu * d));
    }

    /// <summary>(1 − e<sup>−μd</sup>)/μ = ∫<sub>0</sub><sup>d</sup>e<sup>−μt</sup>dt.</summary>
    private static double FirstMoment(double mu, double d) => -double.ExpM1(-mu * d) / mu;

    /// <summary>(d − (1 − e<sup>−μd</sup>)/μ)/μ = ∫<sub>0</sub><sup>d</sup>(1 − e<sup>−μt</sup>)/μ dt, by its series when μd is small.</summary>
    private static double SecondMoment(double mu, double d)
    {
        double z = mu * d;
        if (z < 1e-3) return d * d * (0.5 - z / 6 + z * z / 24 - z * z * z / 120);
        return (d - FirstMoment(mu, d)) / mu;
    }
}
