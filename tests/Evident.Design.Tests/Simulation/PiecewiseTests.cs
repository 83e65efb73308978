using Evident.Design.Simulation;

namespace Evident.Design.Tests.Simulation;

public class PiecewiseTests
{
    [Fact]
    public void InvertIsTheInverseOfTheCumulativeHazard()
    {
        var h = new PiecewiseHazard([0.0, 2, 5], [0.1, 0.0, 0.4]);
        Assert.Equal(0.2, h.Cumulative(3), 15);            // 0.1·2 + 0·1
        Assert.Equal(0.2 + 0.4 * 1.5, h.Cumulative(6.5), 15);
        foreach (double e in new[] { 0.0, 0.05, 0.2, 0.3, 2.0 })
            foreach (double m in new[] { 0.5, 1.0, 3.0 })
                Assert.Equal(e / m, h.Cumulative(h.Invert(e, m)), 12);
    }

    [Fact]
    public void ExponentialMedianIsLn2OverHazard()
    {
        var h = PiecewiseHazard.FromMedian(12);
        Assert.Equal(12, h.Invert(Math.Log(2), 1), 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.1)]
    [InlineData(0.0)]
    public void HazardRejectsBadRates(double rate) => Assert.Throws<DesignInputException>(() => new PiecewiseHazard([0.0], [rate]));

    [Fact]
    public void HazardRejectsBadStarts()
    {
        Assert.Throws<DesignInputException>(() => new PiecewiseHazard([], []));
        Assert.Throws<DesignInputException>(() => new PiecewiseHazard([1.0], [0.1]));
        Assert.Throws<DesignInputException>(() => new PiecewiseHazard([0.0, 0.0], [0.1, 0.1]));
        Assert.Throws<DesignInputException>(() => new PiecewiseHazard([0.0, double.NaN], [0.1, 0.1]));
        Assert.Throws<DesignInputException>(() => new PiecewiseHazard([0.0], [0.1, 0.2]));
    }

    [Fact]
    public void AccrualQuantileFollowsThePieces()
    {
        // Rates 1 on [0, 10), 3 on [10, 20): a quarter of the subjects by 10.
        var a = new PiecewiseAccrual([0.0, 10], [1.0, 3], 20);
        Assert.Equal(10, a.Quantile(0.25), 12);
        Assert.Equal(5, a.Quantile(0.125), 12);
        Assert.Equal(15, a.Quantile(0.625), 12);
        Assert.Equal(20, a.Quantile(1), 12);
        Assert.Throws<DesignInputException>(() => new PiecewiseAccrual([0.0], [0.0], 10));
        Assert.Throws<DesignInputException>(() => new PiecewiseAccrual([0.0], [1.0], double.NaN));
        Assert.Throws<DesignInputException>(() => new PiecewiseAccrual([0.0, 5], [1.0, 1], 5));
        Assert.Throws<DesignInputException>(() => PiecewiseAccrual.Uniform(0));
    }

    [Fact]
    public void ReplicateStreamsDependOnlyOnSeedAndIndex()
    {
        var a = new ReplicateRandom(1, 7);
        var b = new ReplicateRandom(1, 7);
        var c = new ReplicateRandom(1, 8);
        var d = new ReplicateRandom(2, 7);
        ulong x = a.NextBits();
        Assert.Equal(x, b.NextBits());
        Assert.NotEqual(x, c.NextBits());
        Assert.NotEqual(x, d.NextBits());
        double sum = 0;
        for (int i = 0; i < 100000; i++) sum += a.NextUniform();
        Assert.Equal(0.5, sum / 100000, 2);
    }
}
