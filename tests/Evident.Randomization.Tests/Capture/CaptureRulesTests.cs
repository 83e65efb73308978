using Evident.Randomization.Capture;

namespace Evident.Randomization.Tests.Capture;

/// <summary>The end (resolution) date rules of <see cref="CaptureRules"/>; randomized 2026-01-15, today 2026-07-15.</summary>
public sealed class CaptureRulesTests
{
    private static readonly DateOnly Randomized = new(2026, 1, 15), Today = new(2026, 7, 15);

    private static CaptureInput Ae(DateOnly onset, DateOnly? end) => new(CaptureKind.AdverseEvent, onset, null, "Sepsis", 3) { EndDate = end };

    private static IReadOnlyDictionary<string, string[]> Problems(CaptureInput input, params CaptureInput[] others) =>
        CaptureRules.Problems(input, Randomized, Today, others);

    [Fact]
    public void An_adverse_event_may_be_ongoing_end_on_its_onset_or_end_today()
    {
        Assert.Empty(Problems(Ae(new DateOnly(2026, 2, 1), null)));
        Assert.Empty(Problems(Ae(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1))));
        Assert.Empty(Problems(Ae(new DateOnly(2026, 2, 1), Today)));
    }

    [Fact]
    public void The_end_date_is_not_before_the_onset()
    {
        var problems = Problems(Ae(new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 9)));
        Assert.Equal(["endDate"], problems.Keys);
        Assert.Equal(["The end date 2026-02-09 is before the onset date 2026-02-10."], problems["endDate"]);
    }

    [Fact]
    public void The_end_date_is_not_in_the_future()
    {
        var problems = Problems(Ae(new DateOnly(2026, 2, 10), new DateOnly(2026, 7, 16)));
        Assert.Equal(["endDate"], problems.Keys);
        Assert.Equal(["The end date 2026-07-16 is in the future (today is 2026-07-15)."], problems["endDate"]);
    }

    [Fact]
    public void Only_an_adverse_event_has_an_end_date()
    {
        var problems = Problems(new CaptureInput(CaptureKind.LastContact, new DateOnly(2026, 3, 1), null, null, null) { EndDate = new DateOnly(2026, 3, 2) });
        Assert.Equal(["endDate"], problems.Keys);
        Assert.Equal(["Only an adverse event has an end date."], problems["endDate"]);
    }

    [Fact]
    public void The_end_date_is_not_after_the_death()
    {
        var death = new CaptureInput(CaptureKind.Death, new DateOnly(2026, 5, 1), null, null, null);
        var problems = Problems(Ae(new DateOnly(2026, 4, 20), new DateOnly(2026, 5, 2)), death);
        Assert.Equal(["endDate"], problems.Keys);
        Assert.Equal(["The end date 2026-05-02 is after the participant's death on 2026-05-01."], problems["endDate"]);
        Assert.Empty(Problems(Ae(new DateOnly(2026, 4, 20), new DateOnly(2026, 5, 1)), death));
    }

    [Fact]
    public void A_death_is_not_dated_before_another_entrys_end_date()
    {
        var resolved = Ae(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 20));
        var problems = Problems(new CaptureInput(CaptureKind.Death, new DateOnly(2026, 4, 10), null, null, null), resolved);
        Assert.Equal(["date"], problems.Keys);
        Assert.Equal(["The death date 2026-04-10 is before the end date 2026-04-20 of an adverse event; nothing may follow death."], problems["date"]);
        Assert.Empty(Problems(new CaptureInput(CaptureKind.Death, new DateOnly(2026, 4, 20), null, null, null), resolved));
    }

    [Fact]
    public void A_later_entry_date_is_reported_as_before_rather_than_the_end_date()
    {
        var resolved = Ae(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 20));
        var contact = new CaptureInput(CaptureKind.LastContact, new DateOnly(2026, 6, 1), null, null, null);
        var problems = Problems(new CaptureInput(CaptureKind.Death, new DateOnly(2026, 4, 10), null, null, null), resolved, contact);
        Assert.Equal(["The death date 2026-04-10 is before another entry dated 2026-06-01; nothing may follow death."], problems["date"]);
    }

    [Fact]
    public void Every_end_date_problem_is_reported_at_once()
    {
        var death = new CaptureInput(CaptureKind.Death, new DateOnly(2026, 5, 1), null, null, null);
        var problems = Problems(Ae(new DateOnly(2026, 4, 20), new DateOnly(2026, 8, 1)), death);
        Assert.Equal(
            ["The end date 2026-08-01 is in the future (today is 2026-07-15).", "The end date 2026-08-01 is after the participant's death on 2026-05-01."],
            problems["endDate"]);
    }
}
