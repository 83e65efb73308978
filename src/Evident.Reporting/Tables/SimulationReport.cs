using System.Globalization;
using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Design.Simulation;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a simulation: operating characteristics and the hazard ratio at stopping, per look.</summary>
public sealed class SimulationReport(SimulationResult result) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        SimulationJson.Write(json, result);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        var d = result.Design;
        console.MarkupLine($"Simulated group-sequential survival trial: {result.Tally.Replicates} replicates, seed {result.Seed}, test {result.Test}" +
                           (result.IsComplete ? "" : $" (replicates {result.Tally.FirstReplicate}–{result.Tally.FirstReplicate + result.Tally.Replicates - 1} of {result.TotalReplicates})"));
        var summary = new Table().Border(TableBorder.Simple).HideHeaders();
        summary.AddColumn("quantity");
        summary.AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("Power (reject H0 at some look)", $"{Format.Number(result.Power, 4)} (MC SE {Format.Number(result.PowerStandardError, 2)})");
        summary.AddRow("Expected events", Format.Number(result.ExpectedEvents, 5));
        summary.AddRow("Expected subjects", Format.Number(result.ExpectedSubjects, 5));
        summary.AddRow("Expected duration", Format.Number(result.ExpectedDuration, 5));
        summary.AddRow("Estimated HR at stop: mean, median", $"{Format.Number(result.MeanHazardRatio, 4)}, {Format.Number(result.HazardRatioQuantile(0.5), 4)}");
        summary.AddRow("Estimated HR at stop: 2.5%–97.5%", $"{Format.Number(result.HazardRatioQuantile(0.025), 4)} – {Format.Number(result.HazardRatioQuantile(0.975), 4)}");
        summary.AddRow("Stopped before the final look", $"{Format.Number(result.EarlyStopProbability, 4)} ({result.Tally.StopsByLook.Take(d.Looks - 1).Sum()} replicates)");
        summary.AddRow("Reached the final look", $"{Format.Number(result.StopByLook[^1], 4)} ({result.Tally.StopsByLook[^1]} replicates)");
        console.Write(summary);
        var looks = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "look", "information", "efficacy Z", "P(reject here)", "P(futility here)", "stopped here", "HR mean", "HR median", "HR 2.5%", "HR 97.5%" })
            looks.AddColumn(new TableColumn(h).RightAligned());
        for (int k = 0; k < d.Looks; k++)
            looks.AddRow((k + 1).ToString(CultureInfo.InvariantCulture), Format.Number(d.Information[k], 4), Format.Number(d.CriticalValues[k], 5),
                Format.Number(result.RejectByLook[k], 4), k < result.FutilityByLook.Count ? Format.Number(result.FutilityByLook[k], 4) : "",
                result.Tally.StopsByLook[k].ToString(CultureInfo.InvariantCulture), Format.Number(result.MeanHazardRatioAtLook(k), 4),
                Format.Number(result.HazardRatioQuantile(0.5, k), 4),
                Format.Number(result.HazardRatioQuantile(0.025, k), 4), Format.Number(result.HazardRatioQuantile(0.975, k), 4));
        console.Write(looks);
        console.MarkupLine("HR columns: estimated hazard ratio exp((O − E)/V) among the replicates that stopped at that look (early efficacy stops overestimate the effect).");
    }
}
