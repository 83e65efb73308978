using Evident.Statistics.Distributions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;

namespace Evident.Statistics.Tests.Distributions;

/// <summary>
/// <see cref="ExceedanceBounds"/> bracket the exact exceedance probability (1 − <see cref="MultivariateNormal.Rectangle"/>
/// of rank ≤ 3, nested Gauss–Kronrod to 1e-11) on random correlation matrices like MaxCombo's: correlations from about
/// 0.5 to 0.9999, singular ones (rank 1 to 3 for up to 5 coordinates) and the four FH weights' rank-3 structure.
/// Thresholds stay at most 3.5 there: further in the tail of nearly singular matrices the integral (like
/// <c>mvtnorm::pmvnorm</c>'s GenzBretz) can miss the region that holds the mass, and the bounds are then the better
/// figure; the tail cases are checked against R's exact bivariate and trivariate (TVPACK) values instead.
/// </summary>
public sealed class ExceedanceBoundsTests
{
    /// <summary>Slack for the reference integral's own error (up to about 1e-9 at ρ ≈ 0.9999).</summary>
    private const double Slack = 1e-8;

    [Property(MaxTest = 60)]
    public Property Bracket_the_exact_probability_on_random_correlations()
    {
        var unit = Gen.Choose(0, 1_000_000).Select(i => i / 1e6);
        var cases =
            from k in Gen.Choose(2, 5)
            from rank in Gen.Choose(1, Math.Min(k, 3))
            from spread in unit
            from directions in unit.ArrayOf(k * rank)
            from shifts in unit.ArrayOf(k)
            from m in unit
            select Case(k, rank, 0.02 + 0.6 * spread, directions, shifts, 3 * m);
        return Prop.ForAll(cases.ToArbitrary(), c => Brackets(c.Limits, c.Correlation));
    }

    [Property(MaxTest = 40)]
    public Property Bracket_the_exact_probability_for_the_four_usual_FH_weights()
    {
        // Z(0,0)'s score is the sum of Z(0,1)'s and Z(1,0)'s (1 = Ŝ + (1 − Ŝ)): four statistics of rank 3.
        var unit = Gen.Choose(0, 1_000_000).Select(i => i / 1e6);
        var cases = unit.ArrayOf(7).Select(u =>
        {
            double[] a = [1, 0.3 * u[0], 0.3 * u[1]], b = [1, -0.3 * u[2], 0.3 * u[3]], c = [1, 0.3 * u[4] - 0.15, -0.3 * u[5]];
            double[][] v = [[.. a.Select((x, i) => x + b[i])], a, b, c];
            return (Limits: Enumerable.Repeat(1 + 2.5 * u[6], 4).ToArray(), Correlation: Gram(v));
        });
        return Prop.ForAll(cases.ToArbitrary(), c => Brackets(c.Limits, c.Correlation));
    }

    [Fact]
    public void In_the_far_tail_the_bounds_hold_where_the_integral_fails()
    {
        // Four FH-like statistics at M = 4.4344205. R: the pair (2, 4) alone has P(A₂ ∪ A₄) = 2Φ(−M) − bvn = 7.4854727e-6
        // (pmvnorm(c(M, M), c(Inf, Inf), corr = …)), and the three statistics 2–4 have P(union) = 7.8161669345711e-6
        // (1 − pmvnorm(upper = rep(M, 3), corr = R[2:4, 2:4], algorithm = TVPACK(abseps = 1e-14))), so p ≥ 7.8e-6; yet
        // pmvnorm's GenzBretz gives 4.6164e-6 for all four and 4.6998e-6 for the three, hardly more than Φ(−M) = 4.6160e-6.
        double[][] r = [[1.0, 0.9966300599, 0.9964607872, 0.9561012065], [0.9966300599, 1.0, 0.9862076255, 0.930362883],
                        [0.9964607872, 0.9862076255, 1.0, 0.9757912733], [0.9561012065, 0.930362883, 0.9757912733, 1.0]];
        double m = 4.4344205;
        var (lower, upper) = ExceedanceBounds.Compute([m, m, m, m], r);
        Assert.Equal(7.48547268102675e-06, lower, 1e-17);
        Assert.InRange(7.8161669345711e-06, lower, upper);
        var (lower3, upper3) = ExceedanceBounds.Compute([m, m, m], [[1.0, 0.9862076255, 0.930362883], [0.9862076255, 1.0, 0.9757912733], [0.930362883, 0.9757912733, 1.0]]);
        Assert.InRange(7.8161669345711e-06, lower3, upper3);
        Assert.True(upper3 - lower3 < 0.05 * lower3, $"[{lower3}, {upper3}]");
    }

    [Fact]
    public void Two_events_are_bounded_exactly()
    {
        double[][] r = [[1, 0.8], [0.8, 1]];
        var (lower, upper) = ExceedanceBounds.Compute([1.5, 2], r);
        double exact = Upper(1.5) + Upper(2) - BivariateNormal.UpperOrthant(1.5, 2, 0.8);
        Assert.Equal(exact, lower, 15);
        Assert.Equal(exact, upper, 15);
    }

    [Fact]
    public void Identical_coordinates_are_one_event()
    {
        double[][] r = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];
        var (lower, upper) = ExceedanceBounds.Compute([2.1, 2.1, 2.1], r);
        Assert.Equal(Upper(2.1), lower, 15);
        Assert.Equal(Upper(2.1), upper, 15);
    }

    [Fact]
    public void Independent_events_are_bracketed_and_the_upper_bound_is_Bonferroni()
    {
        double[][] r = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
        var (lower, upper) = ExceedanceBounds.Compute([1, 1, 1], r);
        double exact = 1 - Math.Pow(1 - Upper(1), 3);
        Assert.InRange(exact, lower, upper);
        Assert.Equal(3 * Upper(1) - 2 * Upper(1) * Upper(1), upper, 15); // the tree's two edges are independent pairs
    }

    [Fact]
    public void Rejects_mismatched_lengths_and_NaN()
    {
        double[][] r = [[1, 0.5], [0.5, 1]];
        Assert.Throws<ArgumentException>(() => ExceedanceBounds.Compute([1.0], r));
        Assert.Throws<ArgumentException>(() => ExceedanceBounds.Compute([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExceedanceBounds.Compute([1, double.NaN], r));
    }

    /// <summary>
    /// lower ≤ exact ≤ upper, where exact is the nested integral. Near ρ = 1 the integral can fall below the probability
    /// of a single pair's union (computed here in closed form), which the union of all can never do; such a reference is
    /// itself wrong (<c>pmvnorm</c> errs the same way there), so only the upper bound is checked against it, and the lower
    /// bound against that pair's union.
    /// </summary>
    private static bool Brackets(double[] limits, double[][] correlation)
    {
        var (lower, upper) = ExceedanceBounds.Compute(limits, correlation);
        double exact = 1 - MultivariateNormal.Rectangle(limits.Select(_ => double.NegativeInfinity).ToArray(), limits, correlation, absoluteError: 1e-11).Value;
        double pair = 0;
        for (int a = 0; a < limits.Length; a++)
            for (int b = 0; b < a; b++)
                pair = Math.Max(pair, Upper(limits[a]) + Upper(limits[b]) - BivariateNormal.UpperOrthant(limits[a], limits[b], correlation[a][b]));
        bool referenceTrusted = exact >= pair - Slack;
        return 0 <= lower && lower <= upper && upper <= 1 && lower >= pair - 1e-15 && exact <= upper + Slack
               && (!referenceTrusted || lower - Slack <= exact);
    }

    /// <summary>k unit vectors near a common axis: (1, spread·d) normalised, d uniform on [−1, 1]^(rank − 1); limits m + shift/2.</summary>
    private static (double[] Limits, double[][] Correlation) Case(int k, int rank, double spread, double[] directions, double[] shifts, double m)
    {
        var v = new double[k][];
        for (int i = 0; i < k; i++)
        {
            v[i] = new double[rank];
            v[i][0] = 1;
            for (int j = 1; j < rank; j++) v[i][j] = spread * (2 * directions[i * rank + j] - 1);
        }
        return ([.. shifts.Select(s => m + 0.5 * s)], Gram(v));
    }

    /// <summary>The correlation matrix of the vectors (their normalised Gram matrix), with an exact unit diagonal.</summary>
    private static double[][] Gram(double[][] v)
    {
        var norm = v.Select(x => Math.Sqrt(x.Sum(e => e * e))).ToArray();
        return [.. v.Select((x, i) => v.Select((y, j) => i == j ? 1 : Math.Clamp(x.Zip(y, (a, b) => a * b).Sum() / (norm[i] * norm[j]), -1, 1)).ToArray())];
    }

    private static double Upper(double x) => Normal.CDF(0, 1, -x);
}
