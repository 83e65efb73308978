namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// One row of a Fine–Gray model's coefficient table (R: <c>summary(crr(...))$coef</c> and <c>$conf.int</c>).
/// </summary>
/// <param name="Estimate">The log subdistribution hazard ratio β̂.</param>
/// <param name="StdError">The sandwich standard error √Vⱼⱼ (R: <c>sqrt(diag(fit$var))</c>).</param>
/// <param name="HazardRatio">The subdistribution hazard ratio <c>exp(β̂)</c>.</param>
/// <param name="ConfLow">Lower limit <c>exp(β̂ − z·se)</c>.</param>
/// <param name="ConfHigh">Upper limit <c>exp(β̂ + z·se)</c>.</param>
/// <param name="Z">The Wald statistic β̂ / se.</param>
/// <param name="PValue">Two-sided normal p-value of <paramref name="Z"/>, <c>2·pnorm(−|z|)</c>.</param>
public sealed record FineGrayCoefficient(
    double Estimate,
    double StdError,
    double HazardRatio,
    double ConfLow,
    double ConfHigh,
    double Z,
    double PValue);
