namespace Evident.Statistics.Safety;

/// <summary>
/// A difference of two proportions p₁ − p₀ with its Wald interval. Built by <see cref="RiskDifference.Wald"/>.
/// </summary>
/// <param name="Events1">Participants with the event in group 1.</param>
/// <param name="N1">Participants in group 1 (the denominator), ≥ 1.</param>
/// <param name="Events0">Participants with the event in group 0 (the comparator).</param>
/// <param name="N0">Participants in group 0, ≥ 1.</param>
/// <param name="Difference">p₁ − p₀ with pᵢ = eventsᵢ/nᵢ, in [−1, 1].</param>
/// <param name="StdError">sqrt(p₁(1 − p₁)/n₁ + p₀(1 − p₀)/n₀), the unpooled binomial standard error; 0 when both proportions are 0 or 1.</param>
/// <param name="ConfidenceLevel">Level of the interval, in (0, 1).</param>
/// <param name="Lower">Difference − z·StdError (not truncated to [−1, 1], as the textbook Wald interval).</param>
/// <param name="Upper">Difference + z·StdError.</param>
public sealed record RiskDifferenceEstimate(int Events1, int N1, int Events0, int N0, double Difference, double StdError,
                                            double ConfidenceLevel, double Lower, double Upper);
