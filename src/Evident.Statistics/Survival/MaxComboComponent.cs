namespace Evident.Statistics.Survival;

/// <summary>One weighted log-rank statistic of a MaxCombo test.</summary>
/// <param name="Weight">Its FH(ρ, γ) weight.</param>
/// <param name="Score">U = Σ w(t)(d₁(t) − d(t)n₁(t)/n(t)), the first group's weighted observed − expected, summed over strata.</param>
/// <param name="Variance">V = Σ w(t)² d(n − d)n₁n₀/(n²(n − 1)), summed over strata.</param>
/// <param name="Z">U/√V: negative when the first group has fewer events than expected.</param>
public sealed record MaxComboComponent(FlemingHarringtonWeight Weight, double Score, double Variance, double Z);
