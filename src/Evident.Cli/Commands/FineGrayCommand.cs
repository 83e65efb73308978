using System.CommandLine;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Statistics.CompetingRisks;

namespace Evident.Cli.Commands;

/// <summary><c>evident finegray</c>: Fine–Gray subdistribution hazards regression for one cause (R: <c>cmprsk::crr</c>).</summary>
public static class FineGrayCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var cause = new Option<int>("--cause") { Description = "The cause of interest (a status code ≥ 1); other nonzero codes are competing risks.", Required = true };
        var confLevel = ConfidenceLevelOption.Create("Confidence level of the hazard-ratio intervals.");
        var command = new Command("finegray",
            "Fine–Gray proportional subdistribution hazards for one cause, sandwich standard errors as cmprsk::crr, linear in n. The status column holds causes: 0 = censored, k = cause k.");
        data.AddTo(command);
        command.Options.Add(cause);
        command.Options.Add(confLevel);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double level = parse.GetValue(confLevel);
            int k = parse.GetValue(cause);
            var frame = data.LoadFrame(parse, statusIsCause: true);
            return new FineGrayReport(frame, Fit(frame, k, level));
        });
        return command;
    }

    /// <summary>Fits the Fine–Gray model of a model frame for cause <paramref name="cause"/>, checking <c>--cause</c> against the data.</summary>
    public static FineGrayFit Fit(ModelFrame frame, int cause, double confLevel = 0.95)
    {
        FineGrayModel.CheckDesign(frame);
        var present = FineGrayModel.Causes(frame);
        if (cause < 1 || !present.Contains(cause))
        {
            string causes = present.Count == 0 ? "none (every row is censored)" : string.Join(", ", present);
            throw new UsageException(cause < 1
                ? $"--cause {cause}: the cause must be a status code ≥ 1 (0 means censored); the causes in the data are {causes}."
                : $"--cause {cause}: no failures from cause {cause} in column '{frame.Formula.StatusColumn}'; the causes in the data are {causes}.");
        }
        return FineGrayModel.Fit(frame, cause, confLevel);
    }
}
