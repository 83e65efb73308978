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
        var command = new Command("survreg", "Parametric survival regression: Weibull, exponential, log-normal, log-logistic; a scale per stratum with strata() (R: survreg).");
        data.AddTo(command);
        command.Options.Add(dist);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            var frame = data.LoadFrame(parse);
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
