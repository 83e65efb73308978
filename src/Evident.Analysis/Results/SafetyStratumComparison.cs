using Evident.Statistics.Safety;

namespace Evident.Analysis.Results;

/// <summary>
/// One compared arm against the control for one adverse-event term, stratum by stratum: the risk difference within
/// each stratum and the Breslow–Day test (with Tarone's correction) of whether the odds ratio is the same in every
/// stratum. A difference confined to one stratum, or of opposite sign in two, shows here when the pooled
/// Cochran–Mantel–Haenszel test does not.
/// </summary>
/// <param name="Term">The term code of the safety table; −1 for any term.</param>
/// <param name="Arm">Code of the compared arm.</param>
/// <param name="ReferenceArm">Code of the control arm.</param>
/// <param name="ByStratum">
/// Per stratum code: arm minus control proportion with its Wald interval at the analysis's level; null when either
/// arm has no participant in the stratum.
/// </param>
/// <param name="Homogeneity">Breslow–Day and Breslow–Day–Tarone tests over the strata (<see cref="BreslowDay.Test"/>).</param>
public sealed record SafetyStratumComparison(int Term, int Arm, int ReferenceArm, IReadOnlyList<RiskDifferenceEstimate?> ByStratum,
                                             BreslowDayTest Homogeneity);
