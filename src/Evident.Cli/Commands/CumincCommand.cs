using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident cuminc</c>: Aalen–Johansen cumulative incidence per cause and group with Gray's test, stratified by
/// <c>strata()</c> terms (R: <c>cmprsk::cuminc</c>, <c>timepoints</c>).
/// </summary>
public static class CumincCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var times = new Option<string?>("--times") { Description = "Report the incidences at these times, e.g. 12,24,36." };
        var rho = new Option<double>("--rho") { Description = "Gray's test weight (1 - F(t-))^rho; 0 (default) as cmprsk.", DefaultValueFactory = _ => 0 };
        var command = new Command("cuminc",
            "Competing risks: cumulative incidence per cause and group with cmprsk's variance, Gray's test per cause (R: cmprsk::cuminc). The status column holds causes: 0 = censored, k = cause k.");
        data.AddTo(command);
        command.Options.Add(times);
        command.Options.Add(rho);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double r = parse.GetValue(rho);
            if (!double.IsFinite(r) || r < 0) throw new UsageException($"--rho {r}: expected a non-negative number.");
            var at = NumberList.Parse(parse.GetValue(times), "--times");
            Array.Sort(at);
            var frame = data.LoadFrame(parse, statusIsCause: true);
            if (frame.EventCount == 0) throw new UsageException("cuminc needs at least one failure: every row is censored (cause 0).");
            var result = AalenJohansen.Fit(frame.Time, frame.StatusCodes, frame.Group, frame.GroupCount, frame.Stratum, frame.StratumCount, r);
            return new CumincReport(frame.Formula.Text, frame.RowCount, frame.DroppedRows, frame.GroupLabels, result, at.Distinct().ToArray());
        });
        return command;
    }
}
