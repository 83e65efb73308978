using System.Globalization;
using System.Text.Json;
using Evident.Design.NonProportional;
using Evident.Reporting.Json;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents gsDesign2-style average hazard ratios and expected events at each analysis time (<c>evident ahr</c>).</summary>
/// <param name="periodStarts">Starts of the hazard-ratio periods (time since entry).</param>
/// <param name="hazardRatios">The hazard ratio of each period.</param>
/// <param name="looks">One row per analysis time.</param>
public sealed class AverageHazardRatioReport(IReadOnlyList<double> periodStarts, IReadOnlyList<double> hazardRatios, IReadOnlyList<AverageHazardRatioLook> looks) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("analysis", "average_hazard_ratio");
        json.WriteNumbers("period_starts", periodStarts);
        json.WriteNumbers("hazard_ratios", hazardRatios);
        json.WriteStartArray("looks");
        foreach (var look in looks)
        {
            json.WriteStartObject();
            json.WriteNumber("time", look.Time);
            json.WriteNumberOrNull("ahr", look.AverageHazardRatio);
            json.WriteNumber("events", look.Events);
            json.WriteNumber("control_events", look.ControlEvents);
            json.WriteNumber("experimental_events", look.ExperimentalEvents);
            json.WriteNumber("info", look.Information);
            json.WriteNumber("info0", look.NullInformation);
            json.WriteNumbers("events_by_period", look.EventsByPeriod);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var periods = string.Join(", ", hazardRatios.Select((h, j) => $"{Format.Number(h, 4)} from {Format.Number(periodStarts[j], 4)}"));
        console.MarkupLine(Markup.Escape($"Average hazard ratio (gsDesign2 ahr) for the hazard ratio by time since entry: {periods}"));
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "time", "AHR", "events", "control", "experimental", "info", "info0" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var look in looks)
            table.AddRow(Format.Number(look.Time, 6), double.IsNaN(look.AverageHazardRatio) ? "not estimable" : Format.Number(look.AverageHazardRatio, 4),
                Format.Number(look.Events, 5), Format.Number(look.ControlEvents, 5), Format.Number(look.ExperimentalEvents, 5),
                Format.Number(look.Information, 5), Format.Number(look.NullInformation, 5));
        console.Write(table);
    }
}
