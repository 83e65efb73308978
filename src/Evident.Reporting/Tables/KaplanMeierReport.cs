using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Statistics;
using Spectre.Console;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Tables;

/// <summary>Presents Kaplan–Meier curves: the JSON contract and R-style tables.</summary>
public sealed class KaplanMeierReport(
    string formula,
    int rows,
    int droppedRows,
    IReadOnlyList<IReadOnlyDictionary<string, string>> groups,
    IReadOnlyList<KaplanMeierCurve> curves,
    IReadOnlyList<double> times,
    StepListing steps) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        var first = curves[0];
        json.WriteStartObject();
        json.WriteString("analysis", "kaplan_meier");
        json.WriteString("formula", formula);
        json.WriteString("conf_type", KaplanMeierJson.ConfidenceTypeName(first.ConfidenceType));
        json.WriteNumber("conf_level", first.ConfidenceLevel);
        json.WriteNumber("n", rows);
        json.WriteNumber("n_dropped", droppedRows);
        json.WriteStartArray("curves");
        for (int g = 0; g < curves.Count; g++)
        {
            var curve = curves[g];
            json.WriteStartObject();
            json.WriteGroup("group", groups[g]);
            json.WriteNumber("n", curve.N);
            json.WriteNumber("events", curve.Events);
            json.WriteNumberOrNull("median", curve.Median);
            json.WriteNumberOrNull("median_conf_low", curve.MedianLower);
            json.WriteNumberOrNull("median_conf_high", curve.MedianUpper);
            json.WriteStartArray("steps");
            foreach (var step in curve.Steps)
            {
                json.WriteStartObject();
                json.WriteNumber("time", step.Time);
                json.WriteNumber("n_risk", step.AtRisk);
                json.WriteNumber("n_event", step.Events);
                json.WriteNumber("n_censor", step.Censored);
                json.WriteNumberOrNull("survival", step.Survival);
                json.WriteNumberOrNull("std_error", step.StdError);
                json.WriteNumberOrNull("conf_low", step.Lower);
                json.WriteNumberOrNull("conf_high", step.Upper);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (times.Count > 0)
        {
            json.WriteStartArray("at_times");
            for (int g = 0; g < curves.Count; g++)
            {
                foreach (var point in curves[g].At(times))
                {
                    json.WriteStartObject();
                    json.WriteGroup("group", groups[g]);
                    json.WriteNumber("time", point.Time);
                    json.WriteNumber("n_risk", point.AtRisk);
                    json.WriteNumberOrNull("survival", point.Survival);
                    json.WriteNumberOrNull("std_error", point.StdError);
                    json.WriteNumberOrNull("conf_low", point.Lower);
                    json.WriteNumberOrNull("conf_high", point.Upper);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        var first = curves[0];
        string level = Format.Number(first.ConfidenceLevel * 100, 3) + "%";
        console.MarkupLine($"Kaplan–Meier: {Format.Text(formula)}   ({Format.Text(KaplanMeierJson.ConfidenceTypeName(first.ConfidenceType))} interval, {level})");
        if (droppedRows > 0) console.MarkupLine($"({droppedRows} observation{(droppedRows == 1 ? "" : "s")} deleted due to missingness)");

        var summary = new Table().Border(TableBorder.Simple);
        summary.AddColumn("group");
        foreach (var h in new[] { "n", "events", "median", "LCL", "UCL" }) summary.AddColumn(new TableColumn(h).RightAligned());
        for (int g = 0; g < curves.Count; g++)
        {
            var c = curves[g];
            summary.AddRow(Format.Text(Format.Group(groups[g])), Format.Count(c.N), Format.Count(c.Events),
                Format.Number(c.Median, 6), Format.Number(c.MedianLower, 6), Format.Number(c.MedianUpper, 6));
        }
        console.Write(summary);

        if (times.Count > 0)
        {
            var at = new Table().Border(TableBorder.Simple).Title("Survival at requested times");
            at.AddColumn("group");
            foreach (var h in new[] { "time", "n.risk", "survival", "std.err", "lower", "upper" }) at.AddColumn(new TableColumn(h).RightAligned());
            for (int g = 0; g < curves.Count; g++)
            {
                foreach (var p in curves[g].At(times))
                {
                    at.AddRow(Format.Text(Format.Group(groups[g])), Format.Number(p.Time, 6), Format.Count(p.AtRisk),
                        Format.Number(p.Survival), Format.Number(p.StdError), Format.Number(p.Lower), Format.Number(p.Upper));
                }
            }
            console.Write(at);
        }

        for (int g = 0; g < curves.Count && steps != StepListing.None; g++)
        {
            var table = new Table().Border(TableBorder.Simple).Title(Format.Text(Format.Group(groups[g])));
            foreach (var h in new[] { "time", "n.risk", "n.event", "n.censor", "survival", "std.err", "lower", "upper" })
                table.AddColumn(new TableColumn(h).RightAligned());
            foreach (var s in curves[g].Steps)
            {
                if (steps == StepListing.EventTimes && s.Events == 0) continue;
                table.AddRow(Format.Number(s.Time, 6), Format.Count(s.AtRisk), Format.Count(s.Events), Format.Count(s.Censored),
                    Format.Number(s.Survival), Format.Number(s.StdError), Format.Number(s.Lower), Format.Number(s.Upper));
            }
            console.Write(table);
        }
    }
}
