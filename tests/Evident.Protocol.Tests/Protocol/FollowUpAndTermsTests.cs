using Evident.Protocol;

namespace Evident.Protocol.Tests.Protocol;

/// <summary><c>follow_up_schedule</c>, <c>adverse_event_terms</c>, <c>data.simple.off_study</c> and the optional adverse-event columns.</summary>
public sealed class FollowUpAndTermsTests
{
    private const string Extra = """
            adverse_events:
              term: term
              grade: grade
              serious: serious
              onset: onset
            off_study:
              off_therapy: {date: off_date, reason: off_reason}
              withdrawn: {date: wd_date, reason: wd_reason, follow_up_allowed: wd_fu}
              lost_to_follow_up: {date: lost_date}
        """;

    private const string TopLevel = """
        follow_up_schedule:
          interval: 3
          grace: 1
        adverse_event_terms:
          other_allowed: true
          terms:
            - term: Sepsis
              organ_class: Infections and infestations
              grades: {3: "Blood culture positive; IV antibiotics", 4: Life-threatening consequences, 5: Death}
            - term: Catheter related infection
              organ_class: Infections and infestations
        """;

    private static readonly string Text = Insert(MinimalProtocol.Text) + "\n" + TopLevel;

    private static string Insert(string text)
    {
        const string anchor = "death: {date: death_date}\n";
        Assert.Contains(anchor, text, StringComparison.Ordinal);
        return text.Replace(anchor, anchor + Extra + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void NewKeysParseAndRoundTrip()
    {
        var p = TrialProtocol.Parse(Text, "p.yaml");
        Assert.Equal(new FollowUpSchedule(3, 1), p.FollowUpSchedule);
        Assert.Equal(4, p.FollowUpSchedule!.OverdueAfter);
        var terms = p.AdverseEventTerms!;
        Assert.True(terms.OtherAllowed);
        Assert.Equal(["Sepsis", "Catheter related infection"], terms.Terms.Select(t => t.Term));
        Assert.Equal([3, 4, 5], terms.Find("sepsis")!.Grades.Select(g => g.Grade));
        Assert.Equal("Death", terms.Find("Sepsis")!.Grades[2].Text);
        Assert.Null(terms.Find("Fever"));
        var simple = p.Data.Simple!;
        Assert.Equal(("serious", "onset"), (simple.AdverseEvents!.Serious, simple.AdverseEvents.Onset));
        Assert.Equal(new OffStudyColumnSet("wd_date", "wd_reason", "wd_fu"), simple.OffStudy!.For(OffStudyKind.Withdrawn));
        Assert.Equal(new OffStudyColumnSet("lost_date", null, null), simple.OffStudy.LostToFollowUp);
        Assert.Equal(p with { SourceName = "", Hash = "" }, TrialProtocol.Parse(p.ToYaml(), "again.yaml") with { SourceName = "", Hash = "" });
    }

    [Fact]
    public void ProtocolsWithoutThemHaveNone()
    {
        var p = TrialProtocol.Parse(MinimalProtocol.Text, "m.yaml");
        Assert.Null(p.FollowUpSchedule);
        Assert.Null(p.AdverseEventTerms);
        Assert.Null(p.Data.Simple!.OffStudy);
    }

    [Theory]
    [InlineData("  interval: 3\n", "  interval: 0\n", "follow_up_schedule.interval")]
    [InlineData("  grace: 1\n", "  grace: -1\n", "follow_up_schedule.grace")]
    [InlineData("{3: \"Blood", "{6: \"Blood", "6")]
    [InlineData("    - term: Catheter related infection", "    - term: sepsis", "listed twice")]
    [InlineData("lost_to_follow_up: {date: lost_date}", "lost_to_follow_up: {date: lost_date, follow_up_allowed: x}", "follow_up_allowed")]
    [InlineData("off_therapy: {date: off_date, reason: off_reason}", "off_therapy: {reason: off_reason}", "'date' is missing")]
    public void BadValuesAreRefusedWithTheKey(string from, string to, string expected)
    {
        Assert.Contains(from, Text, StringComparison.Ordinal);
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(Text.Replace(from, to, StringComparison.Ordinal), "p.yaml"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
