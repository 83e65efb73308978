using System.Globalization;
using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Design;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a group-sequential design.</summary>
public sealed class BoundariesReport(GroupSequentialDesign design) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        BoundariesJson.Write(json, design);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Group-sequential design: {design.Looks} looks, {(design.TwoSided ? "two-sided" : "one-sided")} α = {Format.Number(design.Alpha)}, spending {Format.Text(design.Spending.ToString())}" +
            (design.FutilityBounds is null ? "" : $"; β = {Format.Number(design.Beta)}, beta spending {Format.Text(design.BetaSpending?.ToString() ?? "")} ({(design.BindingFutility ? "binding" : "non-binding")})"));
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "look", "information", "efficacy Z", "nominal p", "cumulative α" }) table.AddColumn(new TableColumn(h).RightAligned());
        if (design.FutilityBounds is not null) table.AddColumn(new TableColumn("futility Z").RightAligned());
        for (int k = 0; k < design.Looks; k++)
        {
            var row = new List<string>
            {
                (k + 1).ToString(CultureInfo.InvariantCulture), Format.Number(design.Information[k], 4),
                Format.Number(design.CriticalValues[k], 5), Format.Number(design.NominalP[k], 4), Format.Number(design.AlphaSpent[k], 4),
            };
            if (design.FutilityBounds is { } f) row.Add(k < f.Count ? Format.Number(f[k], 5) : "");
            table.AddRow(row.ToArray());
        }
        console.Write(table);
        console.MarkupLine($"Inflation factor (maximum over fixed-design information): {Format.Number(design.InflationFactor, 5)}");
    }
}
