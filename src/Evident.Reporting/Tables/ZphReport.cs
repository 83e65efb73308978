using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Statistics.Cox;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a proportional-hazards test.</summary>
public sealed class ZphReport(string formula, string transform, IReadOnlyList<string> terms, ZphResult result, IReadOnlyList<string> warnings) : IReport
{
    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => warnings;

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        ZphJson.Write(json, formula, transform, terms, result);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Test of proportional hazards (Grambsch–Therneau), transform = {Format.Text(transform)}: {Format.Text(formula)}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("term");
        foreach (var h in new[] { "chisq", "df", "p" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int k = 0; k < result.Terms.Count; k++)
            table.AddRow(Format.Text(terms[k]), Format.Number(result.Terms[k].Statistic, 5), Format.Count(result.Terms[k].DegreesOfFreedom), Format.PValue(result.Terms[k].PValue));
        table.AddRow("GLOBAL", Format.Number(result.Global.Statistic, 5), Format.Count(result.Global.DegreesOfFreedom), Format.PValue(result.Global.PValue));
        console.Write(table);
    }
}
