using Evident.Analysis.Models;
using Evident.Data;
using Evident.Statistics.Parametric;

namespace Evident.Analysis.Tests;

/// <summary>survreg's input policy: log time needs positive times, and there is no robust variance.</summary>
public sealed class SurvregModelTests
{
    private static ModelFrame Frame(double[] time, string formula)
    {
        var columns = new List<DataColumn>
        {
            DataColumn.FromNumbers("time", time),
            DataColumn.FromNumbers("status", [1, 1, 0, 1, 1, 0]),
            DataColumn.FromNumbers("x", [0, 1, 0, 1, 0, 1]),
            DataColumn.FromNumbers("id", [1, 1, 2, 2, 3, 3]),
        };
        return ModelFrame.Build(new DataTable("test.csv", columns), SurvivalFormula.Parse(formula));
    }

    [Fact]
    public void ATimeOfZeroIsAnInputErrorNamingTheRow()
    {
        var frame = Frame([3, 5, 0, 7, 2, 9], "Surv(time, status) ~ x");
        var e = Assert.Throws<DataInputException>(() => SurvregModel.Fit(frame, SurvivalDistribution.Weibull));
        Assert.Equal(3, e.Row);
        Assert.Equal("time", e.Column);
    }

    [Fact]
    public void ClusterIsRefused()
    {
        var frame = Frame([3, 5, 4, 7, 2, 9], "Surv(time, status) ~ x + cluster(id)");
        var e = Assert.Throws<DataInputException>(() => SurvregModel.Fit(frame, SurvivalDistribution.LogNormal));
        Assert.Contains("cluster()", e.Message);
    }

    [Fact]
    public void FitsWhatTheKernelFits()
    {
        var frame = Frame([3, 5, 4, 7, 2, 9], "Surv(time, status) ~ x");
        var fit = SurvregModel.Fit(frame, SurvivalDistribution.LogLogistic);
        var direct = ParametricRegression.Fit(frame.Time, frame.Event, frame.Covariates, 1, [], SurvivalDistribution.LogLogistic);
        Assert.Equal(direct.LogLikelihood, fit.LogLikelihood);
        Assert.Equal(2, fit.Coefficients.Count);
    }
}
