using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>Invariances and the failure contract of <see cref="ProportionalHazardsTest"/> (values: see CoxReferenceTests).</summary>
public class ProportionalHazardsTestTests
{
    private static ZphResult Zph(CoxCaseData d, CoxFit fit, ZphTransform transform, double[]? time = null) =>
        ProportionalHazardsTest.Compute(time ?? d.Time, d.IsEvent, d.X, d.P, d.Stratum, Enumerable.Range(0, d.P).ToArray(), d.P, fit, transform);

    [Theory]
    [InlineData(ZphTransform.KaplanMeier)]
    [InlineData(ZphTransform.Rank)]
    [InlineData(ZphTransform.Identity)]
    [InlineData(ZphTransform.Log)]
    public void RescalingTimeLeavesEveryTransformUnchanged(ZphTransform transform)
    {
        // g(t) enters centred, and the test is invariant to g → a·g, so t → 2.5 t changes nothing.
        var d = CoxCaseData.Lung();
        var fit = d.Fit();
        var a = Zph(d, fit, transform);
        var b = Zph(d, fit, transform, d.Time.Select(t => 2.5 * t).ToArray());
        Assert.Equal(transform, a.Transform);
        for (int i = 0; i < a.Terms.Count; i++)
            Assert.Equal(a.Terms[i].Statistic, b.Terms[i].Statistic, 1e-10);
        Assert.Equal(a.Global.Statistic, b.Global.Statistic, 1e-10);
        Assert.Equal(3, a.Global.DegreesOfFreedom);
        Assert.True(a.Global.Statistic > 0);
    }

    [Fact]
    public void FactorTermGetsOneRowWithItsColumnCount()
    {
        var d = CoxCaseData.Veteran();
        var fit = d.Fit();
        var zph = ProportionalHazardsTest.Compute(d.Time, d.IsEvent, d.X, d.P, [], [0, 1, 2, 2, 2], 3, fit);
        Assert.Equal(3, zph.Terms.Count);
        Assert.Equal([1, 1, 3], zph.Terms.Select(t => t.DegreesOfFreedom));
        Assert.Equal(5, zph.Global.DegreesOfFreedom);
        // One column per term: the global test of a one-covariate model is its term test.
        var aml = CoxCaseData.Aml();
        var one = ProportionalHazardsTest.Compute(aml.Time, aml.IsEvent, aml.X, 1, [], [0], 1, aml.Fit());
        Assert.Equal(one.Terms[0].Statistic, one.Global.Statistic, 12);
    }

    [Fact]
    public void AliasedColumnIsDropped()
    {
        var d = CoxCaseData.Lung();
        var x = new double[d.N * 4];
        for (int i = 0; i < d.N; i++)
        {
            for (int j = 0; j < 3; j++) x[i * 4 + j] = d.X[i * 3 + j];
            x[i * 4 + 3] = 1;
        }
        var fit = CoxRegression.Fit(d.Time, d.IsEvent, x, 4, [], []);
        var zph = ProportionalHazardsTest.Compute(d.Time, d.IsEvent, x, 4, [], [0, 1, 2, 3], 4, fit);
        var reference = Zph(d, d.Fit(), ZphTransform.KaplanMeier);
        Assert.Equal(reference.Global.Statistic, zph.Global.Statistic, 9);
        Assert.Equal(3, zph.Global.DegreesOfFreedom);
        Assert.True(double.IsNaN(zph.Terms[3].Statistic));
    }

    [Fact]
    public void AllTiedTimesGiveNaNNotAnException()
    {
        double[] time = [3, 3, 3, 3, 3];
        bool[] ev = [true, true, true, false, true];
        double[] x = [0, 1, 1, 0, 1];
        var fit = CoxRegression.Fit(time, ev, x, 1, [], []);
        var zph = ProportionalHazardsTest.Compute(time, ev, x, 1, [], [0], 1, fit);
        Assert.True(double.IsNaN(zph.Global.Statistic));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteTimeIsRejected(double bad)
    {
        var d = CoxCaseData.Book6();
        var fit = d.Fit();
        var time = (double[])d.Time.Clone();
        time[0] = bad;
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazardsTest.Compute(time, d.IsEvent, d.X, 1, [], [0], 1, fit));
    }

    [Fact]
    public void InputsThatDoNotMatchTheFitAreRejected()
    {
        var d = CoxCaseData.Book6();
        var fit = d.Fit();
        Assert.Throws<ArgumentException>(() => ProportionalHazardsTest.Compute([], [], [], 1, [], [0], 1, fit));
        Assert.Throws<ArgumentException>(() => ProportionalHazardsTest.Compute(d.Time[..5], d.IsEvent[..5], d.X[..5], 1, [], [0], 1, fit));
        Assert.Throws<ArgumentException>(() => ProportionalHazardsTest.Compute(d.Time, d.IsEvent, d.X, 2, [], [0, 0], 1, fit));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazardsTest.Compute(d.Time, d.IsEvent, d.X, 1, [], [1], 1, fit));
        Assert.Throws<ArgumentException>(() => ProportionalHazardsTest.Compute(d.Time, [false, false, false, false, false, false], d.X, 1, [], [0], 1, fit));
    }

    [Fact]
    public void LogTransformNeedsPositiveTimes()
    {
        var d = CoxCaseData.Book6();
        var fit = d.Fit();
        var time = (double[])d.Time.Clone();
        time[1] = 0;
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazardsTest.Compute(time, d.IsEvent, d.X, 1, [], [0], 1, fit, ZphTransform.Log));
    }

    [Fact]
    public void KaplanMeierTransformIsOneMinusTheLeftContinuousCurve()
    {
        // book6 times 1,1,6,6,8,9 with deaths at 1 (1 of 6), 6 (2 of 4), 9 (1 of 1):
        // Ŝ(t−) = 1, 1, 5/6, 5/6, 5/12, 5/12 → g = 0, 0, 1/6, 1/6, 7/12, 7/12; event mean (0+1/6+1/6+7/12)/4 = 11/48.
        var d = CoxCaseData.Book6();
        var g = ProportionalHazardsTest.TransformedTime([], d.Time, d.IsEvent, ZphTransform.KaplanMeier);
        double[] expected = [0, 0, 1.0 / 6, 1.0 / 6, 7.0 / 12, 7.0 / 12];
        for (int i = 0; i < 6; i++) Assert.Equal(expected[i] - 11.0 / 48, g[i], 14);
        var rank = ProportionalHazardsTest.TransformedTime([], d.Time, d.IsEvent, ZphTransform.Rank);
        double[] ranks = [1.5, 1.5, 3.5, 3.5, 5, 6];
        for (int i = 0; i < 6; i++) Assert.Equal(ranks[i] - 29.0 / 8, rank[i], 14);   // event mean (1.5+3.5+3.5+6)/4
    }
}
