using System.Text.Json;
using Evident.Analysis.Models;
using Evident.Reporting.Json;
using Evident.Statistics;
using Evident.Statistics.Milestone;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents milestone comparisons: the JSON contract (<c>analysis: "milestone"</c>) and R-style tables.</summary>
public sealed class MilestoneReport(
    string formula,
    int rows,
    int droppedRows,
    double time,
    double confLevel,
    ConfidenceType confType,
    IReadOnlyList<IReadOnlyDictionary<string, string>> groups,
    int reference,
    IReadOnlyList<MilestoneEstimate> arms,
    IReadOnlyList<MilestoneComparison> comparisons,
    IReadOnlyList<IReadOnlyDictionary<string, string>> strataLabels,
    MilestoneStrata? strata) : IReport
{
    private IEnumerable<int> ComparedArms => Enumerable.Range(0, groups.Count).Where(g => g != reference);

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("analysis", "milestone");
        json.WriteString("formula", formula);
        json.WriteNumber("time", time);
        json.WriteNumber("conf_level", confLevel);
        json.WriteString("conf_type", KaplanMeierJson.ConfidenceTypeName(confType));
        json.WriteNumber("n", rows);
        json.WriteNumber("n_dropped", droppedRows);
        json.WriteGroup("reference", groups[reference]);
        json.WriteStartArray("arms");
        for (int g = 0; g < arms.Count; g++) MilestoneJson.WriteEstimate(json, groups[g], arms[g]);
        json.WriteEndArray();

        json.WriteStartArray("comparisons");
        int c = 0;
        foreach (int g in ComparedArms)
        {
            json.WriteStartObject();
            MilestoneJson.WriteComparison(json, groups[g], groups[reference], comparisons[c]);
            if (strata is not null)
            {
                json.WriteStartArray("stratified");
                foreach (var w in strata.Weighted[c]) MilestoneJson.WriteWeighted(json, w);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            c++;
        }
        json.WriteEndArray();

        if (strata is not null) WriteStrata(json, strata);
        json.WriteEndObject();
    }

    /// <summary>Per stratum: the arms' estimates and the comparisons that could be made.</summary>
    private void WriteStrata(Utf8JsonWriter json, MilestoneStrata byStratum)
    {
        json.WriteStartArray("strata");
        for (int k = 0; k < strataLabels.Count; k++)
        {
            json.WriteStartObject();
            json.WriteGroup("stratum", strataLabels[k]);
            json.WriteStartArray("arms");
            for (int g = 0; g < groups.Count; g++)
                if (byStratum.Arms[k][g] is { } e) MilestoneJson.WriteEstimate(json, groups[g], e);
            json.WriteEndArray();
            json.WriteStartArray("comparisons");
            int i = 0;
            foreach (int g in ComparedArms)
            {
                if (byStratum.Comparisons[k][i++] is { } comparison)
                {
                    json.WriteStartObject();
                    MilestoneJson.WriteComparison(json, groups[g], groups[reference], comparison);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        string level = Format.Number(confLevel * 100, 3) + "%";
        console.MarkupLine($"Milestone survival at t = {Format.Number(time, 6)}: {Format.Text(formula)}   ({Format.Text(KaplanMeierJson.ConfidenceTypeName(confType))} interval, {level})");
        if (droppedRows > 0) console.MarkupLine(Format.Deleted(droppedRows));
        console.Write(EstimateTable("Survival by arm", Enumerable.Range(0, arms.Count).Select(g => (groups[g], arms[g]))));
        if (arms.Any(a => a.AtRisk == 0))
            console.MarkupLine("Note: an arm with n.risk = 0 has no follow-up at t; its survival is carried forward from its last time.");
        console.Write(ComparisonTable($"Comparisons with {Format.Text(Format.Group(groups[reference]))} ({level} intervals)",
            ComparedArms.Zip(comparisons, (g, c) => (Format.Group(groups[g]), c))));

        if (strata is null) return;
        var weighted = new Table().Border(TableBorder.Simple).Title($"Stratum-weighted differences over {Format.Text(string.Join(", ", strataLabels[0].Keys))}");
        weighted.AddColumn("arm");
        weighted.AddColumn("weights");
        foreach (var h in new[] { "difference", "std.err", "lower", "upper", "p" }) weighted.AddColumn(new TableColumn(h).RightAligned());
        int c = 0;
        foreach (int g in ComparedArms)
        {
            foreach (var w in strata.Weighted[c])
            {
                weighted.AddRow(Format.Text(Format.Group(groups[g])), MilestoneJson.WeightingName(w.Weighting).Replace('_', ' '), Format.Number(w.Difference),
                    Format.Number(w.StdError), Format.Number(w.Lower), Format.Number(w.Upper), Format.PValue(w.PValue));
            }
            c++;
        }
        console.Write(weighted);
        for (int k = 0; k < strataLabels.Count; k++)
        {
            string name = Format.Text(Format.Group(strataLabels[k]));
            console.Write(EstimateTable($"Stratum {name}", Enumerable.Range(0, groups.Count)
                .Where(g => strata.Arms[k][g] is not null).Select(g => (groups[g], strata.Arms[k][g]!))));
            var present = ComparedArms.Select((g, i) => (g, c: strata.Comparisons[k][i]))
                .Where(x => x.c is not null).Select(x => (Format.Group(groups[x.g]), x.c!)).ToList();
            if (present.Count > 0) console.Write(ComparisonTable($"Stratum {name}: comparisons", present));
        }
    }

    private static Table EstimateTable(string title, IEnumerable<(IReadOnlyDictionary<string, string> Group, MilestoneEstimate E)> rows)
    {
        var table = new Table().Border(TableBorder.Simple).Title(title);
        table.AddColumn("arm");
        foreach (var h in new[] { "n", "n.risk", "n.event", "survival", "std.err", "lower", "upper" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var (group, e) in rows)
        {
            table.AddRow(Format.Text(Format.Group(group)), Format.Count(e.N), Format.Count(e.AtRisk), Format.Count(e.Events),
                Format.Number(e.Survival), Format.Number(e.StdError), Format.Number(e.Lower), Format.Number(e.Upper));
        }
        return table;
    }

    private static Table ComparisonTable(string title, IEnumerable<(string Arm, MilestoneComparison C)> rows)
    {
        var table = new Table().Border(TableBorder.Simple).Title(title);
        table.AddColumn("arm");
        table.AddColumn("contrast");
        foreach (var h in new[] { "estimate", "lower", "upper", "p" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var (arm, c) in rows)
        {
            foreach (var (name, x) in new[] { ("S difference", c.Difference), ("S ratio (log)", c.SurvivalRatio), ("Λ ratio (cloglog)", c.CumulativeHazardRatio) })
                table.AddRow(Format.Text(arm), name, Format.Number(x.Estimate), Format.Number(x.Lower), Format.Number(x.Upper), Format.PValue(x.PValue));
        }
        return table;
    }
}
