using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Cli.Commands;

/// <summary><c>evident cox</c>: Cox proportional hazards regression (R: <c>coxph</c>).</summary>
public static class CoxCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var ties = TiesOption();
        var confLevel = ConfidenceLevelOption.Create("Confidence level of the hazard-ratio intervals.");
        var singularOk = SingularOkOption();
        var command = new Command("cox", "Cox regression: Efron or Breslow ties, strata, cluster-robust variance, LR/Wald/score tests, concordance (R: coxph).");
        data.AddTo(command);
        command.Options.Add(ties);
        command.Options.Add(confLevel);
        command.Options.Add(singularOk);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double level = parse.GetValue(confLevel);
            var frame = data.LoadFrame(parse);
            var fit = Fit(frame, ParseTies(parse.GetValue(ties)!), parse.GetValue(singularOk), level);
            return new CoxReport(frame, fit);
        });
        return command;
    }

    /// <summary>The <c>--ties</c> option.</summary>
    public static Option<string> TiesOption()
    {
        var ties = new Option<string>("--ties") { Description = "Tie handling: efron (R's default) or breslow.", DefaultValueFactory = _ => "efron" };
        ties.AcceptOnlyFromAmong("efron", "breslow");
        return ties;
    }

    /// <summary>The <c>--singular-ok</c> option (R's <c>coxph(singular.ok = TRUE)</c>).</summary>
    public static Option<bool> SingularOkOption() => new("--singular-ok")
    {
        Description = "Fit a singular design as R's coxph does, reporting aliased columns as NA, instead of stopping with an error.",
    };

    /// <summary>Maps the <c>--ties</c> value.</summary>
    public static TieMethod ParseTies(string text) => text == "breslow" ? TieMethod.Breslow : TieMethod.Efron;

    /// <summary>
    /// Fits the Cox model of a model frame. A singular design (a constant column, or one that is a linear combination of
    /// the others) is an input error unless <paramref name="singularOk"/>, when the aliased columns are reported as NA.
    /// </summary>
    public static CoxFit Fit(ModelFrame frame, TieMethod ties, bool singularOk, double confLevel = 0.95)
    {
        if (frame.CovariateCount == 0)
            throw new UsageException($"the formula '{frame.Formula.Text}' has no covariates: a Cox model needs at least one term besides strata() and cluster().");
        var fit = PhaseTimer.Time("fit Cox model", () => CoxRegression.Fit(frame.Time, frame.Event, frame.Covariates, frame.CovariateCount, frame.Stratum, frame.Cluster,
            new CoxOptions { Ties = ties, ConfidenceLevel = confLevel }));
        if (fit.Terms.All(t => double.IsNaN(t.Estimate)))
            throw new UsageException($"{frame.Source}: singular design: no covariate of '{frame.Formula.Text}' can be estimated (each is constant or collinear).");
        var aliased = Enumerable.Range(0, fit.Terms.Count).Where(j => double.IsNaN(fit.Terms[j].Estimate)).Select(j => ColumnName(frame.DesignColumns[j])).ToArray();
        if (aliased.Length > 0 && !singularOk)
        {
            throw new UsageException(
                $"{frame.Source}: singular design: {string.Join(", ", aliased.Select(a => $"'{a}'"))} {(aliased.Length == 1 ? "is" : "are")} constant or a linear combination " +
                "of the other covariates, so the coefficients are not identifiable. Remove the column, or pass --singular-ok to report it as NA as R's coxph does.");
        }
        return fit;
    }

    /// <summary>A design column as R names it in messages: <c>age</c> or <c>celltype = large</c>.</summary>
    public static string ColumnName(DesignColumn column) => column.Level is null ? column.Term : $"{column.Term} = {column.Level}";
}
