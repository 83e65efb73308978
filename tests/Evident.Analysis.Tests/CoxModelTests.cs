using Evident.Analysis.Models;
using Evident.Data;
using Evident.Statistics.Cox;

namespace Evident.Analysis.Tests;

/// <summary>
/// The one failure policy of Cox models: what the data do not allow is a status (a trial's comparison) or an input
/// error (a model frame); a non-finite information matrix is thrown in both.
/// </summary>
public sealed class CoxModelTests
{
    private static readonly CoxOptions Efron = new();

    // Six participants, three per arm, events in both: an ordinary two-arm comparison.
    private static readonly double[] Time = [1, 2, 3, 4, 5, 6];
    private static readonly bool[] Event = [true, true, false, true, true, false];
    private static readonly double[] Treated = [0, 1, 0, 1, 0, 1];

    [Fact]
    public void AnOrdinaryComparisonIsEstimatedAndIsTheKernelsTerm()
    {
        var (hazardRatio, status) = CoxModel.HazardRatio(Time, Event, Treated, [], Efron);
        var kernel = CoxRegression.Fit(Time, Event, Treated, 1, [], [], Efron).Terms[0];
        Assert.Equal(EstimateStatus.Estimated, status);
        Assert.Equal(kernel, hazardRatio);
        Assert.True(double.IsFinite(hazardRatio.HazardRatio) && hazardRatio.HazardRatio > 0);
    }

    [Fact]
    public void NoParticipantsIsAStatusWithEveryFieldNaN()
    {
        var (hazardRatio, status) = CoxModel.HazardRatio([], [], [], [], Efron);
        Assert.Equal(EstimateStatus.NoParticipants, status);
        AssertNotEstimable(hazardRatio);
    }

    [Fact]
    public void AllCensoredIsNoEvents()
    {
        var (hazardRatio, status) = CoxModel.HazardRatio(Time, new bool[6], Treated, [], Efron);
        Assert.Equal(EstimateStatus.NoEvents, status);
        AssertNotEstimable(hazardRatio);
    }

    [Fact]
    public void OneArmOnlyIsSingular()
    {
        var (hazardRatio, status) = CoxModel.HazardRatio(Time, Event, new double[6], [], Efron);
        Assert.Equal(EstimateStatus.Singular, status);
        AssertNotEstimable(hazardRatio);
    }

    [Fact]
    public void ANonFiniteInformationMatrixIsThrownNotAStatus()
    {
        // The covariate's sum overflows, so ℓ(0) is not finite: a hard failure whatever the caller.
        double[] huge = [1e308, 1.5e308, 1.2e308, 1.7e308, 1e308, 1.1e308];
        Assert.Throws<CoxConvergenceException>(() => CoxModel.HazardRatio(Time, Event, huge, [], Efron));
        Assert.Throws<CoxConvergenceException>(() => CoxModel.Fit(Frame("x", huge), TieMethod.Efron, singularOk: false));
    }

    [Fact]
    public void AModelFrameWithAnAliasedColumnIsAnInputErrorUnlessSingularOk()
    {
        var frame = Frame("x1", [1, 2, 3, 4, 5, 6], ("x2", [2, 4, 6, 8, 10, 12]));
        var error = Assert.Throws<DataInputException>(() => CoxModel.Fit(frame, TieMethod.Efron, singularOk: false));
        Assert.Equal("test.csv: singular design: 'x2' is constant or a linear combination of the other covariates, so the coefficients are not identifiable. " +
                     "Remove the column, or pass --singular-ok to report it as NA as R's coxph does.", error.Message);
        var fit = CoxModel.Fit(frame, TieMethod.Efron, singularOk: true);
        Assert.Equal([1], CoxModel.AliasedColumns(fit));
        Assert.True(double.IsFinite(fit.Terms[0].Estimate));
    }

    [Fact]
    public void AModelFrameWithNothingEstimableIsAnInputErrorEvenWithSingularOk()
    {
        var frame = Frame("x", [5, 5, 5, 5, 5, 5]);
        var error = Assert.Throws<DataInputException>(() => CoxModel.Fit(frame, TieMethod.Efron, singularOk: true));
        Assert.Equal("test.csv: singular design: no covariate of 'Surv(time, status) ~ x' can be estimated (each is constant or collinear).", error.Message);
    }

    [Fact]
    public void ColumnNamesReadAsInR()
    {
        Assert.Equal("age", CoxModel.ColumnName(new DesignColumn("age", null, 0)));
        Assert.Equal("celltype = large", CoxModel.ColumnName(new DesignColumn("celltype", "large", 1)));
    }

    private static ModelFrame Frame(string name, double[] values, params (string Name, double[] Values)[] more)
    {
        var columns = new List<DataColumn>
        {
            DataColumn.FromNumbers("time", Time),
            DataColumn.FromNumbers("status", Event.Select(e => e ? 1.0 : 0.0).ToArray()),
            DataColumn.FromNumbers(name, values),
        };
        columns.AddRange(more.Select(m => DataColumn.FromNumbers(m.Name, m.Values)));
        string formula = "Surv(time, status) ~ " + string.Join(" + ", more.Select(m => m.Name).Prepend(name));
        return ModelFrame.Build(new DataTable("test.csv", columns), SurvivalFormula.Parse(formula));
    }

    private static void AssertNotEstimable(CoxCoefficient term)
    {
        Assert.True(double.IsNaN(term.Estimate) && double.IsNaN(term.HazardRatio) && double.IsNaN(term.ConfLow) && double.IsNaN(term.PValue));
        Assert.False(term.MayBeInfinite);
    }
}
