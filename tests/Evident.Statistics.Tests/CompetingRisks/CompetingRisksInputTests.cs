using Evident.Statistics.CompetingRisks;

namespace Evident.Statistics.Tests.CompetingRisks;

/// <summary>Edge cases and bad input of the competing-risks entry points: NaN, ±∞, empty, one row, all censored, all tied.</summary>
public sealed class CompetingRisksInputTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1.0)]
    public void Bad_times_are_rejected(double bad)
    {
        double[] time = [1, bad, 3];
        int[] cause = [1, 2, 0];
        Assert.Throws<ArgumentOutOfRangeException>(() => AalenJohansen.Fit(time, cause, default, 1, default, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FineGray.Fit(time, cause, 1, [0.0, 1, 2], 1));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Bad_covariates_and_rho_are_rejected(double bad)
    {
        double[] time = [1, 2, 3];
        int[] cause = [1, 2, 0];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FineGray.Fit(time, cause, 1, [0.0, bad, 2], 1));
        Assert.Contains("covariates[1, 0]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => AalenJohansen.Fit(time, cause, default, 1, default, 1, bad));
    }

    [Fact]
    public void Empty_input_and_negative_causes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => AalenJohansen.Fit([], [], default, 1, default, 1));
        Assert.Throws<ArgumentException>(() => FineGray.Fit([], [], 1, [], 1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AalenJohansen.Fit([1.0, 2], [1, -2], default, 1, default, 1));
        Assert.Contains("cause[1] = -2", e.Message);
    }

    [Fact]
    public void All_censored_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => AalenJohansen.Fit([1.0, 2, 3], [0, 0, 0], default, 1, default, 1));
        Assert.Contains("every row is censored", e.Message);
        var f = Assert.Throws<ArgumentException>(() => FineGray.Fit([1.0, 2, 3], [0, 0, 0], 1, [1.0, 2, 3], 1));
        Assert.Contains("none (every row is censored)", f.Message);
    }

    [Fact]
    public void A_cause_without_failures_names_the_causes_present()
    {
        var e = Assert.Throws<ArgumentException>(() => FineGray.Fit([1.0, 2, 3, 4], [1, 3, 0, 1], 2, [1.0, 2, 3, 4], 1));
        Assert.Equal("cause 2 has no failures in these data; the causes with failures are 1 and 3. (Parameter 'failCause')", e.Message);
        Assert.Throws<ArgumentException>(() => FineGray.Fit([1.0, 2], [1, 0], 0, [1.0, 2], 1));
        var fit = AalenJohansen.Fit([1.0, 2, 3, 4], [1, 3, 0, 1], default, 1, default, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Curve(0, 2));
    }

    [Fact]
    public void One_row_gives_a_one_step_incidence_and_a_singular_Fine_Gray_information()
    {
        var fit = AalenJohansen.Fit([5.0], [2], default, 1, default, 1);
        var curve = fit.Curve(0, 2);
        // R: cmprsk::cuminc(5, 2)[[1]]$var = c(0, 0, 1, 1): cinc's delta-method term with Ŝ(t) = 0 is 1.
        Assert.Equal(new CumulativeIncidencePoint(5, 1, 1), curve.Steps.Single());
        Assert.Equal(0.0, curve.At(4.9).Estimate);
        Assert.True(double.IsNaN(curve.At(5.1).Estimate)); // after the last follow-up: NA, as timepoints()
        Assert.True(double.IsNaN(curve.At(-1).Estimate));
        Assert.Throws<InvalidOperationException>(() => FineGray.Fit([5.0], [1], 1, [1.0], 1));
    }

    [Fact]
    public void All_tied_times_give_one_jump_per_cause_and_a_zero_Gray_score()
    {
        double[] time = [2, 2, 2, 2, 2, 2];
        int[] cause = [1, 2, 0, 1, 1, 2];
        int[] group = [0, 0, 0, 1, 1, 1];
        var fit = AalenJohansen.Fit(time, cause, group, 2, default, 1);
        Assert.Equal(1.0 / 3, fit.Curve(0, 1).Steps.Single().Estimate, 15);
        Assert.Equal(2.0 / 3, fit.Curve(1, 1).Steps.Single().Estimate, 15);
        Assert.Equal(2, fit.Tests.Count);
        Assert.Equal(1, fit.Tests[0].Test.DegreesOfFreedom);
        // Tied everything in one risk set: a Fine–Gray model still fits a finite coefficient.
        var fg = FineGray.Fit(time, cause, 1, [0.0, 0, 0, 1, 1, 1], 1);
        Assert.True(double.IsFinite(fg.Terms[0].Estimate));
        Assert.Equal(3, fg.Events);
        Assert.Equal(2, fg.CompetingEvents);
        Assert.Equal(1, fg.Censored);
    }

    [Fact]
    public void Gray_test_is_absent_with_one_non_empty_group()
    {
        var fit = AalenJohansen.Fit([1.0, 2, 3], [1, 2, 1], [1, 1, 1], 3, default, 1);
        Assert.Empty(fit.Tests);
        Assert.Equal(3, fit.GroupCount);
        Assert.Equal(0, fit.Curve(0, 1).N);
    }
}
