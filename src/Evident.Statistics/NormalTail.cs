using MathNet.Numerics.Distributions;
using Evident.Statistics.Internal;

namespace Evident.Statistics;

/// <summary>Standard normal quantities used across the kernels.</summary>
public static class NormalTail
{
    /// <summary>Two-sided p-value of a z statistic, <c>2·Φ(−|z|)</c>; R: <c>2 * pnorm(-abs(z))</c>.</summary>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : 2.0 * Normal.CDF(0, 1, -Math.Abs(z));

    /// <summary>The two-sided critical value <c>Φ⁻¹(1 − (1 − level)/2)</c>; R: <c>qnorm(1 - (1 - level)/2)</c>.</summary>
    /// <param name="confidenceLevel">Confidence level, 0 &lt; level &lt; 1.</param>
    public static double CriticalValue(double confidenceLevel)
    {
        Preconditions.CheckProbability(confidenceLevel, nameof(confidenceLevel));
        return Normal.InvCDF(0, 1, 1 - (1 - confidenceLevel) / 2);
    }
}
