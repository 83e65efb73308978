using Evident.Testing;
using Evident.Design.Simulation;
using Evident.Protocol.Simulation;


namespace Evident.Protocol.Tests.Simulation;

public class ScenarioYamlTests
{
    private static string Example => File.ReadAllText(Path.Combine(RepositoryFiles.Root, "examples", "aall1731-simulation.yaml"));

    [Fact]
    public void ExampleScenarioParsesAndRuns()
    {
        var s = SimulationScenarioYaml.Parse(Example, "aall1731-simulation.yaml");
        Assert.Equal(1440, s.Subjects);
        Assert.Equal(2, s.Strata.Count);
        Assert.Equal([0.0, 24.0], s.Strata[0].ControlHazard.Starts);
        Assert.Equal(Math.Log(2) / 90, s.Strata[1].ControlHazard.Rates[0], 15);
        Assert.NotNull(s.Strata[0].CompetingHazard);
        Assert.Equal(60, s.Accrual.End);
        Assert.Equal(LookTiming.Events, s.Looks.Timing);
        var r = SurvivalSimulation.Run(s, new SimulationRun { Replicates = 300, Seed = 1731 });
        Assert.Equal(3, r.FutilityByLook.Count);
        Assert.InRange(r.Power, 0.5, 1);
        var again = SurvivalSimulation.Run(s, new SimulationRun { Replicates = 300, Seed = 1731, MaxDegreeOfParallelism = 1 });
        Assert.Equal(r.Tally.DurationSum, again.Tally.DurationSum);
    }

    [Fact]
    public void CalendarLooksAndUniformAccrual()
    {
        const string yaml = """
            subjects: 200
            accrual: {duration: 24}
            strata:
              - {name: all, control_median: 12, hazard_ratio: 1}
            looks: {times: [18, 36]}
            design: {looks: 2, alpha: 0.025}
            """;
        var s = SimulationScenarioYaml.Parse(yaml, "scenario.yaml");
        Assert.Equal(LookTiming.CalendarTime, s.Looks.Timing);
        var r = SurvivalSimulation.Run(s, new SimulationRun { Replicates = 400, Seed = 2 });
        Assert.True(r.ExpectedDuration is > 18 and <= 36);
        Assert.True(r.Power < 0.1);
    }

    private const string Valid = """
        subjects: 100
        accrual: {duration: 10}
        strata:
          - {name: all, control_median: 3, hazard_ratio: 0.5}
        looks: {events: [50]}
        design: {looks: 1}
        """;

    /// <summary>Each case edits the valid scenario in one place; the error names the file, the line and column of the edit, the key and the problem.</summary>
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // find, replace, marker of the value at fault, key path, reason
        { "subjects: 100", "subjects: 100\nsubjcts: 1", "subjcts", "subjcts",
          "unknown key 'subjcts'; did you mean 'subjects'? Keys allowed here: subjects, accrual, dropout, stratified, test, strata, looks, design" },
        { "accrual: {duration: 10}", "accrual: {duraton: 10}", "duraton", "accrual.duraton",
          "unknown key 'duraton'; did you mean 'duration'? Keys allowed here: duration, pieces, end" },
        { "subjects: 100", "subjects: 1", "1", "subjects", "subjects = 1; a two-arm trial needs at least 2 subjects." },
        { "subjects: 100", "subjects: many", "many", "subjects", "expected a whole number, got 'many'" },
        { "subjects: 100\n", "", "accrual", "subjects", "the required key 'subjects' is missing" },
        { "hazard_ratio: 0.5", "hazard_ratio: 0", "0", "strata[0].hazard_ratio", "hazard_ratio = 0; must be a positive finite number." },
        { ", hazard_ratio: 0.5", "", "{name", "strata[0].hazard_ratio", "the required key 'hazard_ratio' is missing" },
        { "control_median: 3, ", "", "{name", "strata[0].control_median", "stratum 'all' needs 'control_median' or 'control_hazard'" },
        { "control_median: 3", "control_median: 0", "0", "strata[0].control_median", "control_median = 0; must be a positive finite number." },
        { "control_median: 3", "control_hazard: [{start: 1, rate: 0.1}]", "[", "strata[0].control_hazard",
          "The first piece must start at 0; it starts at 1." },
        { "control_median: 3", "control_median: 3, control_hazard: [{start: 0, rate: 0.1}]", "[", "strata[0].control_hazard",
          "give either 'control_median' or 'control_hazard', not both" },
        { "looks: {events: [50]}", "looks: {events: [50], times: [3]}", "[3]", "looks.times", "give either 'events' or 'times', not both" },
        { "looks: {events: [50]}", "looks: {events: [500]}", "[", "looks.events",
          "events = 500; 500 events planned but only 100 subjects: events cannot exceed subjects." },
        { "looks: {events: [50]}", "looks: {events: [25, 50]}", "[", "looks.events", "events = 25,50; 2 looks scheduled but the design has 1." },
        { "design: {looks: 1}", "design: {looks: 1, alpha: 0.5}", "0.5", "design.alpha",
          "alpha = 0.5; the type I error rate must lie strictly between 0 and 0.5." },
        { "design: {looks: 1}", "design: {looks: 1, spending: obf-ish}", "obf-ish", "design.spending",
          "Unknown spending function 'obf-ish'. Use 'obrien-fleming', 'pocock', 'hsd:<gamma>' (e.g. hsd:-4) or 'power:<rho>' (e.g. power:3)." },
        { "accrual: {duration: 10}", "accrual: {duration: -10}", "-10", "accrual.duration", "duration = -10; must be a positive finite number." },
        { "accrual: {duration: 10}", "accrual: {pieces: [{start: 0, rate: 1}]}", "{", "accrual.end", "the required key 'end' is missing" },
        { "accrual: {duration: 10}", "accrual: {duration: 10}\ndropout: {probability: 1}", "1}", "dropout.probability",
          "probability = 1; it must lie in [0, 1)" },
        { "subjects: 100", "subjects: 100\ntest: wilcoxon", "wilcoxon", "test",
          "test = wilcoxon; expected logrank, fh(rho,gamma), maxcombo(rho,gamma;rho,gamma;...) or rmst(tau), e.g. fh(0,1) or maxcombo(0,0;0,1;1,0)." },
        { "subjects: 100", "subjects: 100\ntest: rmst(-3)", "rmst", "test", "test = -3; the RMST restriction time tau must be a positive finite number." },
        { "hazard_ratio: 0.5", "hazard_ratio: [{start: 2, value: 1}, {start: 6, value: 0.6}]", "[", "strata[0].hazard_ratio",
          "The first piece must start at 0; it starts at 2." },
        { "hazard_ratio: 0.5", "hazard_ratio: [{start: 0, ratio: 1}]", "ratio: 1", "strata[0].hazard_ratio[0].ratio",
          "unknown key 'ratio' Keys allowed here: start, value" },
    };

    [Fact]
    public void ADelayedEffectAndItsTestAreRead()
    {
        string yaml = Valid.Replace("hazard_ratio: 0.5", "hazard_ratio: [{start: 0, value: 1}, {start: 6, value: 0.6}]") + "\ntest: maxcombo(0,0;0,1)\n";
        var s = SimulationScenarioYaml.Parse(yaml, "scenario.yaml");
        Assert.Equal("maxcombo(0,0;0,1)", s.Test.ToString());
        Assert.Equal([0.0, 6.0], s.Strata[0].HazardRatioOverTime!.Starts);
        Assert.Equal([1.0, 0.6], s.Strata[0].HazardRatioOverTime!.Rates);
        Assert.Equal(0.6, s.Strata[0].HazardRatio);
        Assert.Equal(SimulationTest.LogRank, SimulationScenarioYaml.Parse(Valid, "scenario.yaml").Test);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadScenariosAreRejectedWithLineColumnAndKey(string find, string replace, string marker, string keyPath, string reason)
    {
        Assert.Contains(find, Valid);
        string yaml = Valid.Replace(find, replace);
        var e = Assert.Throws<ProtocolException>(() => SimulationScenarioYaml.Parse(yaml, "scenario.yaml"));
        // The marker is found in the replacement (or, when the edit removes text, in the edited file): the value at fault.
        int at = replace.Length > 0
            ? yaml.IndexOf(replace, StringComparison.Ordinal) + replace.IndexOf(marker, StringComparison.Ordinal)
            : yaml.IndexOf(marker, StringComparison.Ordinal);
        int line = 1 + yaml.AsSpan(0, at).Count('\n');
        Assert.Equal(reason, e.Reason);
        Assert.Equal(keyPath, e.KeyPath);
        Assert.Equal(line, e.Line);
        Assert.Equal(at - yaml.LastIndexOf('\n', at), e.Column);
        Assert.Equal($"scenario.yaml, line {line}, key '{keyPath}': {reason}", e.Message);
    }

    [Theory]
    [InlineData("subjects: [1, 2", "not valid YAML: ")]
    [InlineData("", "the file is empty")]
    [InlineData("subjects: 10\n---\nsubjects: 20\n", "the file holds more than one YAML document; a scenario is one document")]
    public void MalformedFilesAreRejectedWithTheirPosition(string yaml, string reason)
    {
        var e = Assert.Throws<ProtocolException>(() => SimulationScenarioYaml.Parse(yaml, "scenario.yaml"));
        Assert.StartsWith(reason, e.Reason);
        Assert.Equal("", e.KeyPath);
        Assert.StartsWith($"scenario.yaml, line {e.Line}, column {e.Column}: ", e.Message);
    }

    [Fact]
    public void LoadNamesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Valid.Replace("subjects: 100", "subjects: 1"));
            var e = Assert.Throws<ProtocolException>(() => SimulationScenarioYaml.Load(path));
            Assert.Equal(Path.GetFileName(path), e.File);
            Assert.Equal(1, e.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
