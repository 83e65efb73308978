using Evident.Randomization.Participants;

namespace Evident.Server.Features;

/// <summary>
/// A page of <c>GET /trials/{id}/participants</c>: <c>total</c> participants matched the search; this is page
/// <c>page</c> of <c>pageSize</c>, ordered by <c>sort</c> (<c>order</c> asc | desc).
/// </summary>
internal sealed record ParticipantPageView(int Total, int Page, int PageSize, string Sort, string Order, IReadOnlyList<ParticipantRowView> Participants);

/// <summary>
/// One participant of the list: <c>arm</c> only for roles that may see arms; <c>strata</c> by factor id;
/// <c>lastContact</c> the last date known alive and followed; <c>events</c> follow-up events recorded (relapse, death,
/// second malignancy); <c>openAdverseEvents</c> adverse events without an end date; <c>openQueries</c> data queries
/// not closed; <c>status</c> on_study | off_therapy | withdrawn | lost_to_follow_up | dead | invalidated.
/// </summary>
internal sealed record ParticipantRowView(
    string ParticipantId,
    string Site,
    IReadOnlyDictionary<string, string> Strata,
    string? Arm,
    DateTimeOffset RandomizedAt,
    DateOnly LastContact,
    int Events,
    int OpenAdverseEvents,
    int OpenQueries,
    string Status)
{
    public static ParticipantRowView From(ParticipantSummary p, bool showArm)
    {
        var r = p.Randomization;
        return new(r.ParticipantId, r.Site, r.Strata, showArm ? r.Arm : null, r.RandomizedAt,
            p.LastContact, p.Events, p.OpenAdverseEvents, p.OpenQueries, ParticipantStatuses.Name(p.Status));
    }
}

/// <summary>
/// <c>GET /trials/{id}/worklist</c>: the day assessed (<c>asOf</c>, UTC), the protocol's follow-up schedule (absent
/// when the protocol has none), visits due or overdue, queries to answer and queries to close.
/// </summary>
internal sealed record WorklistView(DateOnly AsOf, FollowUpScheduleView? FollowUpSchedule, IReadOnlyList<FollowUpDueView> FollowUp,
    IReadOnlyList<QueryView> QueriesToAnswer, IReadOnlyList<QueryView> QueriesToClose);

/// <summary>The protocol's <c>follow_up_schedule</c> in its <c>timeUnit</c> (days, weeks, months, years).</summary>
internal sealed record FollowUpScheduleView(double Interval, double Grace, string TimeUnit);

/// <summary>A visit due (<c>state</c> due) or overdue (<c>state</c> overdue): from <c>dueOn</c>, overdue from <c>overdueFrom</c>.</summary>
internal sealed record FollowUpDueView(string ParticipantId, string Site, DateOnly LastContact, DateOnly DueOn, DateOnly OverdueFrom, string State)
{
    public static FollowUpDueView From(FollowUpDue d) => new(d.Participant.Randomization.ParticipantId, d.Participant.Randomization.Site,
        d.Participant.LastContact, d.DueOn, d.OverdueFrom, d.Overdue ? "overdue" : "due");
}
