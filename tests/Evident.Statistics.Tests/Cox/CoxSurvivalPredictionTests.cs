using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>
/// Predicted curves (R's survfit(coxph_fit, newdata)): a hand-computed Breslow case with delayed entry, invariances
/// (row order, follow-up split at non-event times), and the argument checks. The R reference cases on lung,
/// veteran, colon and heart run through the command line (tests/fixtures/predict).
/// </summary>
public class CoxSurvivalPredictionTests
{
    private static IReadOnlyList<CoxSurvivalCurve> Predict(double[] entry, double[] time, bool[] ev, double[] x, int p, int[] stratum, CoxFit fit,
                                                           double[] patterns, int[] patternStratum) =>
        CoxSurvivalPrediction.Predict(entry, time, ev, x, p, stratum, fit, patterns, patternStratum, ConfidenceType.Log, 0.95);

    [Fact]
    public void BreslowWithDelayedEntryByHand()
    {
        // Rows (entry, stop]: (0, 1] x=0 death, (0, 2] x=1 death, (1.5, 3] x=1 death, (0, 4] x=0 censored.
        // Risk sets: t=1 {1, 2, 4}; t=2 {2, 3, 4}; t=3 {3, 4}; t=4 {4}. With r = exp(βx), for the pattern x = 0:
        // Λ(1) = 1/(2 + e^β), Λ(2) = Λ(1) + 1/(1 + 2e^β), Λ(3) = Λ(2) + 1/(1 + e^β), Λ(4) = Λ(3).
        double[] entry = [0, 0, 1.5, 0], time = [1, 2, 3, 4], x = [0, 1, 1, 0];
        bool[] ev = [true, true, true, false];
        var fit = CoxRegression.FitCountingProcess(entry, time, ev, x, 1, [], [], [], new CoxOptions { Ties = TieMethod.Breslow });
        double r = Math.Exp(fit.Coefficients[0]);
        double h1 = 1 / (2 + r), h2 = h1 + 1 / (1 + 2 * r), h3 = h2 + 1 / (1 + r);
        var curve = Predict(entry, time, ev, x, 1, [], fit, [0], [])[0];
        Assert.Equal([1.0, 2, 3, 4], curve.Times);
        Assert.Equal([3, 3, 2, 1], curve.AtRisk);
        Assert.Equal([1, 1, 1, 0], curve.Events);
        Assert.Equal([0, 0, 0, 1], curve.Censored);
        double[] expected = [h1, h2, h3, h3];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(expected[t], curve.CumulativeHazard[t], 14);
            Assert.Equal(Math.Exp(-expected[t]), curve.Survival[t], 14);
        }
        // Var Λ(1) = 1/(2 + e^β)² + (Λ(1)·0 − e^β/(2 + e^β)²)² Var β̂ (Tsiatis).
        double a1 = r / ((2 + r) * (2 + r));
        double v1 = 1 / ((2 + r) * (2 + r)) + a1 * a1 * fit.Variance[0, 0];
        Assert.Equal(Math.Sqrt(v1), curve.CumulativeHazardStdError[0], 14);
        Assert.Equal(Math.Sqrt(v1) * curve.Survival[0], curve.StdError[0], 14);
    }

    [Theory]
    [InlineData(TieMethod.Efron, false)]
    [InlineData(TieMethod.Breslow, true)]
    public void RowOrderChangesNothing(TieMethod ties, bool strata)
    {
        var d = CoxCaseData.Lung(strataCluster: strata);
        var options = new CoxOptions { Ties = ties };
        var fit = d.Fit(options);
        double[] pattern = strata ? [60, 1, 70, 2] : [60, 1, 0, 70, 2, 2];
        int[] patternStratum = strata ? [0, 2] : [];
        var forward = CoxSurvivalPrediction.Predict([], d.Time, d.IsEvent, d.X, d.P, d.Stratum, fit, pattern, patternStratum, ConfidenceType.Log, 0.95);
        var order = Enumerable.Range(0, d.N).Reverse().ToArray();
        var x = order.SelectMany(i => d.X.AsSpan(i * d.P, d.P).ToArray()).ToArray();
        int[] stratum = strata ? order.Select(i => d.Stratum[i]).ToArray() : [];
        var reversed = CoxSurvivalPrediction.Predict([], order.Select(i => d.Time[i]).ToArray(), order.Select(i => d.IsEvent[i]).ToArray(), x, d.P,
                                                     stratum, fit, pattern, patternStratum, ConfidenceType.Log, 0.95);
        for (int k = 0; k < forward.Count; k++)
        {
            Assert.Equal(forward[k].Times, reversed[k].Times);
            for (int t = 0; t < forward[k].Times.Count; t++)
            {
                Assert.Equal(forward[k].Survival[t], reversed[k].Survival[t], 12);
                Assert.Equal(forward[k].StdError[t], reversed[k].StdError[t], 12);
            }
        }
    }

    [Fact]
    public void SplittingFollowUpAtNonEventTimesChangesNoValue()
    {
        var d = CoxCaseData.Lung();
        var fit = d.Fit();
        var entry = new List<double>(); var time = new List<double>(); var ev = new List<bool>(); var x = new List<double>();
        for (int i = 0; i < d.N; i++)
        {
            double cut = Math.Floor(d.Time[i] / 2) + 0.25;
            foreach (var (start, stop, last) in cut < d.Time[i] ? [(0.0, cut, false), (cut, d.Time[i], true)] : new[] { (0.0, d.Time[i], true) })
            {
                entry.Add(start); time.Add(stop); ev.Add(last && d.IsEvent[i]);
                x.AddRange(d.X.AsSpan(i * d.P, d.P).ToArray());
            }
        }
        double[] pattern = [55, 2, 1];
        var whole = Predict([], d.Time, d.IsEvent, d.X, d.P, [], fit, pattern, [])[0];
        var split = Predict([.. entry], [.. time], [.. ev], [.. x], d.P, [], fit, pattern, [])[0];
        for (int t = 0; t < whole.Times.Count; t++)
        {
            int at = split.Times.ToList().IndexOf(whole.Times[t]);
            Assert.Equal(whole.AtRisk[t], split.AtRisk[at]);
            Assert.Equal(whole.Survival[t], split.Survival[at], 11);
            Assert.Equal(whole.StdError[t], split.StdError[at], 11);
        }
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        var d = CoxCaseData.Lung(strataCluster: true);
        var fit = d.Fit();
        IReadOnlyList<CoxSurvivalCurve> Call(double[] patterns, int[] strata, double level = 0.95) =>
            CoxSurvivalPrediction.Predict([], d.Time, d.IsEvent, d.X, d.P, d.Stratum, fit, patterns, strata, ConfidenceType.Log, level);
        Assert.Throws<ArgumentOutOfRangeException>(() => Call([double.NaN, 1], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Call([60, double.PositiveInfinity], [0]));
        Assert.Throws<ArgumentException>(() => Call([60, 1, 2], [0]));
        Assert.Throws<ArgumentException>(() => Call([], []));
        Assert.Throws<ArgumentException>(() => Call([60, 1], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Call([60, 1], [9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Call([60, 1], [0], double.NaN));
        Assert.Throws<ArgumentException>(() => CoxSurvivalPrediction.Predict([], [], [], [], d.P, [], fit, [60, 1], [], ConfidenceType.Log, 0.95));
        Assert.Throws<ArgumentException>(() => CoxSurvivalPrediction.Predict([], d.Time, d.IsEvent, d.X.AsSpan(0, d.N).ToArray(), 1, d.Stratum, fit, [60], [0], ConfidenceType.Log, 0.95));
    }
}
