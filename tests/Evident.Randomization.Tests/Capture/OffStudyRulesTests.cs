using Evident.Randomization.Capture;

namespace Evident.Randomization.Tests.Capture;

/// <summary>The off-study rules of <see cref="CaptureRules"/>; randomized 2026-01-15, today 2026-07-15.</summary>
public sealed class OffStudyRulesTests
{
    private static readonly DateOnly Randomized = new(2026, 1, 15), Today = new(2026, 7, 15);

    private static CaptureInput Off(CaptureKind kind, DateOnly date, string? reason = "Toxicity", bool? followUp = null) =>
        new(kind, date, null, null, null) { OffStudyReason = reason, FollowUpAllowed = followUp };

    private static CaptureInput Contact(DateOnly date) => new(CaptureKind.LastContact, date, null, null, null);

    private static IReadOnlyDictionary<string, string[]> Problems(CaptureInput input, params CaptureInput[] others) =>
        CaptureRules.Problems(input, Randomized, Today, others);

    [Fact]
    public void Each_kind_is_valid_with_a_date_and_reason_and_a_withdrawal_says_whether_follow_up_continues()
    {
        Assert.Empty(Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1))));
        Assert.Empty(Problems(Off(CaptureKind.Withdrawn, new DateOnly(2026, 3, 1), followUp: true)));
        Assert.Empty(Problems(Off(CaptureKind.Withdrawn, new DateOnly(2026, 3, 1), followUp: false)));
        Assert.Empty(Problems(Off(CaptureKind.LostToFollowUp, new DateOnly(2026, 3, 1), "No answer to three letters")));
    }

    [Fact]
    public void The_reason_is_required_and_bounded()
    {
        Assert.Equal(["Give the reason: 1 to 500 characters."], Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1), " "))["offStudyReason"]);
        Assert.Equal(["offStudyReason"], Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1), null)).Keys);
        Assert.Equal(["offStudyReason"], Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1), new string('x', 501))).Keys);
        Assert.Empty(Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1), new string('x', 500))));
    }

    [Fact]
    public void Only_a_withdrawal_says_whether_follow_up_continues_and_it_must()
    {
        Assert.Equal(["Say whether follow-up data may still be collected after the withdrawal of consent."],
                     Problems(Off(CaptureKind.Withdrawn, new DateOnly(2026, 3, 1)))["followUpAllowed"]);
        Assert.Equal(["followUpAllowed"], Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1), followUp: true)).Keys);
        var relapse = new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 3, 1), "cns", null, null) { OffStudyReason = "x", FollowUpAllowed = true };
        Assert.Equal(new[] { "followUpAllowed", "offStudyReason" }, Problems(relapse).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void At_most_one_record_of_each_kind()
    {
        var first = Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1));
        Assert.Equal(["The participant's end of protocol therapy is recorded already (on 2026-03-01); correct that entry instead."],
                     Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 4, 1)), first)["kind"]);
        Assert.Empty(Problems(Off(CaptureKind.LostToFollowUp, new DateOnly(2026, 4, 1)), first));
    }

    [Fact]
    public void The_date_rules_hold_for_off_study_records()
    {
        Assert.Equal(["date"], Problems(Off(CaptureKind.OffTherapy, new DateOnly(2026, 1, 14))).Keys);
        Assert.Equal(["date"], Problems(Off(CaptureKind.LostToFollowUp, new DateOnly(2026, 7, 16))).Keys);
        var death = new CaptureInput(CaptureKind.Death, new DateOnly(2026, 5, 1), null, null, null);
        Assert.Equal(["date"], Problems(Off(CaptureKind.Withdrawn, new DateOnly(2026, 5, 2), followUp: true), death).Keys);
    }

    [Fact]
    public void Nothing_follows_a_withdrawal_that_allows_no_further_follow_up()
    {
        var closed = Off(CaptureKind.Withdrawn, new DateOnly(2026, 4, 1), "Consent withdrawn", followUp: false);
        Assert.Equal(["The date 2026-04-02 is after the participant's withdrawal of consent on 2026-04-01, which allows no further follow-up data."],
                     Problems(Contact(new DateOnly(2026, 4, 2)), closed)["date"]);
        var ae = new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 3, 20), null, "Sepsis", 3) { EndDate = new DateOnly(2026, 4, 5) };
        Assert.Equal(["endDate"], Problems(ae, closed).Keys);
        Assert.Empty(Problems(Contact(new DateOnly(2026, 4, 1)), closed));

        var open = Off(CaptureKind.Withdrawn, new DateOnly(2026, 4, 1), "Stops therapy visits", followUp: true);
        Assert.Empty(Problems(Contact(new DateOnly(2026, 6, 1)), open));
    }

    [Fact]
    public void A_withdrawal_without_follow_up_may_not_precede_data_already_recorded()
    {
        var later = Contact(new DateOnly(2026, 5, 1));
        Assert.Equal(["Data dated 2026-05-01 are recorded after this withdrawal on 2026-04-01; a withdrawal that allows no further follow-up must come after them."],
                     Problems(Off(CaptureKind.Withdrawn, new DateOnly(2026, 4, 1), followUp: false), later)["followUpAllowed"]);
        Assert.Empty(Problems(Off(CaptureKind.Withdrawn, new DateOnly(2026, 4, 1), followUp: true), later));
        Assert.Empty(Problems(Off(CaptureKind.Withdrawn, new DateOnly(2026, 5, 1), followUp: false), later));
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var kind in CaptureKinds.OffStudy)
        {
            Assert.True(CaptureKinds.TryParse(CaptureKinds.Name(kind), out var parsed));
            Assert.Equal(kind, parsed);
            Assert.True(CaptureKinds.IsOffStudy(kind));
        }
        Assert.Equal(["off_therapy", "withdrawn", "lost_to_follow_up"], CaptureKinds.OffStudy.Select(CaptureKinds.Name));
        Assert.DoesNotContain(CaptureKinds.FollowUp, CaptureKinds.IsOffStudy);
    }
}
