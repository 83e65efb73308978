namespace Evident.Statistics.Safety;

/// <summary>
/// An adverse-event incidence table (ICH E3 §12.2; the "participants with ≥ 1 event" table of a clinical study
/// report): per term and arm, participants with an event of at least <see cref="MinGrade"/>, with risk differences,
/// Fisher's exact tests and Cochran–Mantel–Haenszel tests against the reference arm. Built by
/// <see cref="AdverseEvents.Summarize"/>; immutable.
/// </summary>
/// <param name="MinGrade">The minimum grade counted, 1–5 (CTCAE grades).</param>
/// <param name="ReferenceArm">The arm code every other arm is compared with.</param>
/// <param name="ArmSizes">Participants per arm code: the denominators of the proportions.</param>
/// <param name="ArmSizesByStratum">Participants per arm code, per stratum code.</param>
/// <param name="Terms">One row per term code, in code order.</param>
/// <param name="AnyTerm">The "any term" row (<see cref="SafetyTermSummary.Term"/> = −1): participants with at least one event of any term.</param>
public sealed record SafetyTable(int MinGrade, int ReferenceArm, IReadOnlyList<int> ArmSizes,
                                 IReadOnlyList<IReadOnlyList<int>> ArmSizesByStratum,
                                 IReadOnlyList<SafetyTermSummary> Terms, SafetyTermSummary AnyTerm);
