using Evident.Statistics.Safety;

namespace Evident.Statistics.Tests.Safety;

/// <summary>The Wald risk difference by hand and at its edges.</summary>
public sealed class RiskDifferenceTests
{
    [Fact]
    public void Hand_computed_wald_interval()
    {
        var rd = RiskDifference.Wald(15, 50, 5, 50);
        double se = Math.Sqrt(0.3 * 0.7 / 50 + 0.1 * 0.9 / 50);
        Assert.Equal(0.2, rd.Difference, 15);
        Assert.Equal(se, rd.StdError, 15);
        Assert.Equal(0.2 - 1.959963984540054 * se, rd.Lower, 14);
        Assert.Equal(0.2 + 1.959963984540054 * se, rd.Upper, 14);
        Assert.Equal((15, 50, 5, 50, 0.95), (rd.Events1, rd.N1, rd.Events0, rd.N0, rd.ConfidenceLevel));
    }

    [Fact]
    public void Zero_and_full_proportions_give_a_zero_width_interval()
    {
        var none = RiskDifference.Wald(0, 1, 0, 7);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (none.Difference, none.StdError, none.Lower, none.Upper));
        var all = RiskDifference.Wald(3, 3, 0, 2);
        Assert.Equal((1.0, 0.0), (all.Difference, all.StdError));
    }

    [Fact]
    public void Swapping_groups_negates()
    {
        var x = RiskDifference.Wald(4, 30, 9, 31);
        var y = RiskDifference.Wald(9, 31, 4, 30);
        Assert.Equal(-x.Difference, y.Difference, 15);
        Assert.Equal(-x.Upper, y.Lower, 15);
    }

    [Theory]
    [InlineData(0, 0, 0, 1, 0.95)]
    [InlineData(2, 1, 0, 1, 0.95)]
    [InlineData(-1, 1, 0, 1, 0.95)]
    [InlineData(0, 1, 0, 1, double.NaN)]
    [InlineData(0, 1, 0, 1, double.NegativeInfinity)]
    public void Bad_input_is_rejected(int e1, int n1, int e0, int n0, double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskDifference.Wald(e1, n1, e0, n0, level));
}
