using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Statistics.Survival;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a MaxCombo test: each FH(ρ, γ) statistic, their correlation, and the combination's p-value.</summary>
public sealed class MaxComboReport(
    string formula, int rows, int droppedRows, IReadOnlyList<IReadOnlyDictionary<string, string>> groups, int strata, MaxComboTest test) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        MaxComboJson.Write(json, formula, rows, droppedRows, groups, strata, test);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"MaxCombo test: {Format.Text(formula)}" + (strata > 1 ? $"   (stratified, {strata} strata)" : ""));
        if (droppedRows > 0) console.MarkupLine(Format.Deleted(droppedRows));
        console.MarkupLine($" z = (O - E)/sqrt(V) of {Format.Text(Format.Group(groups[0]))}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("test");
        table.AddColumn(new TableColumn("z").RightAligned());
        foreach (var c in test.Components) table.AddColumn(new TableColumn(Label(c)).RightAligned());
        foreach (var (c, row) in test.Components.Zip(test.Correlation))
            table.AddRow([Label(c), Format.Number(c.Z, 6), .. row.Select(r => Format.Number(r, 4))]);
        console.Write(table);
        console.MarkupLine($" max |z| = {Format.Number(test.Statistic, 6)}, p = {Format.PValue(test.PValue)} (joint normal, integration error ≤ {Format.Number(test.Probability.ErrorEstimate, 2)})");
    }

    private static string Label(MaxComboComponent c) => $"FH({Format.Number(c.Weight.Rho)}, {Format.Number(c.Weight.Gamma)})";
}
