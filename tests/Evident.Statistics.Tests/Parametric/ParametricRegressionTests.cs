using Evident.Statistics.Cox;
using Evident.Statistics.Parametric;
using Evident.Statistics.Tests.Cox;

namespace Evident.Statistics.Tests.Parametric;

/// <summary>
/// survreg's kernel: a closed form (the exponential MLE), invariances, and bad input. The R reference cases
/// (tests/fixtures/survreg) run through the command line.
/// </summary>
public class ParametricRegressionTests
{
    [Fact]
    public void ExponentialWithoutCovariatesIsEventsOverExposure()
    {
        // λ̂ = d / Σt; survreg's intercept is log(1/λ̂) with SE 1/√d; ℓ = d log λ̂ − d.
        double[] time = [2, 3, 3, 5, 8, 13];
        bool[] ev = [true, false, true, true, false, true];
        // Iterated past R's 1e-9 (which stops within ~1e-9 of the optimum) to check the optimum itself.
        var fit = ParametricRegression.Fit(time, ev, [], 0, [], SurvivalDistribution.Exponential, new ParametricOptions { Tolerance = 1e-14 });
        double d = 4, exposure = time.Sum(), rate = d / exposure;
        Assert.Equal(Math.Log(exposure / d), fit.Coefficients[0].Estimate, 10);
        Assert.Equal(1 / Math.Sqrt(d), fit.Coefficients[0].StdError, 10);
        Assert.Equal(d * Math.Log(rate) - d, fit.LogLikelihood, 10);
        Assert.Equal(fit.LogLikelihood, fit.LogLikelihoodNull);
        Assert.Equal([1.0], fit.Scales);
        Assert.Empty(fit.LogScales);
        Assert.Equal(ConvergenceStatus.Converged, fit.Status);
    }

    [Theory]
    [InlineData(SurvivalDistribution.Weibull)]
    [InlineData(SurvivalDistribution.LogNormal)]
    [InlineData(SurvivalDistribution.LogLogistic)]
    public void RescalingTimeShiftsOnlyTheIntercept(SurvivalDistribution distribution)
    {
        var d = CoxCaseData.Lung();
        var fit = ParametricRegression.Fit(d.Time, d.IsEvent, d.X, d.P, [], distribution);
        var days = d.Time.Select(t => t / 365.25).ToArray();
        var scaled = ParametricRegression.Fit(days, d.IsEvent, d.X, d.P, [], distribution);
        int events = d.IsEvent.Count(e => e);
        Assert.Equal(fit.Coefficients[0].Estimate - Math.Log(365.25), scaled.Coefficients[0].Estimate, 7);
        for (int j = 1; j < fit.Coefficients.Count; j++)
        {
            Assert.Equal(fit.Coefficients[j].Estimate, scaled.Coefficients[j].Estimate, 7);
            Assert.Equal(fit.Coefficients[j].StdError, scaled.Coefficients[j].StdError, 7);
        }
        Assert.Equal(fit.Scales[0], scaled.Scales[0], 7);
        // The density of T/c is c·f: ℓ rises by d·log c.
        Assert.Equal(fit.LogLikelihood + events * Math.Log(365.25), scaled.LogLikelihood, 6);
    }

    [Fact]
    public void RowOrderDoesNotMatter()
    {
        var d = CoxCaseData.Lung();
        var fit = ParametricRegression.Fit(d.Time, d.IsEvent, d.X, d.P, [], SurvivalDistribution.Weibull);
        var order = Enumerable.Range(0, d.N).Reverse().ToArray();
        var x = order.SelectMany(i => d.X.Skip(i * d.P).Take(d.P)).ToArray();
        var reversed = ParametricRegression.Fit(order.Select(i => d.Time[i]).ToArray(), order.Select(i => d.IsEvent[i]).ToArray(), x, d.P, [],
                                                SurvivalDistribution.Weibull);
        Assert.Equal(fit.LogLikelihood, reversed.LogLikelihood, 9);
        Assert.Equal(fit.Coefficients[1].Estimate, reversed.Coefficients[1].Estimate, 9);
    }

    [Fact]
    public void BadInputIsRefused()
    {
        Assert.Throws<ArgumentException>(() => ParametricRegression.Fit([], [], [], 0, [], SurvivalDistribution.Weibull));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParametricRegression.Fit([1, 0], [true, true], [], 0, [], SurvivalDistribution.Weibull));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParametricRegression.Fit([1, double.NaN], [true, true], [], 0, [], SurvivalDistribution.Weibull));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParametricRegression.Fit([1, double.PositiveInfinity], [true, true], [], 0, [], SurvivalDistribution.Weibull));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParametricRegression.Fit([1, 2], [true, true], [0, double.NaN], 1, [], SurvivalDistribution.Weibull));
        Assert.Throws<ArgumentException>(() => ParametricRegression.Fit([1, 2], [false, false], [], 0, [], SurvivalDistribution.Weibull));
    }
}
