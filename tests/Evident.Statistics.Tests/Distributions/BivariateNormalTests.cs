using Evident.Statistics.Distributions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;

namespace Evident.Statistics.Tests.Distributions;

/// <summary>
/// <see cref="BivariateNormal.UpperOrthant"/> against closed forms (the orthant at the origin, ρ = 0, ±1) in each of
/// Genz's three regimes of |ρ|, and against the nested Gauss–Kronrod integral of <see cref="MultivariateNormal.Rectangle"/>.
/// </summary>
public sealed class BivariateNormalTests
{
    private static double Upper(double x) => Normal.CDF(0, 1, -x);

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.25)]
    [InlineData(0.5)]
    [InlineData(-0.7)]
    [InlineData(0.9)]
    [InlineData(0.95)]
    [InlineData(-0.95)]
    [InlineData(0.9999)]
    [InlineData(-0.999999)]
    public void The_orthant_at_the_origin_is_a_quarter_plus_asin_rho_over_two_pi(double rho)
    {
        Assert.Equal(0.25 + Math.Asin(rho) / (2 * Math.PI), BivariateNormal.UpperOrthant(0, 0, rho), 15);
    }

    [Theory]
    [InlineData(-1.3, 0.4)]
    [InlineData(2.5, 2.5)]
    [InlineData(0.7, -3)]
    public void Independent_and_perfectly_correlated_pairs_are_closed_forms(double h, double k)
    {
        Assert.Equal(Upper(h) * Upper(k), BivariateNormal.UpperOrthant(h, k, 0), 15);
        Assert.Equal(Upper(Math.Max(h, k)), BivariateNormal.UpperOrthant(h, k, 1), 15);
        Assert.Equal(Math.Max(0, Upper(h) - Normal.CDF(0, 1, k)), BivariateNormal.UpperOrthant(h, k, -1), 15); // h < X < −k
    }

    [Fact]
    public void Infinite_limits_leave_the_other_margin()
    {
        Assert.Equal(Upper(1.2), BivariateNormal.UpperOrthant(1.2, double.NegativeInfinity, 0.6), 15);
        Assert.Equal(Upper(-0.4), BivariateNormal.UpperOrthant(double.NegativeInfinity, -0.4, 0.6), 15);
        Assert.Equal(0, BivariateNormal.UpperOrthant(double.PositiveInfinity, -0.4, 0.6));
        Assert.Equal(1, BivariateNormal.UpperOrthant(double.NegativeInfinity, double.NegativeInfinity, -0.3));
    }

    [Theory]
    [InlineData(double.NaN, 0, 0.5)]
    [InlineData(0, 0, double.NaN)]
    [InlineData(0, 0, 1.0000001)]
    [InlineData(0, 0, double.NegativeInfinity)]
    public void Rejects_NaN_and_correlations_outside_minus_one_to_one(double h, double k, double rho)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BivariateNormal.UpperOrthant(h, k, rho));
    }

    [Theory]
    [InlineData(-5.730276, 5.824488, 0.920890188, 2.8643976980418826e-09)] // pmvnorm(c(h, k), c(Inf, Inf), corr = …)
    [InlineData(4.4344205, 4.4344205, 0.930362883, 1.7465551817311689e-06)]
    [InlineData(3.1, -2.2, -0.97, 8.0770468546438495e-08)]
    public void Deep_tails_match_mvtnorm(double h, double k, double rho, double expected)
    {
        Assert.Equal(expected, BivariateNormal.UpperOrthant(h, k, rho), 1e-17 + 1e-12 * expected);
    }

    /// <summary>
    /// Limits in [−4, 4] and ρ in (−1, 1): the same probability as the adaptive integral to 1e-12. (Deeper in the tails
    /// the integral's 15-point first rule can miss the region where the mass is, and returns 0; see the case above.)
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Agrees_with_the_nested_integral()
    {
        var unit = Gen.Choose(0, 1_000_000).Select(i => i / 1e6);
        var cases = unit.Two().SelectMany(hk => unit.Select(r => (H: 8 * hk.Item1 - 4, K: 8 * hk.Item2 - 4, Rho: 1.998 * r - 0.999)));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            double[][] r = [[1, c.Rho], [c.Rho, 1]];
            double exact = MultivariateNormal.Rectangle([c.H, c.K], [double.PositiveInfinity, double.PositiveInfinity], r, absoluteError: 1e-14).Value;
            return Math.Abs(BivariateNormal.UpperOrthant(c.H, c.K, c.Rho) - exact) <= 1e-12;
        });
    }
}
