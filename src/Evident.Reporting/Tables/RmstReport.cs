using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Statistics.Survival;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents restricted mean survival times.</summary>
public sealed class RmstReport(
    string formula, double tau, IReadOnlyList<IReadOnlyDictionary<string, string>> groups,
    IReadOnlyList<RestrictedMeanSurvival> means, RestrictedMeanDifference? difference) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        RmstJson.Write(json, formula, tau, groups, means, difference);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Restricted mean survival time up to τ = {Format.Number(tau, 6)}: {Format.Text(formula)}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("group");
        foreach (var h in new[] { "rmean", "se(rmean)" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int g = 0; g < means.Count; g++)
            table.AddRow(Format.Text(Format.Group(groups[g])), Format.Number(means[g].Rmst, 6), Format.Number(means[g].StdError, 6));
        console.Write(table);
        if (difference is not null)
        {
            console.MarkupLine($"Difference ({Format.Text(Format.Group(groups[1]))}) − ({Format.Text(Format.Group(groups[0]))}): {Format.Number(difference.Difference, 6)}" +
                $" ({Format.Number(difference.ConfidenceLevel * 100, 3)}% CI {Format.Number(difference.Lower, 6)} to {Format.Number(difference.Upper, 6)}), p = {Format.PValue(difference.PValue)}");
        }
    }
}
