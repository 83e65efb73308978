using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Statistics.Survival;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a log-rank test.</summary>
public sealed class LogRankReport(
    string formula, int rows, int droppedRows, IReadOnlyList<IReadOnlyDictionary<string, string>> groups, int strata, LogRankTest test) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        LogRankJson.Write(json, formula, rows, droppedRows, groups, strata, test);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        string name = test.Gamma != 0 ? $"Fleming–Harrington test FH({Format.Number(test.Rho)}, {Format.Number(test.Gamma)})"
            : test.Rho == 0 ? "Log-rank test" : test.Rho == 1 ? "Peto–Peto test (rho = 1)" : $"G-rho test (rho = {Format.Number(test.Rho)})";
        console.MarkupLine($"{name}: {Format.Text(formula)}" + (strata > 1 ? $"   (stratified, {strata} strata)" : ""));
        if (droppedRows > 0) console.MarkupLine(Format.Deleted(droppedRows));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("group");
        foreach (var h in new[] { "N", "Observed", "Expected", "(O-E)^2/E" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int g = 0; g < test.Groups.Count; g++)
        {
            var r = test.Groups[g];
            double contribution = (r.Observed - r.Expected) * (r.Observed - r.Expected) / r.Expected;
            table.AddRow(Format.Text(Format.Group(groups[g])), Format.Count(r.N), Format.Number(r.Observed, 6), Format.Number(r.Expected, 6), Format.Number(contribution, 4));
        }
        console.Write(table);
        console.MarkupLine($" Chisq = {Format.Number(test.Test.Statistic, 6)} on {test.Test.DegreesOfFreedom} degrees of freedom, p = {Format.PValue(test.Test.PValue)}");
    }
}
