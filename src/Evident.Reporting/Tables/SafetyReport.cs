using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Statistics;
using Spectre.Console;
using Evident.Statistics.Safety;

namespace Evident.Reporting.Tables;

/// <summary>Presents an adverse-event incidence table: the JSON contract (<c>analysis: "safety"</c>) and a readable table.</summary>
public sealed class SafetyReport(
    string armColumn,
    string? stratumColumn,
    IReadOnlyList<string> arms,
    IReadOnlyList<string> strata,
    IReadOnlyList<string> terms,
    bool fromSubjectList,
    double confLevel,
    SafetyTable table) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        SafetyJson.Write(json, armColumn, stratumColumn, arms, strata, terms, fromSubjectList, confLevel, table);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        string level = Format.Number(confLevel * 100, 3) + "%";
        console.MarkupLine($"Participants with adverse events of grade ≥ {table.MinGrade}; denominators: " +
                           (fromSubjectList ? "the subject list" : "participants with any event in the file (no subject list given)"));
        var counts = new Table().Border(TableBorder.Simple);
        counts.AddColumn("term");
        for (int g = 0; g < arms.Count; g++)
            counts.AddColumn(new TableColumn($"{Format.Text(arms[g])}\n(N = {table.ArmSizes[g]})").RightAligned());
        foreach (var row in table.Terms.Prepend(table.AnyTerm))
        {
            var cells = new List<string> { row.Term < 0 ? "[bold]Any term[/]" : Format.Text(terms[row.Term]) };
            for (int g = 0; g < arms.Count; g++) cells.Add($"{row.Participants[g]} ({Format.Number(100 * row.Proportions[g], 3)}%)");
            counts.AddRow(cells.ToArray());
        }
        console.Write(counts);

        var tests = new Table().Border(TableBorder.Simple).Title($"Versus {Format.Text(arms[table.ReferenceArm])} ({level} intervals)");
        tests.AddColumn("term");
        tests.AddColumn("arm");
        foreach (var h in new[] { "risk diff.", "lower", "upper", "Fisher p" }) tests.AddColumn(new TableColumn(h).RightAligned());
        if (stratumColumn is not null)
            foreach (var h in new[] { "CMH X²", "CMH p", "MH OR", "lower", "upper" }) tests.AddColumn(new TableColumn(h).RightAligned());
        foreach (var row in table.Terms.Prepend(table.AnyTerm))
        {
            foreach (var c in row.Comparisons)
            {
                var cells = new List<string>
                {
                    row.Term < 0 ? "Any term" : Format.Text(terms[row.Term]), Format.Text(arms[c.Arm]),
                    Format.Number(c.RiskDifference.Difference), Format.Number(c.RiskDifference.Lower), Format.Number(c.RiskDifference.Upper),
                    Format.PValue(c.Fisher.PValue),
                };
                if (stratumColumn is not null)
                {
                    var mh = c.MantelHaenszel;
                    cells.AddRange(mh is null
                        ? ["NA", "NA", "NA", "NA", "NA"]
                        : [Format.Number(mh.Test.Statistic), Format.PValue(mh.Test.PValue), Format.Number(mh.CommonOddsRatio),
                           Format.Number(mh.Lower), Format.Number(mh.Upper)]);
                }
                tests.AddRow(cells.ToArray());
            }
        }
        console.Write(tests);
        console.MarkupLine("Risk difference: Wald interval. Fisher: two-sided exact test (R fisher.test)." +
                           (stratumColumn is null ? "" : $" CMH: Cochran–Mantel–Haenszel test over {Format.Text(stratumColumn)} with continuity correction (R mantelhaen.test)."));
    }
}
