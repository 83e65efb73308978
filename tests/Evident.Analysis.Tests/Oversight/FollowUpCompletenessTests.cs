using Evident.Analysis.Input;
using Evident.Analysis.Oversight;
using Evident.Protocol;

namespace Evident.Analysis.Tests.Oversight;

/// <summary>Clark's completeness index and the overdue list, worked by hand on five participants (time unit days).</summary>
public sealed class FollowUpCompletenessTests
{
    private static readonly TrialProtocol Protocol = TwoArmTrial.Protocol(
        header: "time_unit: days", death: true, sections: "follow_up_schedule: {interval: 30, grace: 10}");

    private static readonly DateOnly Start = TwoArmTrial.Start;

    private static readonly DateOnly Cutoff = Start.AddDays(100);

    private static TrialParticipant Participant(string id, int arm, string? site, int lastSeen, int? died = null, params OffStudyRecord[] off) =>
        new(id, arm, [], [], site, Start, [new EndpointOutcome(Start, Start.AddDays(died ?? lastSeen), died is null ? -1 : 0)])
        {
            LastKnownAlive = Start.AddDays(lastSeen),
            Death = died is { } d ? new DeathRecord(Start.AddDays(d), null) : null,
            OffStudy = off,
        };

    private static readonly TrialParticipant[] Participants =
    [
        Participant("1", 0, "S2", lastSeen: 50),                                   // 50 days since: overdue (> 40)
        Participant("2", 0, "S1", lastSeen: 70),                                   // 30 days since: not overdue
        Participant("3", 1, "S1", lastSeen: 20, died: 20),                          // dead: not overdue; potential ends at death
        Participant("4", 1, null, lastSeen: 10, off: new OffStudyRecord(OffStudyKind.LostToFollowUp, Start.AddDays(10), null, null)),
        Participant("5", 1, "S1", lastSeen: 55, off: new OffStudyRecord(OffStudyKind.Withdrawn, Start.AddDays(55), null, true)),
    ];

    [Fact]
    public void Completeness_is_observed_over_potential_follow_up_per_arm()
    {
        var c = FollowUpCompleteness.Assess(Protocol, Participants, Cutoff);
        Assert.Equal(Cutoff, c.AsOf);
        Assert.Equal(40, c.OverdueAfter);
        Assert.Equal((120.0, 200.0), (c.Arms[0].Observed, c.Arms[0].Potential));
        Assert.Equal((85.0, 220.0), (c.Arms[1].Observed, c.Arms[1].Potential));
        Assert.Equal(0.6, c.Arms[0].Completeness, 12);
    }

    [Fact]
    public void Overdue_leaves_out_the_dead_the_lost_and_those_withdrawn_without_follow_up_and_lists_by_site()
    {
        var c = FollowUpCompleteness.Assess(Protocol, Participants, Cutoff);
        Assert.Equal([("S1", "5", 45.0), ("S2", "1", 50.0)], c.Overdue.Select(o => (o.Site!, o.Participant, o.SinceLastContact)));
        Assert.Equal([1, 1], c.Arms.Select(a => a.Overdue));
        var withdrawn = Participants.Select(p => p.Id == "5" ? p with { OffStudy = [new OffStudyRecord(OffStudyKind.Withdrawn, Start.AddDays(55), null, false)] } : p).ToArray();
        Assert.Equal(["1"], FollowUpCompleteness.Assess(Protocol, withdrawn, Cutoff).Overdue.Select(o => o.Participant));
    }

    [Fact]
    public void Without_a_schedule_no_one_is_assessed_and_without_a_cut_off_the_latest_date_is_the_reference()
    {
        var c = FollowUpCompleteness.Assess(Protocol with { FollowUpSchedule = null }, Participants, cutoff: null);
        Assert.Null(c.OverdueAfter);
        Assert.Empty(c.Overdue);
        Assert.Equal(Start.AddDays(70), c.AsOf);
    }
}
