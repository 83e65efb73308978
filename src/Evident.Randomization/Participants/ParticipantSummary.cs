using Evident.Randomization.Capture;
using Evident.Randomization.Queries;

namespace Evident.Randomization.Participants;

/// <summary>
/// One randomized participant as a list shows them: the randomization, the last contact, how much is recorded and
/// open, and where they stand. Carries the arm only inside <see cref="Randomization"/>; callers decide who sees it.
/// </summary>
/// <param name="Randomization">The randomization.</param>
/// <param name="LastContact">
/// The last date the participant was known alive and followed: the latest of the randomization date, every current
/// entry's date (but a loss to follow-up's, which is no contact) and every adverse event's end date.
/// </param>
/// <param name="Events">Follow-up events recorded (relapse, death, second malignancy; not last contacts).</param>
/// <param name="OpenAdverseEvents">Adverse events without an end date (ongoing).</param>
/// <param name="OpenQueries">Data queries not closed (open or answered).</param>
/// <param name="Status">Where the participant stands.</param>
/// <param name="FollowUpEnded">Whether no more follow-up is expected: dead, lost, withdrawn without follow-up, or invalidated.</param>
public sealed record ParticipantSummary(
    Allocation Randomization,
    DateOnly LastContact,
    int Events,
    int OpenAdverseEvents,
    int OpenQueries,
    ParticipantStatus Status,
    bool FollowUpEnded)
{
    /// <summary>Summarizes one participant.</summary>
    /// <param name="randomization">The randomization.</param>
    /// <param name="entries">The participant's current entries (latest version of each).</param>
    /// <param name="queries">The participant's data queries.</param>
    public static ParticipantSummary Of(Allocation randomization, IEnumerable<CaptureEntry> entries, IEnumerable<DataQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(randomization);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(queries);
        var content = entries.Select(e => e.Content).ToArray();
        var status = StatusOf(randomization, content);
        bool ended = status is ParticipantStatus.Invalidated or ParticipantStatus.Dead or ParticipantStatus.LostToFollowUp
                     || content.Any(c => c.Kind == CaptureKind.Withdrawn && c.FollowUpAllowed != true);
        return new ParticipantSummary(randomization, LastContactOf(content, DateOnly.FromDateTime(randomization.RandomizedAt.UtcDateTime)),
            content.Count(c => c.Kind is CaptureKind.Relapse or CaptureKind.Death or CaptureKind.SecondMalignancy),
            content.Count(c => c.Kind == CaptureKind.AdverseEvent && c.EndDate is null),
            queries.Count(q => q.IsOpen), status, ended);
    }

    /// <summary>
    /// The latest of <paramref name="randomized"/>, every entry's date (but a loss to follow-up's, which is no contact) and
    /// every adverse event's end date.
    /// </summary>
    /// <param name="content">The participant's current entries.</param>
    /// <param name="randomized">The randomization date.</param>
    public static DateOnly LastContactOf(IEnumerable<CaptureInput> content, DateOnly randomized)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Where(c => c.Kind != CaptureKind.LostToFollowUp)
                      .Select(c => c.EndDate is { } end && end > c.Date ? end : c.Date).Append(randomized).Max();
    }

    private static ParticipantStatus StatusOf(Allocation randomization, IReadOnlyList<CaptureInput> content)
    {
        if (randomization.InvalidatedAt is not null) return ParticipantStatus.Invalidated;
        if (content.Any(c => c.Kind == CaptureKind.Death)) return ParticipantStatus.Dead;
        if (content.Any(c => c.Kind == CaptureKind.LostToFollowUp)) return ParticipantStatus.LostToFollowUp;
        if (content.Any(c => c.Kind == CaptureKind.Withdrawn)) return ParticipantStatus.Withdrawn;
        return content.Any(c => c.Kind == CaptureKind.OffTherapy) ? ParticipantStatus.OffTherapy : ParticipantStatus.OnStudy;
    }
}
