using System.CommandLine;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;
using Evident.Statistics.Parametric;

namespace Evident.Cli.Commands;

/// <summary><c>evident survreg</c>: parametric (accelerated failure time) regression (R: <c>survreg</c>).</summary>
public static class SurvregCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var dist = new Option<string>("--dist") { Description = "Distribution of the survival time: weibull (R's default), exponential, lognormal or loglogistic.", DefaultValueFactory = _ => "weibull" };
        dist.AcceptOnlyFromAmong("weibull", "exponential", "lognormal", "loglogistic");
        var cure = new Option<bool>("--cure")
        {
            Description = "Mixture cure model: a cured fraction with logistic incidence and Weibull latency, both on the formula's terms (with --dist weibull).",
        };
        var command = new Command("survreg", "Parametric survival regression: Weibull, exponential, log-normal, log-logistic; a scale per stratum with strata() (R: survreg).");
        data.AddTo(command);
        command.Options.Add(dist);
        command.Options.Add(cure);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            if (parse.GetValue(cure) && parse.GetValue(dist) != "weibull")
                throw new UsageException($"--cure fits a Weibull latency; --dist {parse.GetValue(dist)} is not available with it.");
            var frame = data.LoadFrame(parse);
            if (parse.GetValue(cure)) return new CureReport(frame, PhaseTimer.Time("fit cure model", () => SurvregModel.FitCure(frame)));
            var distribution = parse.GetValue(dist) switch
            {
                "exponential" => SurvivalDistribution.Exponential,
                "lognormal" => SurvivalDistribution.LogNormal,
                "loglogistic" => SurvivalDistribution.LogLogistic,
                _ => SurvivalDistribution.Weibull,
            };
            var fit = PhaseTimer.Time("fit survreg model", () => SurvregModel.Fit(frame, distribution));
            return new SurvregReport(frame, fit);
        });
        return command;
    }
}
