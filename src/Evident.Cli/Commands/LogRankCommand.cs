using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Cli.Commands;

/// <summary><c>evident logrank</c>: the G-rho family of tests, stratified by <c>strata()</c> terms (R: <c>survdiff</c>).</summary>
public static class LogRankCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var rho = new Option<double>("--rho") { Description = "G-rho weight S(t-)^rho: 0 = log-rank (default), 1 = Peto–Peto.", DefaultValueFactory = _ => 0 };
        var command = new Command("logrank", "Log-rank and G-rho tests with observed and expected events per group (R: survdiff).");
        data.AddTo(command);
        command.Options.Add(rho);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double r = parse.GetValue(rho);
            if (!double.IsFinite(r) || r < 0) throw new UsageException($"--rho {r}: expected a non-negative number.");
            var frame = data.LoadFrame(parse);
            var test = LogRank.Test(frame.Time, frame.Event, frame.Group, frame.GroupLabels.Count, frame.Stratum, frame.StratumCount, r);
            return new LogRankReport(frame.Formula.Text, frame.RowCount, frame.DroppedRows, frame.GroupLabels, frame.StratumCount, test);
        });
        return command;
    }
}
