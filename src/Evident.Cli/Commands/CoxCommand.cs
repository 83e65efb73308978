using System.CommandLine;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;
using Evident.Data;
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
        var predict = new Option<string?>("--predict")
        {
            Description = "Predicted survival curves for the covariate patterns of this file, one per row (R: survfit(fit, newdata = )); columns: every variable of the formula's terms and strata.",
        };
        var adjustedBy = new Option<string?>("--adjusted-by")
        {
            Description = "Covariate-adjusted survival curves per level of this variable of the terms (e.g. arm): the mean of the predicted curves of every analysed row with the variable set to the level (direct standardisation), with delta-method intervals.",
        };
        var confType = new Option<string>("--conf-type")
        {
            Description = "With --predict or --adjusted-by: the curves' interval scale, log (R's default), log-log or plain; --conf-level sets their level.",
            DefaultValueFactory = _ => "log",
        };
        confType.AcceptOnlyFromAmong("log", "log-log", "plain");
        var command = new Command("cox", "Cox regression: Efron or Breslow ties, strata, cluster-robust variance, LR/Wald/score tests, concordance (R: coxph).");
        data.AddTo(command);
        command.Options.Add(ties);
        command.Options.Add(confLevel);
        command.Options.Add(singularOk);
        command.Options.Add(predict);
        command.Options.Add(adjustedBy);
        command.Options.Add(confType);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double level = parse.GetValue(confLevel);
            string? patternsPath = parse.GetValue(predict);
            if (patternsPath is not null && !System.IO.File.Exists(patternsPath)) throw new UsageException($"--predict: file '{patternsPath}' does not exist.");
            var frame = data.LoadFrame(parse, countingProcess: true);
            var fit = Fit(frame, ParseTies(parse.GetValue(ties)!), parse.GetValue(singularOk), level);
            string? adjustBy = parse.GetValue(adjustedBy);
            if (patternsPath is null && adjustBy is null) return new CoxReport(frame, fit);
            var type = KaplanMeierCommand.ParseConfidenceType(parse.GetValue(confType)!);
            var patterns = patternsPath is null ? null : frame.CodePatterns(PhaseTimer.Time("read patterns", () => TableReader.Read(patternsPath)));
            var curves = patterns is null ? null : PhaseTimer.Time("predict curves", () => CoxModel.PredictSurvival(frame, fit, patterns, type, level));
            var adjusted = adjustBy is null ? null : PhaseTimer.Time("adjusted curves", () => CoxModel.AdjustedSurvival(frame, fit, adjustBy, type, level));
            return new CoxPredictionReport(frame, fit, patterns, curves, adjustBy, adjusted);
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

    /// <summary>Fits the Cox model of <paramref name="frame"/> (<see cref="CoxModel.Fit"/>), timed as the "fit Cox model" phase.</summary>
    public static CoxFit Fit(ModelFrame frame, TieMethod ties, bool singularOk, double confLevel = 0.95) =>
        PhaseTimer.Time("fit Cox model", () => CoxModel.Fit(frame, ties, singularOk, confLevel));
}
