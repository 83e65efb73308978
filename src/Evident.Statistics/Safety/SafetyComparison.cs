namespace Evident.Statistics.Safety;

/// <summary>
/// One arm against the reference arm for one adverse-event term (or any term): the 2×2 table
/// [[events, no events] in the arm, [events, no events] in the reference arm] and its analyses.
/// </summary>
/// <param name="Arm">Code of the compared arm.</param>
/// <param name="ReferenceArm">Code of the reference (comparator) arm.</param>
/// <param name="RiskDifference">Proportion in the arm minus proportion in the reference arm, Wald interval (<see cref="Safety.RiskDifference.Wald"/>).</param>
/// <param name="Fisher">Fisher's exact test of the pooled 2×2 table (R: <c>fisher.test</c>).</param>
/// <param name="MantelHaenszel">
/// Cochran–Mantel–Haenszel test across strata with the common odds ratio (R: <c>mantelhaen.test</c>); null without
/// strata or when fewer than one stratum has 2 or more participants in the two arms. Strata with fewer than 2 such
/// participants are left out: they add nothing to Δ, V or the odds ratio's sums (R refuses them instead).
/// </param>
public sealed record SafetyComparison(int Arm, int ReferenceArm, RiskDifferenceEstimate RiskDifference, FisherExactTest Fisher,
                                      MantelHaenszelTest? MantelHaenszel);
