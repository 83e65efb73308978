namespace Evident.Statistics.Cox;

/// <summary>
/// One row of a Cox model's coefficient table (R: <c>summary(coxph(...))$coefficients</c> and <c>$conf.int</c>).
/// For an aliased column (constant or collinear; R reports <c>NA</c>) every field is NaN.
/// </summary>
/// <param name="Estimate">The log hazard ratio β̂.</param>
/// <param name="StdError">The model-based standard error, √(I(β̂)⁻¹)ⱼⱼ; R: <c>se(coef)</c>.</param>
/// <param name="RobustStdError">The Lin–Wei (1989) cluster-robust standard error, R: <c>robust se</c>; NaN without clusters.</param>
/// <param name="HazardRatio"><c>exp(β̂)</c>.</param>
/// <param name="ConfLow">Lower confidence limit of the hazard ratio, <c>exp(β̂ − z·se)</c>, using the robust SE when present.</param>
/// <param name="ConfHigh">Upper confidence limit of the hazard ratio, <c>exp(β̂ + z·se)</c>, using the robust SE when present.</param>
/// <param name="Z">The Wald statistic <c>β̂ / se</c> (robust SE when present).</param>
/// <param name="PValue">Two-sided normal p-value of <see cref="Z"/>.</param>
/// <param name="MayBeInfinite">
/// True when the log-likelihood converged although one more Newton step would still move this coefficient
/// noticeably (<c>|(U·V)ⱼ| &gt; eps</c> and <c>&gt; √eps·|β̂ⱼ|</c>): the estimate is heading to ±∞ (monotone likelihood,
/// e.g. perfect separation). R warns "Loglik converged before variable j; beta may be infinite".
/// </param>
public sealed record CoxCoefficient(
    double Estimate,
    double StdError,
    double RobustStdError,
    double HazardRatio,
    double ConfLow,
    double ConfHigh,
    double Z,
    double PValue,
    bool MayBeInfinite);
