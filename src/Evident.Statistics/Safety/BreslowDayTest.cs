namespace Evident.Statistics.Safety;

/// <summary>
/// The Breslow–Day (1980) test of homogeneity of the odds ratios of a 2×2×K table, with and without Tarone's (1985)
/// correction, about the Mantel–Haenszel common odds ratio. Built by <see cref="BreslowDay.Test"/>.
/// </summary>
/// <param name="CommonOddsRatio">Mantel–Haenszel ψ = Σ aₖdₖ/nₖ ÷ Σ bₖcₖ/nₖ (R: <c>mantelhaen.test(x)$estimate</c>); NaN for 0/0, +∞ when only the denominator is 0.</param>
/// <param name="Strata">Number of strata K given.</param>
/// <param name="InformativeStrata">Strata K' with all four margins positive: the only ones whose first cell is not fixed by the margins.</param>
/// <param name="Status">Whether the statistics could be computed.</param>
/// <param name="Uncorrected">Breslow–Day X² = Σ (aₖ − Âₖ)²/Vₖ on K' − 1 degrees of freedom; null unless <see cref="BreslowDayStatus.Computed"/>.</param>
/// <param name="Tarone">
/// Tarone's corrected X² − (Σ aₖ − Σ Âₖ)²/Σ Vₖ on K' − 1 degrees of freedom (DescTools <c>BreslowDayTest(x, correct = TRUE)</c>);
/// never above <see cref="Uncorrected"/>; null unless <see cref="BreslowDayStatus.Computed"/>.
/// </param>
/// <param name="Expected">Per stratum: Âₖ, the first cell expected under ψ given the margins; NaN for a stratum with a zero margin or when not computed.</param>
/// <param name="Variance">Per stratum: Vₖ, the variance of the first cell under ψ; NaN where <paramref name="Expected"/> is.</param>
public sealed record BreslowDayTest(double CommonOddsRatio, int Strata, int InformativeStrata, BreslowDayStatus Status,
                                    ChiSquareTest? Uncorrected, ChiSquareTest? Tarone,
                                    IReadOnlyList<double> Expected, IReadOnlyList<double> Variance);
