using Evident.Statistics.CompetingRisks;
using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.CompetingRisks;

/// <summary>Identities of cumulative incidence and Fine–Gray regression that must hold on any data.</summary>
public sealed class CompetingRisksPropertyTests
{
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.5)]
    [InlineData(3, 1.0)]
    public void With_one_cause_the_incidence_is_one_minus_Kaplan_Meier(int seed, double rounding)
    {
        var (time, cause, _) = CompetingRisksData.Simulate(300, 1, seed, competing: 0, rounding: rounding);
        var isEvent = cause.Select(c => c != 0).ToArray();
        var km = KaplanMeier.Fit(time, isEvent);
        var fit = AalenJohansen.Fit(time, cause, default, 1, default, 1);
        var curve = fit.Curve(0, 1);
        foreach (var step in km.Steps)
        {
            var point = curve.At(step.Time);
            Assert.Equal(1 - step.Survival, point.Estimate, 12);
        }
        Assert.Equal(km.Steps.Count(s => s.Events > 0), curve.Steps.Count);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Incidences_of_all_causes_plus_event_free_survival_sum_to_one_at_every_time(int seed)
    {
        var (time, cause, x) = CompetingRisksData.Simulate(500, 1, seed);
        var group = Enumerable.Range(0, time.Length).Select(i => (int)x[i]).ToArray();
        var fit = AalenJohansen.Fit(time, cause, group, 2, default, 1);
        Assert.Equal(new[] { 1, 2, 3 }, fit.Causes);
        for (int g = 0; g < 2; g++)
        {
            foreach (var step in fit.EventFree[g].Steps)
            {
                double sum = step.Survival + fit.Causes.Sum(c => fit.Curve(g, c).At(step.Time).Estimate);
                Assert.Equal(1.0, sum, 12);
            }
        }
    }

    [Fact]
    public void Cumulative_incidence_and_Gray_test_do_not_depend_on_row_order()
    {
        var (time, cause, x) = CompetingRisksData.Simulate(400, 1, 6);
        var group = Enumerable.Range(0, time.Length).Select(i => (int)x[i]).ToArray();
        var stratum = Enumerable.Range(0, time.Length).Select(i => i % 3).ToArray();
        var a = AalenJohansen.Fit(time, cause, group, 2, stratum, 3);
        var order = CompetingRisksData.Permutation(time.Length, 7);
        var b = AalenJohansen.Fit(order.Select(i => time[i]).ToArray(), order.Select(i => cause[i]).ToArray(),
                                  order.Select(i => group[i]).ToArray(), 2, order.Select(i => stratum[i]).ToArray(), 3);
        for (int c = 0; c < a.Curves.Count; c++)
            Assert.Equal(a.Curves[c].Steps, b.Curves[c].Steps);
        for (int k = 0; k < a.Tests.Count; k++)
            Assert.Equal(a.Tests[k].Test.Statistic, b.Tests[k].Test.Statistic, 10);
    }

    [Fact]
    public void Fine_Gray_does_not_depend_on_row_order()
    {
        var (time, cause, x) = CompetingRisksData.Simulate(500, 3, 8);
        var a = FineGray.Fit(time, cause, 1, x, 3);
        var order = CompetingRisksData.Permutation(time.Length, 9);
        var xs = order.SelectMany(i => x.Skip(i * 3).Take(3)).ToArray();
        var b = FineGray.Fit(order.Select(i => time[i]).ToArray(), order.Select(i => cause[i]).ToArray(), 1, xs, 3);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(a.Terms[j].Estimate, b.Terms[j].Estimate, 10);
            Assert.Equal(a.Terms[j].StdError, b.Terms[j].StdError, 10);
        }
    }

    [Theory]
    [InlineData(10, 1.0)]
    [InlineData(11, 2.0)]
    public void Fine_Gray_without_competing_events_is_Cox_with_Breslow_ties_and_robust_variance(int seed, double rounding)
    {
        var (time, cause, x) = CompetingRisksData.Simulate(400, 2, seed, competing: 0, rounding: rounding);
        Assert.DoesNotContain(2, cause);
        Assert.DoesNotContain(3, cause);
        var fg = FineGray.Fit(time, cause, 1, x, 2, new FineGrayOptions { Tolerance = 1e-13, MaxIterations = 50 });
        var isEvent = cause.Select(c => c == 1).ToArray();
        var cluster = Enumerable.Range(0, time.Length).ToArray();
        var cox = CoxRegression.Fit(time, isEvent, x, 2, default, cluster, new CoxOptions { Ties = TieMethod.Breslow, Tolerance = 1e-13, MaxIterations = 50 });
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(cox.Coefficients[j], fg.Coefficients[j], 8);
            Assert.Equal(cox.RobustVariance![j, j], fg.Variance[j, j], 10);
            Assert.Equal(cox.Variance[j, j], Inverse2(fg.Information)[j, j], 10);
        }
        Assert.Equal(cox.LogLikelihood, fg.LogLikelihood, 8);
        Assert.Equal(cox.LogLikelihoodNull, fg.LogLikelihoodNull, 8);
    }

    [Theory]
    [InlineData(20, 60, 1.0)]
    [InlineData(21, 80, 2.0)]
    [InlineData(22, 50, 0.5)]
    public void Linear_sandwich_variance_equals_the_quadratic_definition(int seed, int n, double rounding)
    {
        var (time, cause, x) = CompetingRisksData.Simulate(n, 2, seed, competing: 1.5, rounding: rounding);
        Assert.Contains(2, cause);
        var fit = FineGray.Fit(time, cause, 1, x, 2);
        var (information, variance) = NaiveFineGray.Compute(time, cause, 1, x, 2, fit.Coefficients);
        for (int a = 0; a < 2; a++)
        {
            for (int b = 0; b < 2; b++)
            {
                Assert.Equal(1.0, fit.Information[a, b] / information[a, b], 10);
                Assert.Equal(1.0, fit.Variance[a, b] / variance[a, b], 10);
            }
        }
    }

    [Fact]
    public void Duplicating_every_row_halves_the_variance()
    {
        var (time, cause, x) = CompetingRisksData.Simulate(300, 2, 30);
        var one = FineGray.Fit(time, cause, 1, x, 2);
        var two = FineGray.Fit([.. time, .. time], [.. cause, .. cause], 1, [.. x, .. x], 2,
                               new FineGrayOptions { Tolerance = 1e-12, MaxIterations = 30 });
        var tight = FineGray.Fit(time, cause, 1, x, 2, new FineGrayOptions { Tolerance = 1e-12, MaxIterations = 30 });
        Assert.Equal(tight.Coefficients[0], two.Coefficients[0], 9);
        Assert.Equal(one.Coefficients[1], tight.Coefficients[1], 4);
        Assert.Equal(tight.Variance[0, 0] / 2, two.Variance[0, 0], 7);
    }

    private static double[,] Inverse2(SymmetricMatrix m)
    {
        double det = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0];
        return new[,] { { m[1, 1] / det, -m[0, 1] / det }, { -m[1, 0] / det, m[0, 0] / det } };
    }
}
