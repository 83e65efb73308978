namespace Evident.Statistics.Safety;

/// <summary>
/// The Cochran–Mantel–Haenszel test of conditional independence in a 2×2×K table and the Mantel–Haenszel common odds
/// ratio with the Robins–Breslow–Greenland interval: R's <c>mantelhaen.test(x)</c> for a 2×2×K array with
/// <c>exact = FALSE</c>. Built by <see cref="MantelHaenszel.Test"/>.
/// </summary>
/// <param name="Test">The Mantel–Haenszel chi-square statistic on 1 degree of freedom and its upper-tail p-value (R: <c>statistic</c>, <c>p.value</c>).</param>
/// <param name="ContinuityCorrected">
/// True when the 0.5 continuity correction was applied: requested and |Σ(aₖ − E aₖ)| ≥ 0.5, as R decides (R's method
/// name then says "with continuity correction").
/// </param>
/// <param name="Strata">Number of strata K.</param>
/// <param name="CommonOddsRatio">Mantel–Haenszel (1959) estimate Σ aₖdₖ/nₖ ÷ Σ bₖcₖ/nₖ (R: <c>estimate</c>); NaN for 0/0, +∞ when only the denominator is 0.</param>
/// <param name="ConfidenceLevel">Level of the interval, in (0, 1).</param>
/// <param name="Lower">Lower limit, OR·exp(−z·sd) with the Robins–Breslow–Greenland (1986) sd of log OR (R: <c>conf.int[1]</c>).</param>
/// <param name="Upper">Upper limit, OR·exp(z·sd) (R: <c>conf.int[2]</c>).</param>
public sealed record MantelHaenszelTest(ChiSquareTest Test, bool ContinuityCorrected, int Strata, double CommonOddsRatio,
                                        double ConfidenceLevel, double Lower, double Upper);
