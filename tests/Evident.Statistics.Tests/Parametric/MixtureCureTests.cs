using Evident.Statistics.Cox;
using Evident.Statistics.Parametric;

namespace Evident.Statistics.Tests.Parametric;

/// <summary>
/// The mixture cure model recovers the values it is simulated from, its 95% Wald intervals cover them about 95% of the
/// time, and its inputs are checked. The maximum agrees with R's optim on the same likelihood (tests/fixtures/cure).
/// </summary>
public class MixtureCureTests
{
    // logit P(not cured) = 1.0 − 1.2·arm + 0.5·x; log T = 2.0 + 0.4·arm − 0.3·x + 0.8·W among the not cured.
    private static readonly double[] Truth = [1.0, -1.2, 0.5, 2.0, 0.4, -0.3, Math.Log(0.8)];

    private static (double[] Time, bool[] IsEvent, double[] X) Simulate(int n, Random random)
    {
        var time = new double[n];
        var isEvent = new bool[n];
        var x = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            double arm = random.Next(2), z = Normal(random);
            x[2 * i] = arm;
            x[2 * i + 1] = z;
            double uncured = 1 / (1 + Math.Exp(-(Truth[0] + Truth[1] * arm + Truth[2] * z)));
            double censor = 5 + 35 * random.NextDouble();
            if (random.NextDouble() >= uncured) { time[i] = censor; continue; }
            double t = Math.Exp(Truth[3] + Truth[4] * arm + Truth[5] * z) * Math.Pow(-Math.Log(1 - random.NextDouble()), Math.Exp(Truth[6]));
            time[i] = Math.Min(t, censor);
            isEvent[i] = t <= censor;
        }
        return (time, isEvent, x);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[] Estimates(MixtureCureFit fit) =>
        [.. fit.Incidence.Select(c => c.Estimate), .. fit.Latency.Select(c => c.Estimate), fit.LogScale.Estimate];

    private static double[] StdErrors(MixtureCureFit fit) =>
        [.. fit.Incidence.Select(c => c.StdError), .. fit.Latency.Select(c => c.StdError), fit.LogScale.StdError];

    [Fact]
    public void ALargeSampleRecoversTheTruth()
    {
        var (time, isEvent, x) = Simulate(20000, new Random(17));
        var fit = MixtureCure.Fit(time, isEvent, x, 2);
        Assert.Equal(ConvergenceStatus.Converged, fit.Status);
        var estimate = Estimates(fit);
        var se = StdErrors(fit);
        for (int j = 0; j < Truth.Length; j++)
        {
            Assert.True(Math.Abs(estimate[j] - Truth[j]) < 4 * se[j], $"parameter {j}: {estimate[j]} vs {Truth[j]} (se {se[j]})");
            Assert.True(se[j] < 0.06, $"parameter {j}: se {se[j]}");
        }
    }

    [Fact]
    public void WaldIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime()
    {
        const int replicates = 200;
        var random = new Random(2026);
        var covered = new int[Truth.Length];
        for (int r = 0; r < replicates; r++)
        {
            var (time, isEvent, x) = Simulate(500, random);
            var fit = MixtureCure.Fit(time, isEvent, x, 2);
            Assert.Equal(ConvergenceStatus.Converged, fit.Status);
            var estimate = Estimates(fit);
            var se = StdErrors(fit);
            for (int j = 0; j < Truth.Length; j++) if (Math.Abs(estimate[j] - Truth[j]) <= 1.959964 * se[j]) covered[j]++;
        }
        // 95% of 200 with binomial SD 3.1: 0.90–0.99 is outside ±2.9 SD.
        foreach (int c in covered) Assert.InRange(c / (double)replicates, 0.90, 0.99);
    }

    [Fact]
    public void InputsAreChecked()
    {
        Assert.Throws<ArgumentException>(() => MixtureCure.Fit([], [], [], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureCure.Fit([1, 0], [true, false], [], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureCure.Fit([1, double.NaN], [true, false], [], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureCure.Fit([1, 2], [true, false], [0, double.PositiveInfinity], 1));
        Assert.Throws<ArgumentException>(() => MixtureCure.Fit([1, 2], [false, false], [], 0));
        Assert.Throws<ArgumentException>(() => MixtureCure.Fit([1, 2], [true], [], 0));
    }
}
