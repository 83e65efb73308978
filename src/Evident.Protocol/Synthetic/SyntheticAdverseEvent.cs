namespace Evident.Protocol.Synthetic;

/// <summary>One adverse event of a synthetic trial (one row of the adverse-event table).</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Term">The term, e.g. <c>Sepsis</c>.</param>
/// <param name="Grade">CTCAE grade, 1–5.</param>
public sealed record SyntheticAdverseEvent(string ParticipantId, string Term, int Grade);
