using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Statistics;
using Spectre.Console;
using Evident.Statistics.CompetingRisks;

namespace Evident.Reporting.Tables;

/// <summary>Presents cumulative incidence curves and Gray's tests: the JSON contract and cmprsk-like tables.</summary>
public sealed class CumincReport(
    string formula,
    int rows,
    int droppedRows,
    IReadOnlyList<IReadOnlyDictionary<string, string>> groups,
    CumulativeIncidence result,
    IReadOnlyList<double> times) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        CumulativeIncidenceJson.Write(json, formula, rows, droppedRows, groups, result, times);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Cumulative incidence (Aalen–Johansen): {Format.Text(formula)}");
        if (droppedRows > 0) console.MarkupLine(Format.Deleted(droppedRows));

        if (result.Tests.Count > 0)
        {
            var tests = new Table().Border(TableBorder.Simple)
                .Title(result.StratumCount > 1 ? $"Gray's test (stratified, {result.StratumCount} strata)" : "Gray's test");
            tests.AddColumn("cause");
            foreach (var h in new[] { "stat", "pv", "df" }) tests.AddColumn(new TableColumn(h).RightAligned());
            foreach (var t in result.Tests)
                tests.AddRow(CumulativeIncidenceJson.CauseName(t.Cause), Format.Number(t.Test.Statistic, 6), Format.PValue(t.Test.PValue), Format.Count(t.Test.DegreesOfFreedom));
            console.Write(tests);
        }

        var summary = new Table().Border(TableBorder.Simple);
        summary.AddColumn("group");
        summary.AddColumn("cause");
        foreach (var h in new[] { "n", "events" }) summary.AddColumn(new TableColumn(h).RightAligned());
        var shown = times.Count > 0 ? times : DefaultTimes();
        foreach (double t in shown) summary.AddColumn(new TableColumn($"F({Format.Number(t, 6)}) (se)").RightAligned());
        foreach (var curve in result.Curves)
        {
            var cells = new List<string> { Format.Text(Format.Group(groups[curve.Group])), CumulativeIncidenceJson.CauseName(curve.Cause), Format.Count(curve.N), Format.Count(curve.Events) };
            foreach (var p in curve.At(shown)) cells.Add($"{Format.Number(p.Estimate)} ({Format.Number(Math.Sqrt(p.Variance))})");
            summary.AddRow(cells.ToArray());
        }
        console.Write(summary);
    }

    /// <summary>Without --times, quartiles of the largest follow-up time, as a glance at the curves.</summary>
    private double[] DefaultTimes()
    {
        double last = result.Curves.Max(c => double.IsNaN(c.LastFollowUp) ? 0 : c.LastFollowUp);
        return [last / 4, last / 2, 3 * last / 4];
    }
}
