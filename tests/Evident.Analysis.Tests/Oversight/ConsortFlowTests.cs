using Evident.Analysis.Input;
using Evident.Analysis.Oversight;
using Evident.Protocol;

namespace Evident.Analysis.Tests.Oversight;

/// <summary>The CONSORT flow counted by hand on six participants.</summary>
public sealed class ConsortFlowTests
{
    private static readonly TrialProtocol Protocol = TwoArmTrial.Protocol(simple: """
        off_study:
          off_therapy: {date: off_date, reason: off_reason}
          lost_to_follow_up: {date: lost_date}
        """);

    private static readonly OffStudyKind[] Mapped = [OffStudyKind.OffTherapy, OffStudyKind.LostToFollowUp];

    private static readonly DateOnly Start = TwoArmTrial.Start;

    private static TrialParticipant Participant(string id, int arm, params OffStudyRecord[] records) =>
        new(id, arm, [], [], null, Start, [new EndpointOutcome(Start, Start.AddDays(400), -1)]) { OffStudy = records };

    private static OffStudyRecord Off(int day, string? reason) => new(OffStudyKind.OffTherapy, Start.AddDays(day), reason, null);

    private static OffStudyRecord Lost(int day) => new(OffStudyKind.LostToFollowUp, Start.AddDays(day), null, null);

    private static readonly TrialParticipant[] Participants =
    [
        Participant("1", 0, Off(10, "Toxicity"), Lost(200)),
        Participant("2", 0, Off(20, "Toxicity")),
        Participant("3", 0, Off(30, null)),
        Participant("4", 1, Off(40, "Choice"), Lost(500)),
        Participant("5", 1),
        Participant("6", 1, new OffStudyRecord(OffStudyKind.Withdrawn, Start.AddDays(50), "Moved", false)),
    ];

    [Fact]
    public void Counts_each_kind_once_per_participant_with_reasons_most_frequent_first()
    {
        var flow = ConsortFlow.Count(Protocol, Participants, cutoff: null, Mapped);
        Assert.Equal(Mapped, flow.Recorded);
        var a = flow.Arms[0];
        Assert.Equal(("a", "Arm A", 3, 3), (a.Arm, a.Label, a.Randomized, a.Analysed));
        Assert.Equal([3, 0, 1], a.Steps.Select(s => s.Participants));
        Assert.Equal([new ConsortReason("Toxicity", 2), new ConsortReason(ConsortFlow.NotRecorded, 1)], a.Steps[0].Reasons);
        var b = flow.Arms[1];
        Assert.Equal([1, 1, 1], b.Steps.Select(s => s.Participants));
        Assert.Equal([new ConsortReason("Moved", 1)], b.Steps[1].Reasons);
    }

    [Fact]
    public void Records_after_the_cut_off_are_not_counted()
    {
        var flow = ConsortFlow.Count(Protocol, Participants, Start.AddDays(100), Mapped);
        Assert.Equal([3, 0, 0], flow.Arms[0].Steps.Select(s => s.Participants));
        Assert.Equal([1, 1, 0], flow.Arms[1].Steps.Select(s => s.Participants));
    }

    [Fact]
    public void Pooled_flow_sums_the_arms_and_merges_reasons()
    {
        var total = ConsortFlow.Count(Protocol, Participants, cutoff: null, []).Pooled();
        Assert.Equal((6, 6), (total.Randomized, total.Analysed));
        Assert.Equal([4, 1, 2], total.Steps.Select(s => s.Participants));
        Assert.Equal([new ConsortReason("Toxicity", 2), new ConsortReason("Choice", 1), new ConsortReason(ConsortFlow.NotRecorded, 1)], total.Steps[0].Reasons);
        Assert.Equal([new ConsortReason(ConsortFlow.NotRecorded, 2)], total.Steps[2].Reasons);
    }

    [Fact]
    public void No_participant_gives_zeros_for_every_arm()
    {
        var flow = ConsortFlow.Count(Protocol, [], cutoff: null, []);
        Assert.All(flow.Arms, a => Assert.Equal((0, 0), (a.Randomized, a.Analysed)));
        Assert.All(flow.Arms.SelectMany(a => a.Steps), s => Assert.Equal(0, s.Participants));
    }
}
