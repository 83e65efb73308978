using System.Globalization;
using Evident.Design.Simulation;
using Evident.Design.Tests.Monitoring;

namespace Evident.Design.Tests.Simulation;

public class SurvivalSimulationTests
{
    private static readonly GroupSequentialOptions Obf4 = new() { Looks = 4, Information = [0.25, 0.5, 0.75, 1], Alpha = 0.025 };

    private static SimulationScenario IssueCase(double hr = 0.6) =>
        SimulationScenario.Exponential(Obf4, hr, Math.Log(2) / 195.2018, 60, 1440, [41, 83, 124, 165]);

    private static SimulationResult Run(SimulationScenario s, long reps, ulong seed = 1, int shard = 0, int shards = 1, int threads = -1) =>
        SurvivalSimulation.Run(s, new SimulationRun { Replicates = reps, Seed = seed, ShardIndex = shard, ShardCount = shards, MaxDegreeOfParallelism = threads });

    /// <summary>rpact getSimulationSurvival references: power and rejection per look within 3 SE of the difference of two simulations.</summary>
    [Theory]
    [InlineData("simulate-obf-4")]
    [InlineData("simulate-obf-4-null")]
    [InlineData("simulate-pocock-3-dropout")]
    public void MatchesRpactWithinMonteCarloError(string name)
    {
        var rc = DesignCase.Load(name);
        var result = Run(ScenarioFrom(rc), (long)rc.Num("--reps"), ulong.Parse(rc.Arg("--seed")!, CultureInfo.InvariantCulture));
        rc.AssertClose(rc.Number("power"), result.Power, "power");
        rc.AssertClose(rc.Vector("reject_by_look"), result.RejectByLook, "reject_by_look");
        var expected = DesignCase.Load(name + "-expected");
        expected.AssertClose(expected.Number("expected_events"), result.ExpectedEvents, "expected_events");
        expected.AssertClose(expected.Number("expected_duration"), result.ExpectedDuration, "expected_duration");
        expected.AssertClose(expected.Number("expected_subjects"), result.ExpectedSubjects, "expected_subjects");
    }

    private static SimulationScenario ScenarioFrom(DesignCase rc) => SimulationScenario.Exponential(
        rc.DesignOptions(), rc.Num("--hazard-ratio"), Math.Log(2) / rc.Num("--control-median"), rc.Num("--accrual"),
        (int)rc.Num("--subjects"), rc.Numbers("--events").Select(e => (int)e).ToArray(),
        rc.Arg("--dropout") is null ? 0 : rc.Num("--dropout"), rc.Arg("--dropout-time") is null ? 12 : rc.Num("--dropout-time"));

    [Fact]
    public void TypeOneErrorAtHazardRatioOneIsAlphaWithinMonteCarloError()
    {
        const int reps = 4000;
        var result = Run(IssueCase(1.0), reps, seed: 11);
        double se = Math.Sqrt(0.025 * 0.975 / reps);
        Assert.True(Math.Abs(result.Power - 0.025) <= 3 * se, $"type I error {result.Power}, α = 0.025, 3 SE = {3 * se}");
    }

    [Fact]
    public void PowerMatchesAnalyticPowerOfTheSampleSizeDesign()
    {
        // samplesize: HR 0.6, median 12, accrual 24, follow-up 12, power 0.8 → events and subjects; simulate the same trial.
        var ss = SurvivalSampleSize.Compute(new SurvivalSampleSizeOptions
        {
            Design = Obf4 with { Beta = 0.2 },
            HazardRatio = 0.6,
            ControlMedian = 12,
            AccrualTime = 24,
            FollowUpTime = 12,
        });
        int[] events = ss.EventsPerLook.Select(e => (int)Math.Round(e)).ToArray();
        int subjects = (int)Math.Ceiling(ss.MaxSubjects);
        var scenario = SimulationScenario.Exponential(Obf4, 0.6, Math.Log(2) / 12, 24, subjects, events);
        const int reps = 4000;
        var result = Run(scenario, reps, seed: 7);
        // Analytic power at the rounded event counts (canonical joint distribution, drift −log HR per √(events/4)).
        var design = GroupSequential.Create(Obf4);
        var info = events.Select(e => e / 4.0).ToArray();
        double analytic = GroupSequential.BoundaryCrossing(info, design.CriticalValues, [.. Enumerable.Repeat(double.NegativeInfinity, 4)], -Math.Log(0.6)).TotalUpper;
        Assert.Equal(0.8, analytic, 1);
        double se = Math.Sqrt(analytic * (1 - analytic) / reps);
        Assert.True(Math.Abs(result.Power - analytic) <= 3 * se, $"simulated {result.Power}, analytic {analytic}, 3 SE = {3 * se}");
    }

    [Fact]
    public void ShardsMergeToTheSingleRunBitForBit()
    {
        var scenario = IssueCase();
        var single = Run(scenario, 1000, seed: 5);
        var parts = Enumerable.Range(0, 3).Select(i => Run(scenario, 1000, seed: 5, shard: i, shards: 3)).ToList();
        Assert.All(parts, p => Assert.False(p.IsComplete));
        var merged = SimulationResult.Merge([parts[2], parts[0], parts[1]]);
        Assert.True(merged.IsComplete);
        AssertSameTally(single.Tally, merged.Tally);
        Assert.Equal(single.Power, merged.Power);
        Assert.Equal(single.ExpectedDuration, merged.ExpectedDuration);
        Assert.Equal(single.MeanHazardRatio, merged.MeanHazardRatio);
        Assert.Equal(single.HazardRatioQuantile(0.5), merged.HazardRatioQuantile(0.5));
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(single.MeanHazardRatioAtLook(k), merged.MeanHazardRatioAtLook(k));
            Assert.Equal(single.HazardRatioQuantile(0.5, k), merged.HazardRatioQuantile(0.5, k));
        }
        Assert.Equal(single.EarlyStopProbability, merged.EarlyStopProbability);
    }

    [Fact]
    public void MergeRejectsGapsOverlapsAndMismatches()
    {
        var scenario = IssueCase();
        var a = Run(scenario, 300, seed: 5, shard: 0, shards: 3);
        var c = Run(scenario, 300, seed: 5, shard: 2, shards: 3);
        Assert.Throws<ArgumentException>(() => SimulationResult.Merge([a, c]));
        Assert.Throws<ArgumentException>(() => SimulationResult.Merge([a, a]));
        Assert.Throws<ArgumentException>(() => SimulationResult.Merge([a, Run(scenario, 300, seed: 6, shard: 1, shards: 3)]));
        Assert.Throws<ArgumentException>(() => SimulationResult.Merge([]));
    }

    [Fact]
    public void ResultDoesNotDependOnThreadCount()
    {
        var scenario = IssueCase();
        var one = Run(scenario, 600, seed: 9, threads: 1);
        var many = Run(scenario, 600, seed: 9, threads: 4);
        AssertSameTally(one.Tally, many.Tally);
        Assert.NotEqual(one.Tally.DurationSum, Run(scenario, 600, seed: 10).Tally.DurationSum);
    }

    [Fact]
    public void ExpectedValuesAreConsistent()
    {
        var r = Run(IssueCase(), 500);
        Assert.Equal(r.Power, r.RejectByLook.Sum(), 12);
        Assert.InRange(r.ExpectedEvents, 41, 165);
        Assert.InRange(r.ExpectedSubjects, 1, 1440);
        Assert.InRange(r.ExpectedDuration, 0, 1000);
        Assert.True(r.HazardRatioQuantile(0.025) < r.HazardRatioQuantile(0.5) && r.HazardRatioQuantile(0.5) < r.HazardRatioQuantile(0.975));
        Assert.Equal(0, r.Tally.EventsNotReached);
    }

    [Fact]
    public void EarlyStoppingOverestimatesTheEffect()
    {
        // Trials stopping at look 1 or 2 under HR 0.6 must have estimated HR well below 0.6 on average.
        var r = Run(IssueCase(), 1000, seed: 3);
        Assert.True(r.MeanHazardRatio < 0.6, $"mean HR at stop {r.MeanHazardRatio}");
    }

    [Fact]
    public void HazardRatioAtStopIsReportedByLook()
    {
        var r = Run(IssueCase(), 2000, seed: 3);
        var t = r.Tally;
        Assert.Equal(0, t.EventsNotReached);
        Assert.Equal(t.Replicates, t.StopsByLook.Sum());
        // Without futility bounds or unreachable events, a trial stops at an interim look exactly when it rejects there.
        for (int k = 0; k < 3; k++) Assert.Equal(t.RejectByLook[k], t.StopsByLook[k]);
        Assert.Equal(t.Replicates - t.RejectByLook.Take(3).Sum(), t.StopsByLook[3]);
        Assert.Equal((double)t.StopsByLook.Take(3).Sum() / t.Replicates, r.EarlyStopProbability, 15);
        Assert.Equal(1.0, r.StopByLook.Sum(), 12);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(t.StopsByLook[k], t.HazardRatioCountByLook[k]);
            Assert.Equal(t.HazardRatioCountByLook[k], t.LogHazardRatioHistogramByLook[k].Sum());
        }
        // The pooled summaries are the per-look ones added up.
        Int128 sum = 0;
        foreach (var s in t.HazardRatioSumByLook) sum += s;
        Assert.Equal((double)sum / SimulationTally.FixedPointScale / t.Replicates, r.MeanHazardRatio, 15);
        double pooledMean = 0;
        for (int k = 0; k < 4; k++) if (t.StopsByLook[k] > 0) pooledMean += r.MeanHazardRatioAtLook(k) * t.StopsByLook[k];
        Assert.Equal(r.MeanHazardRatio, pooledMean / t.Replicates, 12);
        // The overestimate early stopping causes: the earlier a trial stops for efficacy, the smaller its estimated HR;
        // those reaching the final look (rejecting or not) estimate HR above the truth, 0.6.
        Assert.True(t.StopsByLook[0] > 0 && t.StopsByLook[1] > 0);
        Assert.True(r.MeanHazardRatioAtLook(0) < r.MeanHazardRatioAtLook(1), $"{r.MeanHazardRatioAtLook(0)} vs {r.MeanHazardRatioAtLook(1)}");
        Assert.True(r.MeanHazardRatioAtLook(1) < r.MeanHazardRatioAtLook(2));
        Assert.True(r.MeanHazardRatioAtLook(2) < r.MeanHazardRatioAtLook(3));
        Assert.True(r.MeanHazardRatioAtLook(1) < 0.6 && r.MeanHazardRatioAtLook(3) > 0.6);
        // Stopping at look 1 needs Z ≥ 4.333 with 41 events: HR ≤ exp(−4.333·2/√41) ≈ 0.258 (Peto's estimate, V ≈ d/4).
        Assert.True(r.HazardRatioQuantile(0.975, 0) < 0.3, $"{r.HazardRatioQuantile(0.975, 0)}");
        for (int k = 0; k < 4; k++)
        {
            Assert.True(r.HazardRatioQuantile(0.025, k) <= r.HazardRatioQuantile(0.5, k));
            Assert.True(r.HazardRatioQuantile(0.5, k) <= r.HazardRatioQuantile(0.975, k));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => r.MeanHazardRatioAtLook(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.HazardRatioQuantile(0.5, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.HazardRatioQuantile(1, 0));
    }

    [Fact]
    public void LooksWhereNoTrialStopsHaveNoHazardRatio()
    {
        // Under HR 1 almost nothing crosses the O'Brien–Fleming bound at look 1 in 50 replicates.
        var r = Run(IssueCase(1.0), 50, seed: 2);
        Assert.Equal(0, r.Tally.StopsByLook[0]);
        Assert.True(double.IsNaN(r.MeanHazardRatioAtLook(0)));
        Assert.True(double.IsNaN(r.HazardRatioQuantile(0.5, 0)));
        Assert.Equal(r.Tally.Replicates, r.Tally.StopsByLook.Sum());
    }

    [Fact]
    public void UnreachableEventsEndTheTrialAtTheLastEvent()
    {
        // Heavy dropout: 40 subjects can rarely give 38 events.
        var s = SimulationScenario.Exponential(Obf4 with { Looks = 2, Information = [0.5, 1] }, 0.7, 0.1, 5, 40, [20, 38], dropoutRate: 0.6, dropoutTime: 1);
        var r = Run(s, 200);
        Assert.True(r.Tally.EventsNotReached > 0);
        Assert.True(r.ExpectedEvents < 38);
        // Such a trial stops at the look whose events were not reached, without rejecting there.
        Assert.Equal(r.Tally.Replicates, r.Tally.StopsByLook.Sum());
        Assert.True(r.Tally.StopsByLook[0] >= r.Tally.RejectByLook[0]);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4 with { Information = [0.5, 0.25, 0.75, 1] }, 0.6, 0.01, 60, 1440, [41, 83, 124, 165]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4 with { Information = [0.25, 0.5, 0.75, 0.9] }, 0.6, 0.01, 60, 1440, [41, 83, 124, 165]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4 with { Alpha = 0.6 }, 0.6, 0.01, 60, 1440, [41, 83, 124, 165]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4 with { Alpha = 0 }, 0.6, 0.01, 60, 1440, [41, 83, 124, 165]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4 with { Alpha = double.NaN }, 0.6, 0.01, 60, 1440, [41, 83, 124, 165]), 10));
        Assert.Throws<DesignInputException>(() => SimulationScenario.Exponential(Obf4, 0, 0.01, 60, 1440, [41, 83, 124, 165]));
        Assert.Throws<DesignInputException>(() => SimulationScenario.Exponential(Obf4, -1, 0.01, 60, 1440, [41, 83, 124, 165]));
        Assert.Throws<DesignInputException>(() => SimulationScenario.Exponential(Obf4, double.NaN, 0.01, 60, 1440, [41, 83, 124, 165]));
        Assert.Throws<DesignInputException>(() => SimulationScenario.Exponential(Obf4, double.PositiveInfinity, 0.01, 60, 1440, [41, 83, 124, 165]));
        Assert.Throws<DesignInputException>(() => SimulationScenario.Exponential(Obf4, 0.6, 0.01, double.NaN, 1440, [41, 83, 124, 165]));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4, 0.6, 0.01, 60, 1440, [1, 2, 3, 3]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4 with { Looks = 3, Information = null }, 0.6, 0.01, 60, 2, [1, 2, 3]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4, 0.6, 0.01, 60, 100, [41, 83, 124, 165]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4, 0.6, 0.01, 60, 1440, [41, 83, 124]), 10));
        Assert.Throws<DesignInputException>(() => Run(SimulationScenario.Exponential(Obf4, 0.6, 0.01, 60, 1, [1, 2, 3, 4]), 10));
        Assert.Throws<DesignInputException>(() => Run(IssueCase(), 0));
        Assert.Throws<DesignInputException>(() => Run(IssueCase(), 10, shard: 3, shards: 3));
        Assert.Throws<DesignInputException>(() => Run(IssueCase(), 2, shard: 0, shards: 3));
        Assert.Throws<DesignInputException>(() => Run(IssueCase() with { Design = Obf4 with { TwoSided = true } }, 10));
    }

    [Fact]
    public void OneReplicateRuns()
    {
        var r = Run(IssueCase(), 1);
        Assert.Equal(1, r.Tally.Replicates);
        Assert.Contains(r.Power, new[] { 0.0, 1.0 });
    }

    private static void AssertSameTally(SimulationTally a, SimulationTally b)
    {
        Assert.Equal(a.FirstReplicate, b.FirstReplicate);
        Assert.Equal(a.Replicates, b.Replicates);
        Assert.Equal(a.RejectByLook, b.RejectByLook);
        Assert.Equal(a.FutilityByLook, b.FutilityByLook);
        Assert.Equal(a.EventsSum, b.EventsSum);
        Assert.Equal(a.SubjectsSum, b.SubjectsSum);
        Assert.Equal(a.DurationSum, b.DurationSum);
        Assert.Equal(a.StopsByLook, b.StopsByLook);
        Assert.Equal(a.HazardRatioSumByLook, b.HazardRatioSumByLook);
        Assert.Equal(a.HazardRatioCountByLook, b.HazardRatioCountByLook);
        Assert.Equal(a.LogHazardRatioHistogramByLook.Count, b.LogHazardRatioHistogramByLook.Count);
        for (int k = 0; k < a.LogHazardRatioHistogramByLook.Count; k++) Assert.Equal(a.LogHazardRatioHistogramByLook[k], b.LogHazardRatioHistogramByLook[k]);
    }
}
