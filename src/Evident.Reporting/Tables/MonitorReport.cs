using System.Globalization;
using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Design.Monitoring;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents an interim analysis.</summary>
public sealed class MonitorReport(InterimAnalysis result) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        MonitoringJson.Write(json, result);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        var d = result.Design;
        console.MarkupLine($"Interim monitoring: {Format.Text(d.Spending.ToString())} spending, one-sided α = {Format.Number(d.Alpha)}, maximum events {Format.Number(result.MaxEvents, 6)}");
        console.MarkupLine("Z = (E − O)/√V of the experimental arm: positive favours it (HR < 1).");
        var bounds = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "look", "events", "information", "Z", "efficacy Z", "futility Z", "cumulative α", "decision" })
            bounds.AddColumn(new TableColumn(h).RightAligned());
        foreach (var l in result.Looks)
            bounds.AddRow(l.Look.ToString(CultureInfo.InvariantCulture), Format.Number(l.Events, 6), Format.Number(l.InformationFraction, 4),
                Format.Number(l.Z, 4), Format.Number(l.EfficacyBound, 4), double.IsNaN(l.FutilityBound) ? "" : Format.Number(l.FutilityBound, 4),
                Format.Number(l.AlphaSpent, 4), MonitoringJson.DecisionName(l.Decision).Replace('_', ' '));
        console.Write(bounds);
        var estimates = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "look", "hazard ratio", "RCI lower", "RCI upper", "repeated p", "CP (design HR)", "CP (trend)" })
            estimates.AddColumn(new TableColumn(h).RightAligned());
        foreach (var l in result.Looks)
            estimates.AddRow(l.Look.ToString(CultureInfo.InvariantCulture), Format.Number(l.HazardRatio, 4), Format.Number(l.RciLower, 4),
                Format.Number(l.RciUpper, 4), Format.PValue(l.RepeatedPValue), Format.Number(l.ConditionalPowerDesign, 4), Format.Number(l.ConditionalPowerTrend, 4));
        console.Write(estimates);
        if (result.PlannedEvents.Count > 0)
            console.MarkupLine($"Remaining looks at {string.Join(", ", result.PlannedEvents.Select(e => Format.Number(e, 5)))} events, efficacy Z {string.Join(", ", d.CriticalValues.Skip(result.Looks.Count).Select(c => Format.Number(c, 4)))}.");
    }
}
