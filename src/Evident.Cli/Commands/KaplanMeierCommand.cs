using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Cli.Commands;

/// <summary><c>evident km</c>: Kaplan–Meier curves per group (R: <c>survfit</c>, <c>summary.survfit</c>).</summary>
public static class KaplanMeierCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var confType = new Option<string>("--conf-type")
        {
            Description = "Confidence interval scale: log (R's default), log-log or plain.",
            DefaultValueFactory = _ => "log",
        };
        confType.AcceptOnlyFromAmong("log", "log-log", "plain");
        var confLevel = ConfidenceLevelOption.Create("Confidence level, between 0 and 1.");
        var times = new Option<string?>("--times") { Description = "Report survival at these times, e.g. 180,365,730." };
        var steps = new Option<bool>("--steps") { Description = "Table output: list the curve at every event time, as R's summary(fit) (JSON always has every step)." };
        var censored = new Option<bool>("--censored") { Description = "With --steps: list censoring times too, as summary(fit, censored = TRUE)." };

        var command = new Command("km", "Kaplan–Meier survival with Greenwood variance, median and its interval (R: survfit).");
        data.AddTo(command);
        command.Options.Add(confType);
        command.Options.Add(confLevel);
        command.Options.Add(times);
        command.Options.Add(steps);
        command.Options.Add(censored);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            var type = ParseConfidenceType(parse.GetValue(confType)!);
            double level = parse.GetValue(confLevel);
            var at = NumberList.Parse(parse.GetValue(times), "--times");
            var frame = data.LoadFrame(parse, countingProcess: true);
            var grouping = PhaseTimer.Time("group rows", frame.SurvivalGroups);
            var curves = PhaseTimer.Time("fit Kaplan–Meier", () => frame.IsCountingProcess
                ? KaplanMeier.FitGroupsWithEntry(frame.Entry, frame.Time, frame.Event, grouping.CodeSpan, grouping.Labels.Count, type, level)
                : KaplanMeier.FitGroups(frame.Time, frame.Event, grouping.CodeSpan, grouping.Labels.Count, type, level));
            return new KaplanMeierReport(frame.Formula.Text, frame.RowCount, frame.DroppedRows, grouping.Labels, curves, at,
                parse.GetValue(steps) ? (parse.GetValue(censored) ? StepListing.All : StepListing.EventTimes) : StepListing.None);
        });
        return command;
    }

    /// <summary>Maps R's <c>conf.type</c> names.</summary>
    public static ConfidenceType ParseConfidenceType(string text) => text switch
    {
        "log" => ConfidenceType.Log,
        "log-log" => ConfidenceType.LogLog,
        "plain" => ConfidenceType.Plain,
        _ => throw new UsageException($"--conf-type '{text}': expected log, log-log or plain."),
    };
}
