namespace Evident.Randomization.Capture;

/// <summary>
/// One stored version of a captured entry. Entries are never updated: a correction stores version n + 1 of the same
/// <see cref="EntryId"/> with a reason, and the latest version is the current one. Carries no arm.
/// </summary>
/// <param name="EntryId">The entry's id in the trial (stable across versions).</param>
/// <param name="Version">1 for the original, then 2, 3, … for corrections.</param>
/// <param name="TrialId">The trial.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Site">The participant's site.</param>
/// <param name="Content">What was recorded.</param>
/// <param name="RecordedAt">When (UTC, from the service's clock).</param>
/// <param name="RecordedBy">Who.</param>
/// <param name="Reason">Why this version replaced the previous one (corrections only), else null.</param>
public sealed record CaptureEntry(
    long EntryId,
    int Version,
    string TrialId,
    string ParticipantId,
    string Site,
    CaptureInput Content,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? Reason);
