using Evident.Design.NonProportional;
using Evident.Design.Simulation;
using Xunit.Abstractions;

namespace Evident.Design.Tests.NonProportional;

/// <summary>gsDesign2's ahr()/expected_event() for a piecewise hazard ratio, verified in closed form and by simulation.</summary>
public class AverageHazardRatioTests(ITestOutputHelper output)
{
    /// <summary>10 a month for 3 months then 30 a month to month 12 (300 subjects); control hazard 0.08 then 0.05 after month 9; HR 1 for 6 months then 0.6.</summary>
    private static AverageHazardRatioOptions Delayed(double ratio = 1, double dropout = 0, params double[] times) => new()
    {
        EnrollmentRate = new PiecewiseHazard([0.0, 3.0], [10.0, 30.0]),
        EnrollmentEnd = 12,
        ControlHazard = new PiecewiseHazard([0.0, 9.0], [0.08, 0.05]),
        HazardRatio = new PiecewiseHazard([0.0, 6.0], [1.0, 0.6]),
        DropoutHazard = dropout,
        AllocationRatio = ratio,
        AnalysisTimes = times.Length == 0 ? [18, 30] : times,
    };

    [Fact]
    public void ProportionalHazardsGiveTheHazardRatioAndTheClosedFormEvents()
    {
        const double lambda = 0.1, a = 12, rate = 20, t = 30;
        var looks = AverageHazardRatio.Compute(new AverageHazardRatioOptions
        {
            EnrollmentRate = PiecewiseHazard.Exponential(rate),
            EnrollmentEnd = a,
            ControlHazard = PiecewiseHazard.Exponential(lambda),
            HazardRatio = PiecewiseHazard.Exponential(0.7),
            AnalysisTimes = [t],
        });
        // One arm at rate/2: (rate/2)·[A − (e^{−λ(T−A)} − e^{−λT})/λ].
        double Events(double h) => rate / 2 * (a - (Math.Exp(-h * (t - a)) - Math.Exp(-h * t)) / h);
        Assert.Equal(0.7, looks[0].AverageHazardRatio, 14);
        Assert.Equal(Events(lambda), looks[0].ControlEvents, 11);
        Assert.Equal(Events(0.7 * lambda), looks[0].ExperimentalEvents, 11);
        Assert.Equal(looks[0].Events * 0.25, looks[0].NullInformation, 12);
        Assert.Equal(1 / (1 / looks[0].ControlEvents + 1 / looks[0].ExperimentalEvents), looks[0].Information, 12);
    }

    [Fact]
    public void AverageHazardRatioMovesFromOneTowardsTheLateRatio()
    {
        var looks = AverageHazardRatio.Compute(Delayed(times: [4, 12, 24, 48, 200]));
        Assert.Equal(1.0, looks[0].AverageHazardRatio, 14);     // nobody followed beyond 6 months yet
        for (int k = 1; k < looks.Count; k++)
        {
            Assert.True(looks[k].AverageHazardRatio < looks[k - 1].AverageHazardRatio, $"look {k}");
            Assert.True(looks[k].Events > looks[k - 1].Events);
        }
        Assert.InRange(looks[^1].AverageHazardRatio, 0.6, 1);
        Assert.Equal(looks[^1].Events, looks[^1].EventsByPeriod.Sum(), 10);
    }

    /// <summary>Monte Carlo: the same enrolment (entries uniform within each piece), arms at random with P(experimental) = r/(1 + r), exponential dropout.</summary>
    [Fact]
    public void ExpectedEventsPerArmAndPeriodMatchSimulation()
    {
        const int reps = 4000;
        const double ratio = 2, dropout = 0.01, time = 20;
        var looks = AverageHazardRatio.Compute(Delayed(ratio, dropout, time));
        var control = new PiecewiseHazard([0.0, 9.0], [0.08, 0.05]);
        var experimental = control.Times(new PiecewiseHazard([0.0, 6.0], [1.0, 0.6]));
        var random = new Random(20261207);
        double[] sum = new double[4], sumSquares = new double[4];   // control, experimental, period [0, 6), later periods
        for (int rep = 0; rep < reps; rep++)
        {
            var count = new double[4];
            for (int i = 0; i < 300; i++)
            {
                double entry = i < 30 ? 3 * random.NextDouble() : 3 + 9 * random.NextDouble();
                bool isExperimental = random.NextDouble() < ratio / (1 + ratio);
                double t = (isExperimental ? experimental : control).Invert(-Math.Log(1 - random.NextDouble()), 1);
                double d = -Math.Log(1 - random.NextDouble()) / dropout;
                if (t >= d || entry + t > time) continue;
                count[isExperimental ? 1 : 0]++;
                count[t < 6 ? 2 : 3]++;
            }
            for (int j = 0; j < 4; j++) { sum[j] += count[j]; sumSquares[j] += count[j] * count[j]; }
        }
        double[] expected = [looks[0].ControlEvents, looks[0].ExperimentalEvents, looks[0].EventsByPeriod[0], looks[0].EventsByPeriod.Skip(1).Sum()];
        string[] names = ["control events", "experimental events", "events in months 0-6 of follow-up", "events after month 6"];
        for (int j = 0; j < 4; j++)
        {
            double mean = sum[j] / reps, se = Math.Sqrt((sumSquares[j] / reps - mean * mean) / reps);
            output.WriteLine($"{names[j]}: expected {expected[j]:F3}, simulated {mean:F3} (MC SE {se:F3})");
            Assert.True(Math.Abs(mean - expected[j]) <= 4 * se, $"quantity {j}: simulated {mean} ± {se}, expected {expected[j]}");
        }
    }

    /// <summary>
    /// The AHR is what the log-rank (Peto) hazard ratio estimates under non-proportional hazards: simulate large trials
    /// analysed at calendar time 30 and compare the median estimate with the AHR.
    /// </summary>
    [Fact]
    public void AverageHazardRatioIsWhatTheLogRankEstimateEstimates()
    {
        var ahr = AverageHazardRatio.Compute(new AverageHazardRatioOptions
        {
            EnrollmentRate = PiecewiseHazard.Exponential(2000.0 / 12),
            EnrollmentEnd = 12,
            ControlHazard = PiecewiseHazard.FromMedian(12),
            HazardRatio = new PiecewiseHazard([0.0, 6.0], [1.0, 0.6]),
            AnalysisTimes = [30],
        })[0];
        var scenario = new SimulationScenario
        {
            Subjects = 2000,
            Strata = [new SimulationStratum("all", 1, PiecewiseHazard.FromMedian(12), 0.6) { HazardRatioOverTime = new PiecewiseHazard([0.0, 6.0], [1.0, 0.6]) }],
            Accrual = PiecewiseAccrual.Uniform(12),
            Looks = LookSchedule.AtTimes([30]),
            Design = new GroupSequentialOptions { Looks = 1, Information = [1], Alpha = 0.025 },
        };
        var simulated = SurvivalSimulation.Run(scenario, new SimulationRun { Replicates = 2000, Seed = 30 });
        output.WriteLine($"AHR {ahr.AverageHazardRatio:F4}, median log-rank estimate {simulated.HazardRatioQuantile(0.5):F4}; events {ahr.Events:F1}, simulated {simulated.ExpectedEvents:F1}");
        Assert.Equal(ahr.Events, simulated.ExpectedEvents, 0.01 * ahr.Events);
        Assert.Equal(ahr.AverageHazardRatio, simulated.HazardRatioQuantile(0.5), 0.01);
    }

    [Fact]
    public void BadInputsAreNamed()
    {
        Assert.Equal("HazardRatio", Assert.Throws<DesignInputException>(() => AverageHazardRatio.Compute(Delayed() with { HazardRatio = new PiecewiseHazard([0.0, 6.0], [0.0, 0.6]) })).Input);
        Assert.Equal("AnalysisTimes", Assert.Throws<DesignInputException>(() => AverageHazardRatio.Compute(Delayed() with { AnalysisTimes = [12, double.NaN] })).Input);
        Assert.Equal("AnalysisTimes", Assert.Throws<DesignInputException>(() => AverageHazardRatio.Compute(Delayed() with { AnalysisTimes = [] })).Input);
        Assert.Equal("DropoutHazard", Assert.Throws<DesignInputException>(() => AverageHazardRatio.Compute(Delayed() with { DropoutHazard = -1 })).Input);
        Assert.Equal("AllocationRatio", Assert.Throws<DesignInputException>(() => AverageHazardRatio.Compute(Delayed() with { AllocationRatio = 0 })).Input);
    }
}
