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
    public void WriteJson(Utf8JsonWriter json) =>
        KaplanMeierJson.Write(json, formula, rows, droppedRows, groups, curves, times);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        var first = curves[0];
        string level = Format.Number(first.ConfidenceLevel * 100, 3) + "%";
        console.MarkupLine($"Kaplan–Meier: {Format.Text(formula)}   ({Format.Text(KaplanMeierJson.ConfidenceTypeName(first.ConfidenceType))} interval, {level})");
        if (droppedRows > 0) console.MarkupLine(Format.Deleted(droppedRows));

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
