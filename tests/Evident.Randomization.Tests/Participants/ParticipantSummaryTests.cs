using Evident.Protocol;
using Evident.Randomization.Capture;
using Evident.Randomization.Participants;
using Evident.Randomization.Queries;

namespace Evident.Randomization.Tests.Participants;

/// <summary>
/// A participant's summary (status by precedence, last contact, counts), the follow-up rule at its boundaries (due on
/// the day interval × unit is reached, overdue the day after interval + grace is passed, the report's rule) and the
/// listing's search, orders, ties and pages.
/// </summary>
public sealed class ParticipantSummaryTests
{
    private static readonly DateTimeOffset Randomized = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static Allocation R(string id, long n = 1, bool invalidated = false) =>
        new(n, "T", id, "S1", new Dictionary<string, string> { ["risk"] = "SR-high" }, "a", Randomized, "c", invalidated ? Randomized : null, invalidated ? "mistake" : null);

    private static CaptureEntry E(CaptureInput content, long entry = 1) => new(entry, 1, "T", "P", "S1", content, Randomized, "c", null);

    private static CaptureInput In(CaptureKind kind, int month, int day) => new(kind, new DateOnly(2026, month, day), kind == CaptureKind.Relapse ? "marrow" : null, null, null);

    private static ParticipantSummary Of(string id, params CaptureInput[] content) =>
        ParticipantSummary.Of(R(id), content.Select((c, i) => E(c, i + 1)), []);

    [Fact]
    public void The_gravest_record_gives_the_status_and_an_invalidated_randomization_comes_first()
    {
        var off = In(CaptureKind.OffTherapy, 2, 1) with { OffStudyReason = "toxicity" };
        var withdrawn = In(CaptureKind.Withdrawn, 3, 1) with { OffStudyReason = "family", FollowUpAllowed = true };
        var lost = In(CaptureKind.LostToFollowUp, 4, 1) with { OffStudyReason = "moved" };
        Assert.Equal(ParticipantStatus.OnStudy, Of("P").Status);
        Assert.Equal(ParticipantStatus.OffTherapy, Of("P", off).Status);
        Assert.Equal(ParticipantStatus.Withdrawn, Of("P", off, withdrawn).Status);
        Assert.Equal(ParticipantStatus.LostToFollowUp, Of("P", lost, withdrawn).Status);
        Assert.Equal(ParticipantStatus.Dead, Of("P", lost, In(CaptureKind.Death, 5, 1)).Status);
        Assert.Equal(ParticipantStatus.Invalidated, ParticipantSummary.Of(R("P", invalidated: true), [E(In(CaptureKind.Death, 5, 1))], []).Status);
        Assert.Equal(["on_study", "off_therapy", "withdrawn", "lost_to_follow_up", "dead", "invalidated"], Enum.GetValues<ParticipantStatus>().Select(ParticipantStatuses.Name));
    }

    [Fact]
    public void Follow_up_ends_with_death_loss_or_withdrawal_without_follow_up_but_not_off_therapy_or_withdrawal_with_it()
    {
        Assert.False(Of("P", In(CaptureKind.OffTherapy, 2, 1) with { OffStudyReason = "x" }).FollowUpEnded);
        Assert.False(Of("P", In(CaptureKind.Withdrawn, 2, 1) with { OffStudyReason = "x", FollowUpAllowed = true }).FollowUpEnded);
        Assert.True(Of("P", In(CaptureKind.Withdrawn, 2, 1) with { OffStudyReason = "x", FollowUpAllowed = false }).FollowUpEnded);
        Assert.True(Of("P", In(CaptureKind.LostToFollowUp, 2, 1) with { OffStudyReason = "x" }).FollowUpEnded);
        Assert.True(Of("P", In(CaptureKind.Death, 2, 1)).FollowUpEnded);
        Assert.True(ParticipantSummary.Of(R("P", invalidated: true), [], []).FollowUpEnded);
    }

    [Fact]
    public void Last_contact_is_the_latest_date_but_a_loss_and_counts_events_open_adverse_events_and_open_queries()
    {
        var ongoing = new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 2, 1), null, "Sepsis", 3);
        var resolved = ongoing with { EndDate = new DateOnly(2026, 4, 10) };
        var lost = In(CaptureKind.LostToFollowUp, 6, 1) with { OffStudyReason = "moved" };
        var p = Of("P", ongoing, resolved, In(CaptureKind.Relapse, 3, 1), In(CaptureKind.LastContact, 3, 20), lost);
        Assert.Equal((new DateOnly(2026, 4, 10), 1, 1), (p.LastContact, p.Events, p.OpenAdverseEvents));
        Assert.Equal(new DateOnly(2026, 1, 15), Of("P", lost).LastContact);
        var step = new QueryStep(1, QueryAction.Open, "?", "mon", Randomized);
        DataQuery Q(long id, params QueryAction[] later) => new(id, "T", "P", "S1", 1, [step, .. later.Select((a, i) => new QueryStep(i + 2, a, "x", "mon", Randomized))]);
        Assert.Equal(2, ParticipantSummary.Of(R("P"), [], [Q(1), Q(2, QueryAction.Answer), Q(3, QueryAction.Answer, QueryAction.Close)]).OpenQueries);
    }

    [Fact]
    public void A_visit_is_due_once_the_interval_has_passed_and_overdue_once_interval_and_grace_are_exceeded()
    {
        // Months of 30.4375 days: 3 months = 91.3125 days (due from day 92), 3 + 1 months = 121.75 days (overdue from day 122).
        var schedule = new FollowUpSchedule(3, 1);
        var last = new DateOnly(2026, 3, 1);
        var p = Of("P", In(CaptureKind.LastContact, 3, 1));
        FollowUpDue? On(int days) => FollowUpDue.Assess(schedule, TimeUnit.Months, [p], last.AddDays(days)).SingleOrDefault();
        Assert.Null(On(91));
        Assert.Equal((last.AddDays(92), last.AddDays(122), false), (On(92)!.DueOn, On(92)!.OverdueFrom, On(92)!.Overdue));
        Assert.False(On(121)!.Overdue);
        Assert.True(On(122)!.Overdue);
        // In days, exact: interval 14, grace 0 — due on day 14, overdue on day 15.
        var days = new FollowUpSchedule(14, 0);
        Assert.Empty(FollowUpDue.Assess(days, TimeUnit.Days, [p], last.AddDays(13)));
        Assert.False(FollowUpDue.Assess(days, TimeUnit.Days, [p], last.AddDays(14)).Single().Overdue);
        Assert.True(FollowUpDue.Assess(days, TimeUnit.Days, [p], last.AddDays(15)).Single().Overdue);
        Assert.Empty(FollowUpDue.Assess(null, TimeUnit.Months, [p], last.AddDays(400)));
        Assert.Empty(FollowUpDue.Assess(schedule, TimeUnit.Months, [Of("P", In(CaptureKind.Death, 3, 1))], last.AddDays(400)));
    }

    [Fact]
    public void The_listing_searches_ignoring_case_orders_with_ties_by_id_and_cuts_pages()
    {
        var people = new[] { Of("b-2"), Of("A-1", In(CaptureKind.Death, 2, 1)), Of("a-3"), Of("C-4", In(CaptureKind.LastContact, 3, 1)) }
            .Select((p, i) => p with { Randomization = p.Randomization with { Id = 10 - i } }).ToArray();
        string[] Ids(ParticipantListing l) => l.Apply(people).Page.Select(p => p.Randomization.ParticipantId).ToArray();
        Assert.Equal(["C-4", "a-3", "A-1", "b-2"], Ids(new(null, ParticipantSort.Randomized, false, 1, 25)));
        Assert.Equal(["A-1", "C-4", "a-3", "b-2"], Ids(new(null, ParticipantSort.ParticipantId, false, 1, 25)));
        Assert.Equal(["C-4", "a-3", "b-2", "A-1"], Ids(new(null, ParticipantSort.Status, false, 1, 25)));
        Assert.Equal(["A-1", "C-4", "a-3", "b-2"], Ids(new(null, ParticipantSort.Status, true, 1, 25)));
        Assert.Equal(["C-4", "A-1", "a-3", "b-2"], Ids(new(null, ParticipantSort.LastContact, true, 1, 25)));
        Assert.Equal(["a-3", "b-2"], Ids(new(null, ParticipantSort.ParticipantId, false, 2, 2)));
        Assert.Equal(2, new ParticipantListing("A-", ParticipantSort.ParticipantId, false, 1, 25).Apply(people).Matching);
        Assert.Equal(["A-1", "a-3"], Ids(new("A-", ParticipantSort.ParticipantId, false, 1, 25)));
        Assert.Empty(Ids(new(null, ParticipantSort.Randomized, false, int.MaxValue, ParticipantListing.MaxPageSize)));
        Assert.True(ParticipantListing.TryParseSort("last_contact", out var s) && s == ParticipantSort.LastContact);
        Assert.False(ParticipantListing.TryParseSort("arm", out _));
    }
}
