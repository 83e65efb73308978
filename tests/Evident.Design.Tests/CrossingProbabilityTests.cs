using MathNet.Numerics.Distributions;

namespace Evident.Design.Tests;

/// <summary>The integration kernel against closed forms.</summary>
public class CrossingProbabilityTests
{
    private static readonly double Inf = double.PositiveInfinity;

    [Fact]
    public void OneLookIsTheNormalTail()
    {
        var p = GroupSequential.BoundaryCrossing([1.0], [1.96], [-1.0], 0.5);
        Assert.Equal(1 - Normal.CDF(0.5, 1, 1.96), p.Upper[0], 14);
        Assert.Equal(Normal.CDF(0.5, 1, -1.0), p.Lower[0], 14);
    }

    [Fact]
    public void NoInterimStoppingGivesTheMarginalAtTheLastLook()
    {
        // With b1 = +∞, a1 = −∞, Z2 ~ N(δ√t2, 1) whatever the correlation.
        var p = GroupSequential.CrossingProbabilities([0.3, 0.7, 1.0], [Inf, Inf, 2.0], [-Inf, -Inf, -Inf], 1.5);
        Assert.Equal(0, p[0]);
        Assert.Equal(0, p[1]);
        Assert.Equal(1 - Normal.CDF(1.5, 1, 2.0), p[2], 8);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.25)]
    [InlineData(0.9)]
    public void OrthantProbabilityMatchesSheppard(double t1)
    {
        // P(Z1 < 0, Z2 ≥ 0) = 1/4 − asin(ρ)/(2π), ρ = √(t1/t2) (Sheppard 1899).
        double rho = Math.Sqrt(t1);
        var p = GroupSequential.CrossingProbabilities([t1, 1.0], [0.0, 0.0], [-Inf, -Inf], 0);
        Assert.Equal(0.5, p[0], 14);
        Assert.Equal(0.25 - Math.Asin(rho) / (2 * Math.PI), p[1], 8);
    }

    [Fact]
    public void TotalProbabilityIsOne()
    {
        // Lower bound = upper bound at the last look: every path stops somewhere.
        var p = GroupSequential.BoundaryCrossing([0.2, 0.5, 1.0], [3.0, 2.5, 1.0], [-1.0, 0.0, 1.0], 0.8);
        Assert.Equal(1.0, p.TotalUpper + p.TotalLower, 8);
    }

    [Fact]
    public void InformationScaleDoesNotMatterForDriftPerRootInformation()
    {
        // E[Z_k] = δ√t_k: scaling t by 4 and δ by 1/2 gives the same distribution.
        var a = GroupSequential.BoundaryCrossing([0.25, 0.5, 1.0], [3.0, 2.5, 2.0], [-1.0, 0.0, 2.0], 2.0);
        var b = GroupSequential.BoundaryCrossing([1.0, 2.0, 4.0], [3.0, 2.5, 2.0], [-1.0, 0.0, 2.0], 1.0);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(a.Upper[k], b.Upper[k], 12);
            Assert.Equal(a.Lower[k], b.Lower[k], 12);
        }
    }

    [Fact]
    public void EmptyContinuationRegionStopsEverything()
    {
        var p = GroupSequential.BoundaryCrossing([0.5, 1.0], [1.0, 2.0], [1.0, -Inf], 0);
        Assert.Equal(1.0, p.Upper[0] + p.Lower[0], 14);
        Assert.Equal(0.0, p.Upper[1]);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([], [], [], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 1.0], [2.0], [-Inf, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 1.0], [2.0, 2.0], [-Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 0.5], [2.0, 2.0], [-Inf, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.0, 1.0], [2.0, 2.0], [-Inf, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([double.NaN, 1.0], [2.0, 2.0], [-Inf, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, Inf], [2.0, 2.0], [-Inf, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 1.0], [double.NaN, 2.0], [-Inf, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 1.0], [2.0, 2.0], [double.NaN, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 1.0], [2.0, 2.0], [3.0, -Inf], 0));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 1.0], [2.0, 2.0], [-Inf, -Inf], double.NaN));
        Assert.Throws<ArgumentException>(() => GroupSequential.CrossingProbabilities([0.5, 1.0], [2.0, 2.0], [-Inf, -Inf], Inf));
    }

    [Fact]
    public void InfiniteBoundsMeanNoStopping()
    {
        var p = GroupSequential.BoundaryCrossing([1.0], [Inf], [-Inf], 0);
        Assert.Equal(0, p.Upper[0]);
        Assert.Equal(0, p.Lower[0]);
        var all = GroupSequential.BoundaryCrossing([1.0], [-Inf], [-Inf], 0);
        Assert.Equal(1, all.Upper[0]);
    }
}
