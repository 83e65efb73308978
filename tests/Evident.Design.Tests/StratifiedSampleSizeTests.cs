using Evident.Design.Simulation;

namespace Evident.Design.Tests;

/// <summary>
/// Stratified designs (<see cref="SurvivalSampleSizeOptions.Strata"/>): the events and power from the stratified
/// log-rank test's asymptotics against Monte-Carlo trials of the same design (<see cref="SurvivalSimulation"/>, the
/// stratified log-rank test, strata drawn by prevalence, arms in blocks of two), and the algebra that ties a stratified
/// design to the unstratified one.
/// </summary>
public sealed class StratifiedSampleSizeTests
{
    /// <summary>Two strata like AALL1731's SR-average and SR-high: different control hazards and hazard ratios.</summary>
    private static SurvivalSampleSizeOptions Options(int looks) => new()
    {
        Design = looks == 1 ? new GroupSequentialOptions { Beta = 0.2 } : new GroupSequentialOptions { Looks = looks, Beta = 0.2 },
        AccrualTime = 36,
        FollowUpTime = 24,
        DropoutRate = 0.05,
        Strata =
        [
            new DesignStratum("SR-average", 0.6, 0.55, ControlMedian: 120),
            new DesignStratum("SR-high", 0.4, 0.75, ControlMedian: 36),
        ],
    };

    private static SimulationScenario Scenario(SurvivalSampleSizeOptions options, SurvivalSampleSizeResult result, LookSchedule looks) => new()
    {
        Subjects = (int)Math.Round(result.MaxSubjects),
        Strata = [.. options.Strata!.Select(s => new SimulationStratum(s.Name, s.Prevalence, PiecewiseHazard.FromMedian(s.ControlMedian!.Value), s.HazardRatio))],
        Accrual = PiecewiseAccrual.Uniform(36),
        Dropout = PiecewiseHazard.Exponential(-Math.Log(1 - options.DropoutRate) / options.DropoutTime),
        Looks = looks,
        Design = options.Design,
        Stratified = true,
    };

    /// <summary>
    /// 4,000 trials observed at the design's study duration: their mean event count equals the design's expected events
    /// (scaled to the whole number of subjects simulated) within 4 Monte-Carlo standard errors (the count's SD is about
    /// √D, so the error is about 0.2 events).
    /// </summary>
    [Fact]
    public void ExpectedEventsAtTheFinalLookMatchSimulation()
    {
        var options = Options(1);
        var result = SurvivalSampleSize.Compute(options);
        var scenario = Scenario(options, result, LookSchedule.AtTimes(result.StudyDuration));
        var sim = SurvivalSimulation.Run(scenario, new SimulationRun { Replicates = 4000, Seed = 11 });
        double expected = result.MaxEvents * scenario.Subjects / result.MaxSubjects;
        double standardError = Math.Sqrt(expected) / Math.Sqrt(4000);
        Assert.True(Math.Abs(sim.ExpectedEvents - expected) < 4 * standardError,
            $"simulated mean events {sim.ExpectedEvents:F3}, design {expected:F3}, 4 SE = {4 * standardError:F3}");
        Assert.Equal(result.MaxEvents, result.Strata!.Sum(s => s.EventsPerLook[^1]), 1e-8 * result.MaxEvents);
    }

    /// <summary>
    /// 10,000 trials with looks at the design's events (rounded up): the simulated power of the stratified log-rank test
    /// is the design's within 3 Monte-Carlo standard errors (√(p(1 − p)/10,000) ≈ 0.004), for a fixed design and for
    /// three O'Brien–Fleming looks.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void PowerMatchesSimulationWithinMonteCarloError(int looks)
    {
        var options = Options(looks);
        var result = SurvivalSampleSize.Compute(options);
        var events = result.EventsPerLook.Select(e => (int)Math.Ceiling(e)).ToArray();
        var sim = SurvivalSimulation.Run(Scenario(options, result, LookSchedule.AtEvents(events)), new SimulationRun { Replicates = 10000, Seed = 7 });
        Assert.True(Math.Abs(sim.Power - result.Power) < 3 * sim.PowerStandardError,
            $"simulated power {sim.Power:F4} ± {sim.PowerStandardError:F4}, design {result.Power:F4}");
        Assert.Equal(0.8, result.Power, 0.01);
    }

    [Fact]
    public void TheEffectiveHazardRatioIsTheEventWeightedGeometricMean()
    {
        var result = SurvivalSampleSize.Compute(Options(3));
        for (int k = 0; k < 3; k++)
        {
            double events = result.Strata!.Sum(s => s.EventsPerLook[k]);
            double log = result.Strata!.Sum(s => s.EventsPerLook[k] * Math.Log(s.HazardRatio)) / events;
            Assert.Equal(Math.Exp(log), result.EffectiveHazardRatios[k], 12);
            Assert.Equal(result.EventsPerLook[k], events, 1e-7 * events);
        }
        double z = 1.959963984540054 + 0.8416212335729143;
        double final = Math.Log(result.EffectiveHazardRatios[^1]);
        Assert.Equal(4 * z * z / (final * final), result.EventsFixed, 1e-9 * result.EventsFixed);
        Assert.Equal(result.MaxSubjects, result.Strata!.Sum(s => s.Subjects), 1e-9 * result.MaxSubjects);
    }

    /// <summary>Strata that differ in nothing are the unstratified design: the same events, subjects and times.</summary>
    [Fact]
    public void IdenticalStrataGiveTheUnstratifiedDesign()
    {
        var single = SurvivalSampleSize.Compute(new SurvivalSampleSizeOptions
        {
            Design = new GroupSequentialOptions { Looks = 3, Beta = 0.2 }, HazardRatio = 0.7, ControlMedian = 24, AccrualTime = 36, FollowUpTime = 12,
        });
        var split = SurvivalSampleSize.Compute(new SurvivalSampleSizeOptions
        {
            Design = new GroupSequentialOptions { Looks = 3, Beta = 0.2 }, AccrualTime = 36, FollowUpTime = 12,
            Strata = [new DesignStratum("a", 3, 0.7, ControlMedian: 24), new DesignStratum("b", 1, 0.7, ControlMedian: 24)],
        });
        Assert.Equal(single.MaxEvents, split.MaxEvents, 1e-9 * single.MaxEvents);
        Assert.Equal(single.MaxSubjects, split.MaxSubjects, 1e-9 * single.MaxSubjects);
        for (int k = 0; k < 3; k++) Assert.Equal(single.AnalysisTimes[k], split.AnalysisTimes[k], 1e-8);
        Assert.Equal(single.Power, split.Power, 1e-9);
        Assert.Equal(single.ExpectedEventsH1, split.ExpectedEventsH1, 1e-6 * single.ExpectedEventsH1);
        Assert.Equal([0.75, 0.25], split.Strata!.Select(s => s.Prevalence));
    }

    [Fact]
    public void FixedSubjectsSolveTheFollowUp()
    {
        var options = Options(1) with { FollowUpTime = null, MaxSubjects = 900 };
        var result = SurvivalSampleSize.Compute(options);
        Assert.Equal(900, result.MaxSubjects, 1e-9);
        var check = SurvivalSampleSize.Compute(Options(1) with { FollowUpTime = result.FollowUpTime });
        Assert.Equal(900, check.MaxSubjects, 1e-6);
    }

    [Theory]
    [InlineData("overall", "give the hazard ratio and the control hazard per stratum, not overall as well.")]
    [InlineData("one", "a stratified design needs at least two strata.")]
    [InlineData("both", "give stratum 'a' a control median or a control hazard (one of them).")]
    [InlineData("negative", "every stratum's hazard ratio must be a positive finite number.")]
    [InlineData("prevalence", "every stratum's prevalence must be a positive finite number.")]
    public void BadStrataAreInputErrors(string what, string problem)
    {
        var options = new SurvivalSampleSizeOptions { AccrualTime = 36, FollowUpTime = 12 };
        DesignStratum a = new("a", 1, 0.7, ControlMedian: 24), b = new("b", 1, 0.8, ControlHazard: 0.02);
        options = what switch
        {
            "overall" => options with { HazardRatio = 0.7, Strata = [a, b] },
            "one" => options with { Strata = [a] },
            "both" => options with { Strata = [a with { ControlHazard = 0.1 }, b] },
            "negative" => options with { Strata = [a with { HazardRatio = -1 }, b] },
            _ => options with { Strata = [a with { Prevalence = 0 }, b] },
        };
        var e = Assert.Throws<DesignInputException>(() => SurvivalSampleSize.Compute(options));
        Assert.Equal(problem, e.Problem);
    }
}
