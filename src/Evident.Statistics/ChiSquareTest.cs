using MathNet.Numerics.Distributions;

namespace Evident.Statistics;

/// <summary>
/// A test statistic referred to a chi-square distribution: the shape of R's likelihood-ratio, Wald, score and
/// log-rank tests.
/// </summary>
/// <param name="Statistic">The chi-square statistic, ≥ 0.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom, ≥ 1.</param>
/// <param name="PValue">Upper-tail probability <c>P(χ²_df ≥ statistic)</c>; R: <c>pchisq(stat, df, lower.tail = FALSE)</c>.</param>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double PValue)
{
    /// <summary>Builds the test from its statistic and degrees of freedom, computing the upper-tail p-value.</summary>
    public static ChiSquareTest FromStatistic(double statistic, int degreesOfFreedom) =>
        new(statistic, degreesOfFreedom, UpperTail(statistic, degreesOfFreedom));

    /// <summary><c>P(χ²_df ≥ x)</c>, accurate in the far tail (no <c>1 − CDF</c> cancellation).</summary>
    public static double UpperTail(double x, int degreesOfFreedom)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x <= 0) return 1.0;
        if (double.IsPositiveInfinity(x)) return 0.0;
        // Q(k/2, x/2): the regularized upper incomplete gamma function.
        return MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }
}
