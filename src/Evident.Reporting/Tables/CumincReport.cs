using System.Globalization;
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
    private static string Cause(int cause) => cause.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("analysis", "cumulative_incidence");
        json.WriteString("formula", formula);
        json.WriteNumber("n", rows);
        json.WriteNumber("n_dropped", droppedRows);
        json.WriteNumber("strata", result.StratumCount);
        json.WriteNumber("rho", result.Rho);
        json.WriteStartArray("causes");
        foreach (int c in result.Causes) json.WriteStringValue(Cause(c));
        json.WriteEndArray();
        json.WriteStartArray("curves");
        foreach (var curve in result.Curves)
        {
            json.WriteStartObject();
            json.WriteGroup("group", groups[curve.Group]);
            json.WriteString("cause", Cause(curve.Cause));
            json.WriteNumber("n", curve.N);
            json.WriteNumber("events", curve.Events);
            json.WriteNumbers("times", curve.Steps.Select(s => s.Time));
            json.WriteNumbers("estimates", curve.Steps.Select(s => s.Estimate));
            json.WriteNumbers("variances", curve.Steps.Select(s => s.Variance));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("at_times");
        foreach (var curve in result.Curves)
        {
            foreach (var point in curve.At(times))
            {
                json.WriteStartObject();
                json.WriteGroup("group", groups[curve.Group]);
                json.WriteString("cause", Cause(curve.Cause));
                json.WriteNumber("time", point.Time);
                json.WriteNumberOrNull("estimate", point.Estimate);
                json.WriteNumberOrNull("variance", point.Variance);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        if (result.Tests.Count > 0)
        {
            json.WriteStartArray("gray_test");
            foreach (var test in result.Tests)
            {
                json.WriteStartObject();
                json.WriteString("cause", Cause(test.Cause));
                json.WriteNumberOrNull("statistic", test.Test.Statistic);
                json.WriteNumber("df", test.Test.DegreesOfFreedom);
                json.WriteNumberOrNull("p_value", test.Test.PValue);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Cumulative incidence (Aalen–Johansen): {Format.Text(formula)}");
        if (droppedRows > 0) console.MarkupLine($"({droppedRows} observation{(droppedRows == 1 ? "" : "s")} deleted due to missingness)");

        if (result.Tests.Count > 0)
        {
            var tests = new Table().Border(TableBorder.Simple)
                .Title(result.StratumCount > 1 ? $"Gray's test (stratified, {result.StratumCount} strata)" : "Gray's test");
            tests.AddColumn("cause");
            foreach (var h in new[] { "stat", "pv", "df" }) tests.AddColumn(new TableColumn(h).RightAligned());
            foreach (var t in result.Tests)
                tests.AddRow(Cause(t.Cause), Format.Number(t.Test.Statistic, 6), Format.PValue(t.Test.PValue), Format.Count(t.Test.DegreesOfFreedom));
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
            var cells = new List<string> { Format.Text(Format.Group(groups[curve.Group])), Cause(curve.Cause), Format.Count(curve.N), Format.Count(curve.Events) };
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
