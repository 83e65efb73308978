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
        var s = SimulationScenarioYaml.Parse(Example);
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
        var s = SimulationScenarioYaml.Parse(yaml);
        Assert.Equal(LookTiming.CalendarTime, s.Looks.Timing);
        var r = SurvivalSimulation.Run(s, new SimulationRun { Replicates = 400, Seed = 2 });
        Assert.True(r.ExpectedDuration is > 18 and <= 36);
        Assert.True(r.Power < 0.1);
    }

    [Theory]
    [InlineData("subjects: 10\nunknown_key: 1")]
    [InlineData("subjects: [1, 2")]
    [InlineData("")]
    [InlineData("accrual: {duration: 10}\nstrata: [{hazard_ratio: 0.5, control_median: 3}]\nlooks: {events: [5]}\ndesign: {looks: 1}")]
    [InlineData("subjects: 100\naccrual: {duration: 10}\nstrata: [{control_median: 3}]\nlooks: {events: [5]}\ndesign: {looks: 1}")]
    [InlineData("subjects: 100\naccrual: {duration: 10}\nstrata: [{hazard_ratio: 0, control_median: 3}]\nlooks: {events: [5]}\ndesign: {looks: 1}")]
    [InlineData("subjects: 100\naccrual: {duration: 10}\nstrata: [{hazard_ratio: 0.5, control_median: 3}]\nlooks: {events: [5], times: [3]}\ndesign: {looks: 1}")]
    [InlineData("subjects: 100\naccrual: {duration: 10}\nstrata: [{hazard_ratio: 0.5, control_median: 3}]\nlooks: {events: [500]}\ndesign: {looks: 1}")]
    [InlineData("subjects: 100\naccrual: {duration: 10}\nstrata: [{hazard_ratio: 0.5, control_hazard: [{start: 1, rate: 0.1}]}]\nlooks: {events: [50]}\ndesign: {looks: 1}")]
    public void BadScenariosAreRejected(string yaml)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => SimulationScenarioYaml.Parse(yaml));
        Assert.DoesNotContain("(Parameter", ex.Message);
    }
}
