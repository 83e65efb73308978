namespace Evident.Statistics.Parametric;

/// <summary>
/// The distribution of log T in an accelerated failure time model, log T = x·β + σ·W (R: <c>survreg(dist = )</c>).
/// </summary>
public enum SurvivalDistribution
{
    /// <summary>W extreme-value (minimum): T Weibull. R: <c>"weibull"</c>.</summary>
    Weibull,

    /// <summary>Weibull with σ fixed at 1: T exponential. R: <c>"exponential"</c>.</summary>
    Exponential,

    /// <summary>W standard normal: T log-normal. R: <c>"lognormal"</c>.</summary>
    LogNormal,

    /// <summary>W standard logistic: T log-logistic. R: <c>"loglogistic"</c>.</summary>
    LogLogistic,
}
