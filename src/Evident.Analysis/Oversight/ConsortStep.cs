using Evident.Protocol;

namespace Evident.Analysis.Oversight;

/// <summary>One box of an arm's CONSORT flow below allocation: participants off therapy, withdrawn or lost to follow-up.</summary>
/// <param name="Kind">Which kind of record.</param>
/// <param name="Participants">Participants of the arm with such a record dated on or before the cut-off; 0 when none.</param>
/// <param name="Reasons">The reasons, most frequent first (ties in order of the reason), summing to <paramref name="Participants"/>.</param>
public sealed record ConsortStep(OffStudyKind Kind, int Participants, IReadOnlyList<ConsortReason> Reasons);
