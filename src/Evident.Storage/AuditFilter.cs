namespace Evident.Storage;

/// <summary>
/// Which of a trial's audit records to read (<see cref="AuditQueryStorage"/>): every condition given must hold; a null
/// condition admits every record.
/// </summary>
/// <param name="Participant">A participant id: records whose entity is <c>participant:ID</c>.</param>
/// <param name="Actor">Who did it, exactly as recorded (a user name, or <c>cli:NAME</c>).</param>
/// <param name="Action">What was done, exactly as recorded, e.g. <c>capture.correct</c>.</param>
/// <param name="From">The first day (UTC) included.</param>
/// <param name="To">The last day (UTC) included.</param>
public sealed record AuditFilter(string? Participant = null, string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>No condition: every record of the trial.</summary>
    public static AuditFilter None { get; } = new();
}
