namespace Evident.Server.Features;

/// <summary>
/// An audit record as the audit page and the CSV export show it (<see cref="AuditText"/>): the action and details in
/// the protocol's words, with no JSON and no null values; a correction also lists what it changed.
/// </summary>
/// <param name="Sequence">The record's place in the chain.</param>
/// <param name="At">When, UTC, to the second: <c>2026-01-15 09:00:05</c>.</param>
/// <param name="AtIso">When, as stored (ISO 8601 with ticks).</param>
/// <param name="Actor">Who: a user name, or <c>cli:NAME</c>.</param>
/// <param name="Action">The action as stored, e.g. <c>capture.correct</c>.</param>
/// <param name="ActionLabel">The action in words, e.g. "Corrected".</param>
/// <param name="ParticipantId">The participant concerned, or null when the record is about something else.</param>
/// <param name="Subject">What the record is about in words, e.g. "Participant P-1", "User coord1", "Site one".</param>
/// <param name="Details">The details, label by label, in the order recorded.</param>
/// <param name="Changes">For a correction, the values it changed from the version it replaced; else empty.</param>
/// <param name="Reason">Why, where the action requires one, else null.</param>
/// <param name="Hash">The record's hash.</param>
public sealed record AuditEntryView(
    long Sequence,
    string At,
    string AtIso,
    string Actor,
    string Action,
    string ActionLabel,
    string? ParticipantId,
    string Subject,
    IReadOnlyList<AuditField> Details,
    IReadOnlyList<AuditChange> Changes,
    string? Reason,
    string Hash);
