namespace Evident.Statistics.Survival;

/// <summary>
/// Pointwise confidence limits for a survival probability, exactly as R's <c>survival:::survfit_confint</c> builds
/// them from S and the standard error of −log S (the cumulative hazard).
/// </summary>
/// <remarks>
/// With z = Φ⁻¹(1 − (1 − level)/2) and σ = se(−log S):
/// <list type="bullet">
/// <item><c>Log</c>: S·exp(∓zσ), upper truncated at 1; NaN when S = 0.</item>
/// <item><c>LogLog</c> (Kalbfleisch–Prentice 1980): exp(−exp(log(−log S) ∓ zσ/log S)); NaN when S = 0 or S = 1.</item>
/// <item><c>Plain</c> (Klein–Moeschberger eq. 4.3.1): S ∓ z·σ·S, truncated to [0, 1]; NaN when σ is infinite (S = 0).</item>
/// </list>
/// </remarks>
internal static class PointwiseConfidence
{
    public static (double Lower, double Upper) Limits(double survival, double seCumulativeHazard, ConfidenceType type, double z)
    {
        switch (type)
        {
            case ConfidenceType.Log:
            {
                if (survival == 0) return (double.NaN, double.NaN);
                double logS = Math.Log(survival), half = z * seCumulativeHazard;
                return (Math.Exp(logS - half), Math.Min(Math.Exp(logS + half), 1.0));
            }
            case ConfidenceType.LogLog:
            {
                if (survival == 0 || survival == 1) return (double.NaN, double.NaN);
                double logS = Math.Log(survival);
                double half = z * seCumulativeHazard / logS; // negative: log S < 0
                double center = Math.Log(-logS);
                return (Math.Exp(-Math.Exp(center - half)), Math.Exp(-Math.Exp(center + half)));
            }
            case ConfidenceType.Plain:
            {
                double half = seCumulativeHazard * survival * z;
                if (double.IsNaN(half)) return (double.NaN, double.NaN);
                return (Math.Max(survival - half, 0.0), Math.Min(survival + half, 1.0));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown confidence interval type.");
        }
    }
}
