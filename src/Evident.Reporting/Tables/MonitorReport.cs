using System.Globalization;
using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Design.Monitoring;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents an interim analysis.</summary>
public sealed class MonitorReport(InterimAnalysis result) : IReport
{
    private static string Decision(MonitoringDecision d) => d switch
    {
        MonitoringDecision.StopForEfficacy => "stop_efficacy",
        MonitoringDecision.StopForFutility => "stop_futility",
        MonitoringDecision.FinalNoRejection => "final_not_rejected",
        _ => "continue",
    };

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        var looks = result.Looks;
        json.WriteStartObject();
        json.WriteString("analysis", "interim_monitoring");
        json.WriteNumber("looks", looks.Count);
        json.WriteNumber("planned_looks", result.Design.Looks);
        json.WriteNumber("max_events", result.MaxEvents);
        json.WriteString("spending", result.Design.Spending.ToString());
        json.WriteNumber("alpha", result.Design.Alpha);
        json.WriteNumbers("events", looks.Select(l => l.Events));
        json.WriteNumbers("z", looks.Select(l => l.Z));
        json.WriteNumbers("information", looks.Select(l => l.InformationFraction));
        json.WriteNumbers("critical_values", looks.Select(l => l.EfficacyBound));
        json.WriteNumbers("futility_bounds", looks.Select(l => l.FutilityBound));
        json.WriteNumbers("alpha_spent", looks.Select(l => l.AlphaSpent));
        json.WriteStartArray("decisions");
        foreach (var l in looks) json.WriteStringValue(Decision(l.Decision));
        json.WriteEndArray();
        json.WriteString("decision", Decision(result.Decision));
        if (result.StoppedAt is int s) json.WriteNumber("stopped_at", s); else json.WriteNull("stopped_at");
        json.WriteNumbers("hazard_ratio", looks.Select(l => l.HazardRatio));
        json.WriteNumbers("rci_lower", looks.Select(l => l.RciLower));
        json.WriteNumbers("rci_upper", looks.Select(l => l.RciUpper));
        json.WriteNumbers("repeated_p_values", looks.Select(l => l.RepeatedPValue));
        if (result.DesignHazardRatio is double hr) json.WriteNumber("design_hazard_ratio", hr); else json.WriteNull("design_hazard_ratio");
        json.WriteNumbers("conditional_power_design", looks.Select(l => l.ConditionalPowerDesign));
        json.WriteNumbers("conditional_power_trend", looks.Select(l => l.ConditionalPowerTrend));
        json.WriteNumbers("future_information", result.Design.Information.Skip(looks.Count));
        json.WriteNumbers("future_critical_values", result.Design.CriticalValues.Skip(looks.Count));
        json.WriteNumbers("future_events", result.PlannedEvents);
        json.WriteEndObject();
    }

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
                Format.Number(l.AlphaSpent, 4), Decision(l.Decision).Replace('_', ' '));
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
