using Evident.Analysis.Input;
using Evident.Analysis.Oversight;
using Evident.Protocol;

namespace Evident.Analysis.Tests.Oversight;

/// <summary>Highest grade, serious adverse events and organ classes, counted by hand on four participants.</summary>
public sealed class AdverseEventOverviewTests
{
    private static readonly TrialProtocol Protocol = TwoArmTrial.Protocol(
        simple: "adverse_events: {term: term, grade: grade, serious: serious, onset: onset}",
        sections: """
            adverse_event_terms:
              other_allowed: true
              terms:
                - {term: Sepsis, organ_class: Infections and infestations}
                - {term: Nausea, organ_class: Gastrointestinal disorders}
                - {term: Catheter related infection, organ_class: Infections and infestations}
            """);

    private static readonly DateOnly Start = TwoArmTrial.Start;

    private static TrialParticipant Participant(string id, int arm) => new(id, arm, [], [], null, Start, [new EndpointOutcome(Start, Start.AddDays(400), -1)]);

    private static AdverseEventRecord Event(int participant, string term, int grade, bool? serious = null, int? day = null) =>
        new(participant, term, grade) { Serious = serious, Onset = day is { } d ? Start.AddDays(d) : null };

    private static readonly TrialData Data = new(
        [Participant("1", 0), Participant("2", 0), Participant("3", 1), Participant("4", 1)],
        [
            Event(0, "Sepsis", 3, serious: true, day: 30),
            Event(0, "sepsis", 2, serious: false, day: 10),
            Event(0, "Nausea", 1, serious: false),
            Event(2, "Catheter related infection", 4, serious: true, day: 200),
            Event(2, "Rash", 2, serious: false, day: 5),
            Event(3, "Nausea", 2),
        ], "test", DataLayout.Simple);

    [Fact]
    public void Counts_each_participant_once_by_highest_grade_and_lists_serious_events()
    {
        var o = AdverseEventOverview.Summarize(Protocol, Data, [0, 1, 2, 3], cutoff: null);
        Assert.Equal([1, 0, 0, 1, 0, 0], Enumerable.Range(0, 6).Select(g => o.MaximumGrade.Count(0, g)));
        Assert.Equal([0, 0, 1, 0, 1, 0], Enumerable.Range(0, 6).Select(g => o.MaximumGrade.Count(1, g)));
        Assert.True(o.SeriousRecorded);
        Assert.Equal([new SeriousAdverseEvent("1", "a", "Sepsis", "Infections and infestations", 3, Start.AddDays(30)),
                      new SeriousAdverseEvent("3", "b", "Catheter related infection", "Infections and infestations", 4, Start.AddDays(200))], o.Serious);
    }

    [Fact]
    public void Organ_classes_follow_the_term_list_with_other_terms_last()
    {
        var o = AdverseEventOverview.Summarize(Protocol, Data, [0, 1, 2, 3], cutoff: null);
        Assert.Equal([
            ("Infections and infestations", (string?)null, "1,1"),
            ("Infections and infestations", "Sepsis", "1,0"),
            ("Infections and infestations", "Catheter related infection", "0,1"),
            ("Gastrointestinal disorders", null, "1,1"),
            ("Gastrointestinal disorders", "Nausea", "1,1"),
            (AdverseEventOverview.OtherOrganClass, null, "0,1"),
            (AdverseEventOverview.OtherOrganClass, "Rash", "0,1"),
        ], o.ByOrganClass.Select(r => (r.OrganClass, r.Term, string.Join(",", r.Participants))));
    }

    [Fact]
    public void Events_with_an_onset_after_the_cut_off_and_participants_not_analysed_are_left_out()
    {
        var o = AdverseEventOverview.Summarize(Protocol, Data, [0, 2], Start.AddDays(100));
        Assert.Equal((1, 1), (o.MaximumGrade.Participants(0), o.MaximumGrade.Participants(1)));
        Assert.Equal(1, o.MaximumGrade.Count(1, 2));
        Assert.Single(o.Serious);
        Assert.Equal(1, o.MaximumGrade.Count(0, 3));
    }

    [Fact]
    public void Without_a_serious_column_the_listing_says_seriousness_is_not_recorded()
    {
        var data = Data with { AdverseEvents = Data.AdverseEvents.Select(e => e with { Serious = null }).ToArray() };
        var o = AdverseEventOverview.Summarize(Protocol, data, [0, 1, 2, 3], cutoff: null);
        Assert.False(o.SeriousRecorded);
        Assert.Empty(o.Serious);
    }
}
