using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Cli.Commands;

/// <summary><c>evident rmst</c>: restricted mean survival time per group (R: <c>print(survfit(...), rmean = tau)</c>).</summary>
public static class RmstCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var tau = new Option<double>("--tau") { Description = "Restriction time τ > 0.", Required = true };
        var confLevel = ConfidenceLevelOption.Create("Confidence level of the difference's interval.");
        var command = new Command("rmst", "Restricted mean survival time up to τ per group, and the difference between two groups.");
        data.AddTo(command);
        command.Options.Add(tau);
        command.Options.Add(confLevel);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double t = parse.GetValue(tau);
            if (!(t > 0) || !double.IsFinite(t)) throw new UsageException($"--tau {t}: expected a positive number.");
            double level = parse.GetValue(confLevel);
            var frame = data.LoadFrame(parse);
            var grouping = frame.SurvivalGroups();
            var curves = KaplanMeier.FitGroups(frame.Time, frame.Event, grouping.CodeSpan, grouping.Labels.Count);
            var means = curves.Select(c => RestrictedMean.Compute(c, t)).ToArray();
            RestrictedMeanDifference? difference = means.Length == 2 ? RestrictedMean.Difference(means[1], means[0], level) : null;
            return new RmstReport(frame.Formula.Text, t, grouping.Labels, means, difference);
        });
        return command;
    }
}
