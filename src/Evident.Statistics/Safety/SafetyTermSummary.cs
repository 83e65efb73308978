namespace Evident.Statistics.Safety;

/// <summary>
/// Participants with an adverse event of at least the table's minimum grade, for one term (or for any term), per arm,
/// and the comparisons of each arm with the reference arm. A participant counts once per term, at their worst grade.
/// </summary>
/// <param name="Term">The term code; −1 for the "any term" row.</param>
/// <param name="Participants">Per arm code: participants with at least one such event.</param>
/// <param name="Proportions">Per arm code: Participants ÷ the arm's participants (<see cref="SafetyTable.ArmSizes"/>), in [0, 1].</param>
/// <param name="ParticipantsByStratum">Per arm code, per stratum code: participants with at least one such event.</param>
/// <param name="Comparisons">One per arm other than the reference, in arm-code order.</param>
public sealed record SafetyTermSummary(int Term, IReadOnlyList<int> Participants, IReadOnlyList<double> Proportions,
                                       IReadOnlyList<IReadOnlyList<int>> ParticipantsByStratum,
                                       IReadOnlyList<SafetyComparison> Comparisons);
