using Evident.Statistics.Distributions;
using Evident.Statistics.Tests.Survival;
using MathNet.Numerics.Distributions;

namespace Evident.Statistics.Tests.Distributions;

/// <summary>
/// <see cref="MultivariateNormal.Rectangle"/> against closed forms and R's <c>mvtnorm::pmvnorm</c> (1.1-3,
/// <c>GenzBretz(maxpts = 1e8, abseps = 1e-11, releps = 0)</c>; the calls are in the comments).
/// </summary>
public sealed class MultivariateNormalTests
{
    private static double Phi(double x) => Normal.CDF(0, 1, x);

    private static IReadOnlyList<IReadOnlyList<double>> Matrix(params double[][] rows) => rows;

    [Fact]
    public void One_dimension_is_Phi()
    {
        var p = MultivariateNormal.Rectangle([-1.2], [0.7], Matrix([1]));
        Assert.Equal(Phi(0.7) - Phi(-1.2), p.Value, 15);
        Assert.Equal(0, p.ErrorEstimate);
    }

    [Fact]
    public void Independent_coordinates_multiply()
    {
        var p = MultivariateNormal.Rectangle([-1, double.NegativeInfinity], [1.5, 0.3], Matrix([1, 0], [0, 1]));
        Approx.Equal((Phi(1.5) - Phi(-1)) * Phi(0.3), p.Value, 1e-12, 1e-14, "P");
    }

    [Fact]
    public void Perfectly_correlated_coordinates_are_one_interval()
    {
        var same = MultivariateNormal.Rectangle([-1, -0.5], [2, 1.5], Matrix([1, 1], [1, 1]));
        Assert.Equal(Phi(1.5) - Phi(-0.5), same.Value, 14);
        var opposite = MultivariateNormal.Rectangle([-1, -0.5], [2, 1.5], Matrix([1, -1], [-1, 1]));
        Assert.Equal(Phi(0.5) - Phi(-1), opposite.Value, 14); // X₂ = −X₁: −1.5 ≤ X₁ ≤ 0.5
        var disjoint = MultivariateNormal.Rectangle([1, -3], [2, -2], Matrix([1, 1], [1, 1]));
        Assert.Equal(0, disjoint.Value);
    }

    [Fact]
    public void Two_dimensions_match_mvtnorm()
    {
        // pmvnorm(c(-1, -1), c(1, 2), corr = matrix(c(1, -.6, -.6, 1), 2))
        var p = MultivariateNormal.Rectangle([-1, -1], [1, 2], Matrix([1, -0.6], [-0.6, 1]));
        Approx.Equal(0.591386604644417, p.Value, 0, 1e-10, "P");
        Assert.True(p.ErrorEstimate <= 1e-9);
    }

    [Fact]
    public void Three_dimensions_match_mvtnorm()
    {
        // pmvnorm(c(-1, -2, -Inf), c(1.5, 0.5, 0.7), corr = matrix(c(1, .5, .3, .5, 1, .4, .3, .4, 1), 3))
        var p = MultivariateNormal.Rectangle([-1, -2, double.NegativeInfinity], [1.5, 0.5, 0.7], Matrix([1, 0.5, 0.3], [0.5, 1, 0.4], [0.3, 0.4, 1]));
        Approx.Equal(0.417792308506468, p.Value, 0, 1e-9, "P");
    }

    [Fact]
    public void Four_dimensions_match_mvtnorm_within_the_lattice_error()
    {
        // pmvnorm(rep(-2, 4), rep(2, 4), corr = R4) with R4 below
        var p = MultivariateNormal.Rectangle([-2, -2, -2, -2], [2, 2, 2, 2],
            Matrix([1, .6, .5, .4], [.6, 1, .5, .3], [.5, .5, 1, .2], [.4, .3, .2, 1]));
        Assert.InRange(p.ErrorEstimate, 0, 1e-5);
        Approx.Equal(0.85169520877678, p.Value, 0, Math.Max(p.ErrorEstimate, 1e-7), "P");
    }

    [Fact]
    public void A_singular_correlation_is_integrated_exactly()
    {
        // X₃ = (X₁ + X₂)/√(2(1 + r)): the rank-2 case of MaxCombo's FH(0,0) = FH(0,1) + FH(1,0). Compare with the
        // same probability written as a two-dimensional one by hand: the band |X₃| ≤ c adds constraints on (X₁, X₂) only.
        double r = 0.3, s = 1 / Math.Sqrt(2 * (1 + r)), c = 1.1;
        var singular = MultivariateNormal.Rectangle([-c, -c, -c], [c, c, c], Matrix([1, r, s * (1 + r)], [r, 1, s * (1 + r)], [s * (1 + r), s * (1 + r), 1]));
        var dropped = MultivariateNormal.Rectangle([-c, -c], [c, c], Matrix([1, r], [r, 1]));
        Assert.True(singular.Value < dropped.Value);
        // mvtnorm: pmvnorm(rep(-1.1, 3), rep(1.1, 3), corr = <the same matrix>) = 0.526731191501038
        Approx.Equal(0.526731191501038, singular.Value, 0, 1e-8, "P");
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => MultivariateNormal.Rectangle([], [], Matrix()));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateNormal.Rectangle([double.NaN], [1], Matrix([1])));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateNormal.Rectangle([2], [1], Matrix([1])));
        Assert.Throws<ArgumentException>(() => MultivariateNormal.Rectangle([0, 0], [1, 1], Matrix([1, 0.5], [0.4, 1])));
        Assert.Throws<ArgumentException>(() => MultivariateNormal.Rectangle([0, 0], [1, 1], Matrix([1, 1.5], [1.5, 1])));
        Assert.Throws<ArgumentException>(() => MultivariateNormal.Rectangle([0, 0, 0], [1, 1, 1], Matrix([1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1])));
    }
}
