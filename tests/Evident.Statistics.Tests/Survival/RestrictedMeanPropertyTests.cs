using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>Hand-computed cases and edge cases of <see cref="RestrictedMean"/>.</summary>
public sealed class RestrictedMeanPropertyTests
{
    private static readonly KaplanMeierCurve Book = KaplanMeier.Fit([1, 1, 6, 6, 8, 9], [true, false, true, true, false, true]);

    [Fact]
    public void Book_example_by_hand()
    {
        // Ŝ = 1 on [0,1), 5/6 on [1,6), 5/12 on [6,9), 0 after: area to 10 = 1 + 25/6 + 15/12 = 77/12.
        // A(1) = 65/12 with d/(n(n−d)) = 1/30; A(6) = 5/4 with 2/(4·2) = 1/4; t = 9 has n = d and is omitted.
        var r = RestrictedMean.Compute(Book, 10);
        Assert.Equal(77.0 / 12, r.Rmst, 13);
        Assert.Equal(Math.Sqrt(65.0 / 12 * 65.0 / 12 / 30 + 25.0 / 16 / 4), r.StdError, 13);
        Assert.Equal(10, r.Tau);
        Assert.Equal(0.95, r.ConfidenceLevel);
    }

    [Fact]
    public void Tau_inside_the_curve_truncates_it()
    {
        // τ = 7: 1 + 25/6 + 1·5/12; A(1) = 25/6 + 5/12 = 55/12, A(6) = 5/12.
        var r = RestrictedMean.Compute(Book, 7);
        Assert.Equal(1 + 25.0 / 6 + 5.0 / 12, r.Rmst, 13);
        Assert.Equal(Math.Sqrt(55.0 / 12 * 55.0 / 12 / 30 + 25.0 / 144 / 4), r.StdError, 13);
        var exactlyAtEvent = RestrictedMean.Compute(Book, 6);
        Assert.Equal(1 + 25.0 / 6, exactlyAtEvent.Rmst, 13);
        Assert.Equal(Math.Sqrt(25.0 / 6 * 25.0 / 6 / 30), exactlyAtEvent.StdError, 13);
        var beforeFirst = RestrictedMean.Compute(Book, 0.5);
        Assert.Equal((0.5, 0.0), (beforeFirst.Rmst, beforeFirst.StdError));
    }

    [Fact]
    public void Rescaling_time_rescales_the_mean_and_its_error()
    {
        var sample = SurvivalSample.Load("lung.csv", "time", "status", 2, null, [""]);
        var days = RestrictedMean.Compute(KaplanMeier.Fit(sample.Time, sample.IsEvent), 730);
        var years = RestrictedMean.Compute(KaplanMeier.Fit(sample.Time.Select(t => t / 365.25).ToArray(), sample.IsEvent), 730 / 365.25);
        Approx.Equal(days.Rmst / 365.25, years.Rmst, 1e-12, 0, "rmst");
        Approx.Equal(days.StdError / 365.25, years.StdError, 1e-12, 0, "se");
    }

    [Fact]
    public void All_censored_all_tied_and_one_row()
    {
        var censored = RestrictedMean.Compute(KaplanMeier.Fit([1, 2, 3], [false, false, false]), 5);
        Assert.Equal((5.0, 0.0), (censored.Rmst, censored.StdError)); // flat at 1, carried past the last time
        var tied = RestrictedMean.Compute(KaplanMeier.Fit([2, 2, 2], [true, true, true]), 5);
        Assert.Equal((2.0, 0.0), (tied.Rmst, tied.StdError));
        var one = RestrictedMean.Compute(KaplanMeier.Fit([3], [true]), 10);
        Assert.Equal((3.0, 0.0), (one.Rmst, one.StdError));
        var difference = RestrictedMean.Difference(censored, tied);
        Assert.Equal(3, difference.Difference);
        Assert.True(double.IsNaN(difference.Z) && double.IsNaN(difference.PValue));
        Assert.Equal((3.0, 3.0), (difference.Lower, difference.Upper));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Bad_tau_is_rejected(double tau)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RestrictedMean.Compute(Book, tau));
    }

    [Fact]
    public void Differences_need_the_same_tau_and_a_valid_level()
    {
        var a = RestrictedMean.Compute(Book, 7);
        var b = RestrictedMean.Compute(Book, 8);
        Assert.Throws<ArgumentException>(() => RestrictedMean.Difference(a, b));
        Assert.Throws<ArgumentOutOfRangeException>(() => RestrictedMean.Difference(a, a, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => RestrictedMean.Difference(a, a, 1));
        var self = RestrictedMean.Difference(a, a, 0.9);
        Assert.Equal(0, self.Difference);
        Assert.Equal(Math.Sqrt(2) * a.StdError, self.StdError, 14);
        Assert.Equal((0.0, 1.0), (self.Z, self.PValue));
        Assert.Equal(-1.6448536269514722 * self.StdError, self.Lower, 12);
    }
}
