using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Cox;

/// <summary>
/// Counting-process data (Surv(start, stop, event)): splitting a participant's follow-up at times that are not
/// event times changes no risk set, so every estimate must equal the unsplit fit's; the R reference cases on the
/// Stanford heart data run through the command line (tests/fixtures/counting-process).
/// </summary>
public class CoxCountingProcessTests
{
    /// <summary>Lung with every row split in two at a time that is not one of its own events.</summary>
    private static (double[] Entry, double[] Time, bool[] IsEvent, double[] X, int[] Stratum, int[] Cluster) Split(CoxCaseData d, bool withStrata)
    {
        var entry = new List<double>(); var time = new List<double>(); var ev = new List<bool>();
        var x = new List<double>(); var stratum = new List<int>(); var cluster = new List<int>();
        for (int i = 0; i < d.N; i++)
        {
            double cut = Math.Floor(d.Time[i] / 2) + 0.25;   // never a (whole-day) lung time
            double[] starts = cut < d.Time[i] ? [0, cut] : [0];
            for (int k = 0; k < starts.Length; k++)
            {
                bool last = k == starts.Length - 1;
                entry.Add(starts[k]);
                time.Add(last ? d.Time[i] : cut);
                ev.Add(last && d.IsEvent[i]);
                x.AddRange(d.X.AsSpan(i * d.P, d.P).ToArray());
                if (withStrata) stratum.Add(d.Stratum[i]);
                cluster.Add(i);
            }
        }
        return (entry.ToArray(), time.ToArray(), ev.ToArray(), x.ToArray(), stratum.ToArray(), cluster.ToArray());
    }

    [Theory]
    [InlineData(TieMethod.Efron, false)]
    [InlineData(TieMethod.Breslow, true)]
    public void SplittingFollowUpChangesNothing(TieMethod ties, bool strata)
    {
        var d = CoxCaseData.Lung(strataCluster: strata);
        var options = new CoxOptions { Ties = ties };
        var whole = CoxRegression.Fit(d.Time, d.IsEvent, d.X, d.P, d.Stratum, Enumerable.Range(0, d.N).ToArray(), options);
        var s = Split(d, strata);
        Assert.True(s.Time.Length > d.N + 100);
        var split = CoxRegression.FitCountingProcess(s.Entry, s.Time, s.IsEvent, s.X, d.P, s.Stratum, s.Cluster, [], options);

        Assert.Equal(s.Time.Length, split.N);
        Assert.Equal(whole.Events, split.Events);
        AssertClose(whole.LogLikelihood, split.LogLikelihood, 1e-11);
        AssertClose(whole.LogLikelihoodNull, split.LogLikelihoodNull, 1e-11);
        AssertClose(whole.Concordance, split.Concordance, 1e-11);
        for (int j = 0; j < d.P; j++)
        {
            AssertClose(whole.Terms[j].Estimate, split.Terms[j].Estimate, 1e-9);
            AssertClose(whole.Terms[j].StdError, split.Terms[j].StdError, 1e-9);
            // Robust variance by participant: a participant's score residuals add up over its rows.
            AssertClose(whole.Terms[j].RobustStdError, split.Terms[j].RobustStdError, 1e-9);
        }
    }

    [Fact]
    public void EntryBeforeEveryTimeIsRightCensoredData()
    {
        var d = CoxCaseData.Lung();
        var entry = Enumerable.Repeat(-1.0, d.N).ToArray();
        var right = d.Fit();
        var counting = CoxRegression.FitCountingProcess(entry, d.Time, d.IsEvent, d.X, d.P, [], [], []);
        Assert.Equal(right.LogLikelihood, counting.LogLikelihood, 12);
        for (int j = 0; j < d.P; j++) Assert.Equal(right.Terms[j].Estimate, counting.Terms[j].Estimate, 12);
    }

    [Fact]
    public void DelayedEntryLeavesLateEntrantsOutOfEarlierRiskSets()
    {
        // Rows (entry, stop]: (0, 1], (0, 2], (1.5, 3], x = 0, 1, 1; deaths at 1, 2, 3. Row 3 enters at 1.5, so the
        // risk sets are {1, 2} at t = 1, {2, 3} at 2 and {3} at 3: ℓ(0) = −log 2 − log 2 − log 1.
        double[] entry = [0, 0, 1.5], time = [1, 2, 3], x = [0, 1, 1];
        bool[] ev = [true, true, true];
        var fit = CoxRegression.FitCountingProcess(entry, time, ev, x, 1, [], [], []);
        Assert.Equal(-2 * Math.Log(2), fit.LogLikelihoodNull, 14);
        // The first Newton step from 0 is U/I: U = (0 − 1/2) + (1 − 1) = −1/2, I = 1/4 + 0 = 1/4.
        Assert.Equal(-2.0, fit.FirstStep[0], 12);
    }

    [Fact]
    public void EntryAtOrAfterStopIsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CoxRegression.FitCountingProcess([0, 2], [1, 2], [true, true], [0, 1], 1, [], [], []));
        Assert.Contains("entry[1] = 2", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CoxRegression.FitCountingProcess([0, double.NaN], [1, 2], [true, true], [0, 1], 1, [], [], []));
    }

    [Fact]
    public void KaplanMeierWithDelayedEntryCountsOnlyThoseWhoEntered()
    {
        // (entry, stop]: (0, 3], (0, 4], (3, 5] all events: at risk 2 at t = 3 (the third enters at 3), 2 at 4, 1 at 5.
        var curve = KaplanMeier.FitGroupsWithEntry([0, 0, 3], [3, 4, 5], [true, true, true], [0, 0, 0], 1)[0];
        Assert.Equal([2, 2, 1], curve.Steps.Select(s => s.AtRisk));
        Assert.Equal([0.5, 0.25, 0.0], curve.Steps.Select(s => s.Survival));
        // Entry before every time is the ordinary curve.
        var plain = KaplanMeier.Fit([3.0, 4, 5], [true, false, true]);
        var entered = KaplanMeier.FitGroupsWithEntry([-1.0, -1, -1], [3.0, 4, 5], [true, false, true], [0, 0, 0], 1)[0];
        Assert.Equal(plain.Steps, entered.Steps);
        // Negative times, as R allows: survfit(Surv(a, b, e) ~ 1) of (−5, −1], (−3, 2], (0, 4] censored gives
        // n.risk 2, 2 and survival 0.5, 0.25 at −1 and 2.
        var negative = KaplanMeier.FitGroupsWithEntry([-5.0, -3, 0], [-1.0, 2, 4], [true, true, false], [0, 0, 0], 1)[0];
        Assert.Equal([-1.0, 2, 4], negative.Steps.Select(s => s.Time));
        Assert.Equal([2, 2, 1], negative.Steps.Select(s => s.AtRisk));
        Assert.Equal([0.5, 0.25, 0.25], negative.Steps.Select(s => s.Survival));
        Assert.Equal(Math.Sqrt(0.5 * 0.5 / 2), negative.Steps[0].StdError, 12);
    }

    private static void AssertClose(double expected, double actual, double rel) =>
        Assert.True(Math.Abs(expected - actual) <= rel * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
