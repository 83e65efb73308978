using Evident.Protocol.Synthetic;
using Evident.Testing;

namespace Evident.Protocol.Tests.Synthetic;

/// <summary>The scenario's <c>off_study</c>: records for the CONSORT flow that leave the trial's outcomes as they were.</summary>
public sealed class SyntheticOffStudyTests
{
    private static TrialProtocol Protocol => TrialProtocol.Load(Path.Combine(RepositoryFiles.Root, "examples", "aall1731", "protocol.yaml"));

    private static string ScenarioText => File.ReadAllText(Path.Combine(RepositoryFiles.Root, "examples", "aall1731", "scenario.yaml"));

    private static string[] Outcomes(SyntheticTrialData trial) =>
        trial.Participants.Select(r => $"{r.ParticipantId},{r.Arm},{r.Site},{string.Join('|', r.Strata)},{r.Randomized},{r.LastContact},{r.FirstEvent},{r.FirstEventDate}").ToArray();

    [Fact]
    public void The_example_scenario_reads_its_off_study_plan()
    {
        var s = TrialScenario.Parse(ScenarioText, "scenario.yaml", Protocol);
        var off = Assert.IsType<ScenarioOffStudy>(s.OffStudy);
        Assert.Equal(0.04, off.OffTherapy);
        Assert.Equal(24, off.Therapy);
        Assert.Equal(["Toxicity", "Physician decision", "Participant or family choice"], off.Reasons);
        Assert.Equal(0.3, off.Withdrawn);
    }

    [Fact]
    public void Off_study_records_leave_every_outcome_and_adverse_event_unchanged()
    {
        var protocol = Protocol;
        var with = TrialScenario.Parse(ScenarioText, "scenario.yaml", protocol);
        var a = ProtocolTrialGenerator.Generate(protocol, with, 600);
        var b = ProtocolTrialGenerator.Generate(protocol, with with { OffStudy = null }, 600);
        Assert.Equal(Outcomes(a), Outcomes(b));
        Assert.Equal(a.AdverseEvents, b.AdverseEvents);
        Assert.All(b.Participants, r => Assert.Empty(r.OffStudy));
        Assert.Contains(a.Participants, r => r.OffStudy.Any(o => o.Kind == OffStudyKind.OffTherapy));
        Assert.Contains(a.Participants, r => r.OffStudy.Any(o => o.Kind == OffStudyKind.Withdrawn));
        Assert.Contains(a.Participants, r => r.OffStudy.Any(o => o.Kind == OffStudyKind.LostToFollowUp));
    }

    [Fact]
    public void Early_ends_of_follow_up_are_withdrawals_or_losses_at_the_last_contact_and_therapy_stops_before_any_event()
    {
        var protocol = Protocol;
        var s = TrialScenario.Parse(ScenarioText, "scenario.yaml", protocol);
        var trial = ProtocolTrialGenerator.Generate(protocol, s, 1440);
        foreach (var r in trial.Participants)
        {
            var ends = r.OffStudy.Where(o => o.Kind != OffStudyKind.OffTherapy).ToArray();
            Assert.Equal(r.LastContact < s.Cutoff ? 1 : 0, ends.Length);
            Assert.All(ends, o => Assert.Equal(r.LastContact, o.Date));
            Assert.All(ends.Where(o => o.Kind == OffStudyKind.Withdrawn), o => Assert.False(o.FollowUpAllowed));
            foreach (var o in r.OffStudy.Where(o => o.Kind == OffStudyKind.OffTherapy))
            {
                Assert.True(o.Date > r.Randomized && o.Date < r.LastContact, $"{r.ParticipantId}: off therapy {o.Date}");
                if (r.FirstEventDate is { } e) Assert.True(o.Date < e, $"{r.ParticipantId}: off therapy {o.Date} after the event {e}");
                Assert.Contains(o.Reason, s.OffStudy!.Reasons);
            }
        }
    }

    [Theory]
    [InlineData("  off_therapy: 0.04              # probability of stopping protocol therapy early\n", "  off_therapy: 1.5\n", "probability")]
    [InlineData("  therapy: 24                    # months of protocol therapy (the stop date is uniform over them)\n", "", "off_study.therapy")]
    [InlineData("Toxicity: 0.4", "Toxicity: 0.5", "sum to 1")]
    [InlineData("  withdrawn: 0.3", "  withdrawn: 0.3\n  dropped: 0.1", "dropped")]
    public void A_bad_off_study_plan_is_an_error_naming_the_key(string find, string replace, string message)
    {
        Assert.Contains(find, ScenarioText, StringComparison.Ordinal);
        var e = Assert.Throws<ProtocolException>(() => TrialScenario.Parse(ScenarioText.Replace(find, replace, StringComparison.Ordinal), "scenario.yaml", Protocol));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
