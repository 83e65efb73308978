using System.CommandLine;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident milestone</c>: Kaplan–Meier survival per arm at a milestone time, with the difference, survival ratio
/// and cumulative-hazard ratio (complementary log-log) against the reference arm, and with <c>strata()</c> the
/// per-stratum comparisons and the stratum-weighted difference (R: <c>summary(survfit(...), times = t)</c>).
/// </summary>
public static class MilestoneCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var time = new Option<double>("--time") { Description = "The milestone time t ≥ 0, in the time column's units.", Required = true };
        var confLevel = ConfidenceLevelOption.Create("Confidence level, between 0 and 1.");
        var confType = new Option<string>("--conf-type")
        {
            Description = "Scale of each arm's pointwise interval: log (R's default), log-log or plain.",
            DefaultValueFactory = _ => "log",
        };
        confType.AcceptOnlyFromAmong("log", "log-log", "plain");

        var command = new Command("milestone",
            "Survival at a milestone time per arm; difference and ratios between arms (Greenwood, normal approximation); stratum-weighted difference.");
        data.AddTo(command);
        command.Options.Add(time);
        command.Options.Add(confLevel);
        command.Options.Add(confType);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double t = parse.GetValue(time);
            if (!(t >= 0) || !double.IsFinite(t)) throw new UsageException($"--time {t}: expected a finite number ≥ 0.");
            double level = parse.GetValue(confLevel);
            var type = KaplanMeierCommand.ParseConfidenceType(parse.GetValue(confType)!);

            var frame = data.LoadFrame(parse);
            if (frame.GroupCount < 2)
                throw new UsageException($"milestone compares arms: the formula '{frame.Formula.Text}' needs a term with at least two levels, e.g. \"Surv(time, status) ~ arm\".");
            int reference = ReferenceArm(frame.GroupLabels, parse.GetValue(data.Reference) ?? []);

            var (overall, comparisons, strata) = MilestoneAnalysis.Compare(frame, reference, t, type, level);
            return new MilestoneReport(frame.Formula.Text, frame.RowCount, frame.DroppedRows, t, level, type, frame.GroupLabels,
                                       reference, overall, comparisons, frame.StratumLabels, strata);
        });
        return command;
    }

    /// <summary>The arm named by <c>--reference col=level</c> for a grouping column, else the first arm (R's first factor level).</summary>
    private static int ReferenceArm(IReadOnlyList<IReadOnlyDictionary<string, string>> labels, string[] references)
    {
        foreach (string pair in references)
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            string column = pair[..eq].Trim(), level = pair[(eq + 1)..].Trim();
            if (!labels[0].ContainsKey(column)) continue;
            for (int g = 0; g < labels.Count; g++)
                if (labels[g][column] == level) return g;
            throw new UsageException($"--reference {pair}: '{level}' is not a level of {column}; levels are {string.Join(", ", labels.Select(l => l[column]).Distinct())}.");
        }
        return 0;
    }
}
