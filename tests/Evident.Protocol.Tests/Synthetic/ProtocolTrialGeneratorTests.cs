using Evident.Testing;
using Evident.Protocol;
using Evident.Protocol.Synthetic;

namespace Evident.Protocol.Tests.Synthetic;

public sealed class ProtocolTrialGeneratorTests
{
    private static readonly string Root = RepositoryFiles.Root;

    private static TrialProtocol Protocol => TrialProtocol.Load(Path.Combine(Root, "examples", "aall1731", "protocol.yaml"));

    private static string ScenarioText => File.ReadAllText(Path.Combine(Root, "examples", "aall1731", "scenario.yaml"));

    [Fact]
    public void ExampleScenarioParsesWithEveryArmStratumAndComponent()
    {
        var s = TrialScenario.Parse(ScenarioText, "scenario.yaml", Protocol);
        Assert.Equal(1440, s.Participants);
        Assert.Equal(new DateOnly(2024, 6, 30), s.Cutoff);
        Assert.Equal(["SR-average", "SR-high"], s.Strata.Select(x => x.Level));
        Assert.Equal(0.103, s.Strata[0].Arms[0].CumulativeHazards.Sum(), 12);
        Assert.Equal([2, 0.5, 2.8], s.Strata[0].Arms[1].Profile);
        Assert.Equal([0.06, 0.14], s.AdverseEvents[0].Grade3Plus[0]);
        Assert.Equal([0.03, 0.03], s.AdverseEvents[0].Grade4Plus[1]);
    }

    [Fact]
    public void SameProtocolAndScenarioGiveTheSameTrial()
    {
        var protocol = Protocol;
        var s = TrialScenario.Parse(ScenarioText, "scenario.yaml", protocol);
        var a = ProtocolTrialGenerator.Generate(protocol, s, 300);
        var b = ProtocolTrialGenerator.Generate(protocol, s, 300);
        Assert.Equal(Rows(a), Rows(b));
        Assert.Equal(a.AdverseEvents, b.AdverseEvents);
        Assert.NotEqual(Rows(a), Rows(ProtocolTrialGenerator.Generate(protocol, s with { Seed = s.Seed + 1 }, 300)));
    }

    private static string[] Rows(SyntheticTrialData trial) =>
        trial.Participants.Select(r => $"{r.ParticipantId},{r.Arm},{r.Site},{string.Join('|', r.Strata)},{string.Join('|', r.Covariates)},{r.Randomized},{r.LastContact},{r.FirstEvent},{r.FirstEventDate}").ToArray();

    [Fact]
    public void RecordsRespectAccrualCutoffAndEventOrder()
    {
        var protocol = Protocol;
        var s = TrialScenario.Parse(ScenarioText, "scenario.yaml", protocol);
        var trial = ProtocolTrialGenerator.Generate(protocol, s, 2000);
        Assert.All(trial.Participants, r =>
        {
            Assert.InRange(r.Randomized, s.AccrualStart, s.AccrualEnd);
            Assert.True(r.LastContact <= s.Cutoff && r.LastContact >= r.Randomized);
            if (r.FirstEventDate is { } d) Assert.True(d > r.Randomized && d <= r.LastContact);
            Assert.Equal(r.FirstEvent is null, r.FirstEventDate is null);
        });
        Assert.Equal(trial.Participants.OrderBy(r => r.Randomized).Select(r => r.ParticipantId), trial.Participants.Select(r => r.ParticipantId));
        Assert.All(trial.AdverseEvents, e => Assert.InRange(e.Grade, 1, 5));
        foreach (string level in new[] { "SR-average", "SR-high" })
        {
            var members = trial.Participants.Where(r => r.Strata[0] == level).ToArray();
            int blina = members.Count(r => r.Arm == "blinatumomab");
            Assert.InRange(blina - (members.Length - blina), -3, 3); // blocks of 4 and 6
        }
    }

    [Theory]
    [InlineData("participants: 1440", "participants: 1", "line 14, key 'participants': a trial needs at least 2 participants")]
    [InlineData("  - level: SR-high", "  - level: SR-low", "key 'strata[1].level': 'SR-low' is not a level of stratification factor 'risk'; levels are SR-average, SR-high")]
    [InlineData("      blinatumomab:\n        profile: [2, 0.5, 1.5]", "      blina:\n        profile: [2, 0.5, 1.5]", "key 'strata[1].arms.blina': arm 'blina' is not defined in the protocol; arms are chemotherapy, blinatumomab")]
    [InlineData("proportion: 0.4208", "proportion: 0.5", "key 'strata': the strata's proportions sum to 1.079")]
    [InlineData("cutoff: 2024-06-30", "cutoff: 30/06/2024", "key 'cutoff': '30/06/2024' is not a date; write dates as yyyy-mm-dd")]
    [InlineData("{marrow_relapse: 0.105,", "{marow_relapse: 0.105,", "key 'strata[1].arms.chemotherapy.cumulative_hazard.marow_relapse': component 'marow_relapse' is not defined in the protocol")]
    public void BadScenariosAreRejectedWithLineAndKey(string find, string replace, string message)
    {
        string text = ScenarioText;
        Assert.Contains(find, text);
        var e = Assert.Throws<ProtocolException>(() => TrialScenario.Parse(text.Replace(find, replace), "scenario.yaml", Protocol));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("scenario.yaml, line ", e.Message);
    }

    /// <summary>The whole message of each error: file, line and column of the value at fault, key, value and what was expected.</summary>
    [Theory]
    [InlineData("loss_to_follow_up: 0.02", "loss_to_follow_up: 1.5", "1.5", "loss_to_follow_up",
                "loss_to_follow_up = 1.5; it must be a yearly probability in [0, 1)")]
    [InlineData("sites: 40", "sits: 40", "sits", "sits",
                "unknown key 'sits'; did you mean 'sites'? Keys allowed here: seed, participants, accrual, cutoff, loss_to_follow_up, sites, covariates, hazards, strata, adverse_events, off_study, death_causes")]
    [InlineData("  milestone: 36", "  milestone: 0", "0", "hazards.milestone", "milestone = 0; it must be positive")]
    [InlineData("  breaks: [12, 36]", "  breaks: [36, 12]", "12]", "hazards.breaks[1]", "breaks must increase; 12 follows 36")]
    [InlineData("proportion: 0.5792", "proportion: 1.5792", "1.5792", "strata[0].proportion", "proportion = 1.5792; it must lie in (0, 1]")]
    [InlineData("sex: {female: 0.46,", "sex: {female: 1.46,", "1.46", "covariates.sex.female", "female = 1.46; it must be a probability in [0, 1]")]
    [InlineData("seed: 11 ", "seed: 11\n---\nseed: 12 ", "seed: 12", "", "the file holds more than one YAML document; a scenario is one document")]
    public void ScenarioErrorsNameLineColumnKeyAndValue(string find, string replace, string marker, string keyPath, string reason)
    {
        string text = ScenarioText;
        Assert.Contains(find, text);
        string yaml = text.Replace(find, replace);
        int at = yaml.IndexOf(replace, StringComparison.Ordinal) + replace.IndexOf(marker, StringComparison.Ordinal);
        int line = 1 + yaml.AsSpan(0, at).Count('\n');
        int column = at - yaml.LastIndexOf('\n', at);
        var e = Assert.Throws<ProtocolException>(() => TrialScenario.Parse(yaml, "scenario.yaml", Protocol));
        Assert.Equal(reason, e.Reason);
        Assert.Equal(keyPath, e.KeyPath);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Equal(keyPath.Length == 0 ? $"scenario.yaml, line {line}, column {column}: {reason}" : $"scenario.yaml, line {line}, key '{keyPath}': {reason}", e.Message);
    }
}
