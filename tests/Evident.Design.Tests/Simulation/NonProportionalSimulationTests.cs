using Evident.Design.Simulation;
using Evident.Statistics.Distributions;
using Evident.Statistics.Survival;
using MathNet.Numerics.Distributions;

namespace Evident.Design.Tests.Simulation;

/// <summary><c>simulate</c> with FH, MaxCombo and RMST tests, and a hazard ratio that changes over time.</summary>
public class NonProportionalSimulationTests
{
    private static readonly GroupSequentialOptions OneLook = new() { Looks = 1, Information = [1], Alpha = 0.025 };

    /// <summary>600 subjects over 12 months, control median 12, analysis at 400 events; HR 1 for 6 months then <paramref name="late"/>.</summary>
    private static SimulationScenario DelayedEffect(SimulationTest test, double late = 0.6, int subjects = 600, int events = 400) => new()
    {
        Subjects = subjects,
        Strata = [new SimulationStratum("all", 1, PiecewiseHazard.FromMedian(12), late) { HazardRatioOverTime = new PiecewiseHazard([0.0, 6.0], [1.0, late]) }],
        Accrual = PiecewiseAccrual.Uniform(12),
        Looks = LookSchedule.AtEvents([events]),
        Design = OneLook,
        Test = test,
    };

    private static SimulationResult Run(SimulationScenario s, long reps, ulong seed = 3) =>
        SurvivalSimulation.Run(s, new SimulationRun { Replicates = reps, Seed = seed });

    [Theory]
    [InlineData("logrank", "logrank")]
    [InlineData(" FH( 0 , 1 ) ", "fh(0,1)")]
    [InlineData("maxcombo(0,0;0,1;1,0)", "maxcombo(0,0;0,1;1,0)")]
    [InlineData("rmst(24.5)", "rmst(24.5)")]
    public void ParsesAndWritesTheTextForm(string text, string written)
    {
        var test = SimulationTest.Parse(text);
        Assert.Equal(written, test.ToString());
        Assert.Equal(test, SimulationTest.Parse(test.ToString()));
    }

    [Theory]
    [InlineData("wilcoxon")]
    [InlineData("fh(0)")]
    [InlineData("fh(-1,0)")]
    [InlineData("fh(NaN,0)")]
    [InlineData("maxcombo(0,0)")]
    [InlineData("rmst(0)")]
    [InlineData("rmst(x)")]
    public void RejectsMalformedTests(string text)
    {
        var e = Assert.Throws<DesignInputException>(() => SimulationTest.Parse(text));
        Assert.Equal(SimulationTest.Input, e.Input);
    }

    [Fact]
    public void WeightedStatisticsMatchTheSurvivalKernelsOnTheSameData()
    {
        var (time, isEvent, arm) = Data(120, seed: 5);
        var weights = new[] { new FlemingHarringtonWeight(0, 0), new FlemingHarringtonWeight(0, 1), new FlemingHarringtonWeight(1, 0), new FlemingHarringtonWeight(1, 1) };
        var reference = MaxCombo.Test(time, isEvent, arm, [], 1, weights);
        for (int k = 0; k < weights.Length; k++)
        {
            var fh = Feed(SimulationTest.FlemingHarrington(weights[k].Rho, weights[k].Gamma), time, isEvent, arm);
            Assert.Equal(reference.Components[k].Z, fh.Z(double.PositiveInfinity, double.NaN), 1e-12);
            var logRank = LogRank.Test(time, isEvent, arm, 2, [], 1, weights[k].Rho, weights[k].Gamma);
            Assert.Equal(logRank.Statistic, Math.Pow(reference.Components[k].Z, 2), 1e-9);
        }

        // MaxCombo, one-sided: Φ⁻¹(P(all Z_k ≤ M)) with the kernel's correlation.
        double max = reference.Components.Max(c => c.Z);
        double below = MultivariateNormal.Rectangle(Enumerable.Repeat(double.NegativeInfinity, 4).ToArray(), Enumerable.Repeat(max, 4).ToArray(), reference.Correlation, 1e-11).Value;
        var combo = Feed(SimulationTest.MaxCombo(weights), time, isEvent, arm);
        Assert.Equal(Normal.InvCDF(0, 1, below), combo.Z(double.PositiveInfinity, double.NaN), 1e-6);
    }

    [Fact]
    public void RestrictedMeanMatchesTheKaplanMeierRestrictedMean()
    {
        var (time, isEvent, arm) = Data(150, seed: 9);
        const double tau = 10;
        double difference = 0, variance = 0;
        for (int a = 0; a < 2; a++)
        {
            var rows = Enumerable.Range(0, time.Length).Where(i => arm[i] == a).ToArray();
            var r = RestrictedMean.Compute(KaplanMeier.Fit(rows.Select(i => time[i]).ToArray(), rows.Select(i => isEvent[i]).ToArray()), tau);
            difference += a == 1 ? r.Rmst : -r.Rmst;
            variance += r.StdError * r.StdError;
        }
        var rmst = Feed(SimulationTest.RestrictedMean(tau), time, isEvent, arm);
        Assert.Equal(difference / Math.Sqrt(variance), rmst.Z(0, 0), 1e-10);
    }

    [Fact]
    public void FhZeroZeroAndTheLogRankTestGiveTheSameTrials()
    {
        var logRank = Run(DelayedEffect(SimulationTest.LogRank), 500);
        var fh00 = Run(DelayedEffect(SimulationTest.FlemingHarrington(0, 0)), 500);
        Assert.Equal(logRank.Tally.RejectByLook, fh00.Tally.RejectByLook);
        Assert.Equal(logRank.Tally.EventsSum, fh00.Tally.EventsSum);
    }

    [Theory]
    [InlineData("fh(0,1)")]
    [InlineData("maxcombo(0,0;0,1;1,0)")]
    [InlineData("rmst(18)")]
    public void TypeOneErrorIsAlphaWithinMonteCarloError(string test)
    {
        const int reps = 4000;
        var result = Run(DelayedEffect(SimulationTest.Parse(test), late: 1, subjects: 300, events: 200), reps, seed: 17);
        double se = Math.Sqrt(0.025 * 0.975 / reps);
        Assert.True(Math.Abs(result.Power - 0.025) <= 3.5 * se, $"{test}: type I error {result.Power}, α = 0.025, 3.5 SE = {3.5 * se}");
    }

    [Fact]
    public void UnderADelayedEffectLateWeightingBeatsTheLogRankTest()
    {
        const int reps = 2000;
        var logRank = Run(DelayedEffect(SimulationTest.LogRank), reps);
        var late = Run(DelayedEffect(SimulationTest.FlemingHarrington(0, 1)), reps);
        var combo = Run(DelayedEffect(SimulationTest.Parse("maxcombo(0,0;0,1;1,0)")), reps);
        Assert.Equal(SimulationTest.FlemingHarrington(0, 1), late.Test);
        // Seen with 4,000 replicates: log-rank 0.81, FH(0,1) 0.94, MaxCombo 0.91 (docs/simulation.md); differences ≫ MC error.
        Assert.True(late.Power > logRank.Power + 0.06, $"FH(0,1) {late.Power} vs log-rank {logRank.Power}");
        Assert.True(combo.Power > logRank.Power + 0.04, $"MaxCombo {combo.Power} vs log-rank {logRank.Power}");
        Assert.True(late.Power >= combo.Power - 0.02, $"FH(0,1) {late.Power} vs MaxCombo {combo.Power}");
    }

    [Fact]
    public void AConstantHazardRatioOverTimeSimulatesTheProportionalTrial()
    {
        var constant = new SimulationScenario
        {
            Subjects = 600,
            Strata = [new SimulationStratum("all", 1, PiecewiseHazard.FromMedian(12), 0.75)],
            Accrual = PiecewiseAccrual.Uniform(12),
            Looks = LookSchedule.AtEvents([400]),
            Design = OneLook,
        };
        var stepwise = constant with { Strata = [constant.Strata[0] with { HazardRatioOverTime = new PiecewiseHazard([0.0, 6.0], [0.75, 0.75]) }] };
        var a = Run(constant, 3000, seed: 21);
        var b = Run(stepwise, 3000, seed: 22);
        double se = Math.Sqrt(a.Power * (1 - a.Power) / 3000 * 2);
        Assert.True(Math.Abs(a.Power - b.Power) <= 3.5 * se, $"{a.Power} vs {b.Power}");
    }

    [Fact]
    public void TheExperimentalHazardIsTheProductOfBothStepFunctions()
    {
        var control = new PiecewiseHazard([0.0, 4.0], [0.1, 0.2]);
        var product = control.Times(new PiecewiseHazard([0.0, 6.0], [1.0, 0.5]));
        Assert.Equal([0.0, 4.0, 6.0], product.Starts);
        Assert.Equal([0.1, 0.2, 0.1], product.Rates);
    }

    /// <summary>Feeds the rows (no ties) to a <see cref="LookStatistic"/> in follow-up order, as the simulator's merge does.</summary>
    private static LookStatistic Feed(SimulationTest test, double[] time, bool[] isEvent, int[] arm)
    {
        var statistic = new LookStatistic(test, 1, time.Length);
        statistic.Reset();
        var order = Enumerable.Range(0, time.Length).OrderBy(i => time[i]).ToArray();
        int[] atRisk = [arm.Count(a => a == 0), arm.Count(a => a == 1)];
        foreach (int i in order)
        {
            if (isEvent[i])
            {
                double n = atRisk[0] + atRisk[1];
                if (statistic.Weighted) statistic.AddWeighted(0, n, atRisk[1] / n, arm[i] == 1);
                if (statistic.RestrictedMean) statistic.AddRestrictedMean(arm[i], time[i], atRisk[arm[i]]);
            }
            atRisk[arm[i]]--;
        }
        return statistic;
    }

    private static (double[] Time, bool[] IsEvent, int[] Arm) Data(int n, int seed)
    {
        var random = new Random(seed);
        var time = new double[n];
        var isEvent = new bool[n];
        var arm = new int[n];
        for (int i = 0; i < n; i++)
        {
            arm[i] = i % 2;
            double t = -Math.Log(1 - random.NextDouble()) * (arm[i] == 1 ? 12 : 8);
            double c = random.NextDouble() * 25;
            time[i] = Math.Min(t, c);
            isEvent[i] = t <= c;
        }
        return (time, isEvent, arm);
    }
}
