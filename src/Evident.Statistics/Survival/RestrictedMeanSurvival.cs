namespace Evident.Statistics.Survival;

/// <summary>
/// Restricted mean survival time of one Kaplan–Meier curve up to τ: R's <c>print(survfit(...), rmean = τ)</c>
/// columns <c>rmean</c> and <c>se(rmean)</c>.
/// </summary>
/// <param name="Tau">Truncation time τ &gt; 0.</param>
/// <param name="Rmst">∫₀^τ Ŝ(t) dt, the area under the Kaplan–Meier step function (Irwin 1949).</param>
/// <param name="StdError">
/// sqrt(Σ_{tᵢ ≤ τ} A(tᵢ)²·dᵢ/(nᵢ(nᵢ − dᵢ))) with A(tᵢ) = ∫_{tᵢ}^τ Ŝ(t) dt (terms with nᵢ = dᵢ omitted), survival's
/// <c>survmean</c> formula.
/// </param>
/// <param name="ConfidenceLevel">Level of the interval below (the curve's level), in (0, 1).</param>
/// <param name="Lower">Rmst − z·StdError (Wald interval; R prints no interval for rmean).</param>
/// <param name="Upper">Rmst + z·StdError.</param>
public sealed record RestrictedMeanSurvival(double Tau, double Rmst, double StdError, double ConfidenceLevel,
                                            double Lower, double Upper);
