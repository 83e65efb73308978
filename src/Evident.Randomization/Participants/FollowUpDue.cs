using Evident.Protocol;

namespace Evident.Randomization.Participants;

/// <summary>
/// A participant whose follow-up visit falls due by the protocol's <see cref="FollowUpSchedule"/>: due once
/// <see cref="FollowUpSchedule.Interval"/> has passed since the last contact, overdue once more than interval + grace
/// has (the rule of the report's overdue list). Only participants whose follow-up has not ended are assessed.
/// </summary>
/// <param name="Participant">The participant.</param>
/// <param name="DueOn">The first day the visit is due.</param>
/// <param name="OverdueFrom">The first day the visit is overdue.</param>
/// <param name="Overdue">Whether the visit is overdue on the day assessed (else it is due).</param>
public sealed record FollowUpDue(ParticipantSummary Participant, DateOnly DueOn, DateOnly OverdueFrom, bool Overdue)
{
    /// <summary>
    /// The participants due or overdue on <paramref name="today"/>, overdue first, then longest since last contact, then
    /// by participant id; empty without a schedule.
    /// </summary>
    /// <param name="schedule">The protocol's follow-up schedule, or null.</param>
    /// <param name="unit">The protocol's time unit, in which the schedule is written.</param>
    /// <param name="participants">The participants to assess.</param>
    /// <param name="today">The day assessed.</param>
    public static IReadOnlyList<FollowUpDue> Assess(FollowUpSchedule? schedule, TimeUnit unit, IEnumerable<ParticipantSummary> participants, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(participants);
        if (schedule is null) return [];
        double days = unit.Days();
        // Due when (today − last) / unit ≥ interval; overdue when (today − last) / unit > interval + grace.
        int dueAfter = (int)Math.Ceiling(schedule.Interval * days);
        int overdueAfter = (int)Math.Floor(schedule.OverdueAfter * days) + 1;
        return participants.Where(p => !p.FollowUpEnded)
            .Select(p => new FollowUpDue(p, p.LastContact.AddDays(dueAfter), p.LastContact.AddDays(overdueAfter), today >= p.LastContact.AddDays(overdueAfter)))
            .Where(d => today >= d.DueOn)
            .OrderByDescending(d => d.Overdue).ThenBy(d => d.Participant.LastContact).ThenBy(d => d.Participant.Randomization.ParticipantId, StringComparer.Ordinal)
            .ToArray();
    }
}
