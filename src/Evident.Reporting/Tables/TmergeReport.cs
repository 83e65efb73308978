using System.Text.Json;
using Evident.Data.Tmerge;
using Evident.Reporting.Json;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents <c>evident tmerge</c>'s result: the JSON contract (with the data), or a summary of what was built and where the changes fell.</summary>
/// <param name="merged">The merged data.</param>
/// <param name="written">The file the data were written to, or null.</param>
public sealed class TmergeReport(MergedData merged, string? written) : IReport
{
    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => merged.Warnings;

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) => TmergeJson.Write(json, merged, written);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine(Format.Text($"Counting-process data: {merged.Participants} participants, {merged.Table.RowCount} intervals (tstart, tstop]" +
                                       (written is null ? " (not written: give --write FILE)" : $", written to {written}")));
        console.MarkupLine($"Columns: {Format.Text(string.Join(", ", merged.Table.Columns.Select(c => c.Name)))}");
        if (merged.Counts.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("variable");
        foreach (var h in new[] { "at/before start", "inside", "at stop", "after stop", "unknown id", "missing" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var c in merged.Counts)
        {
            table.AddRow(Format.Text(c.Name), Format.Count(c.BeforeStart), Format.Count(c.Inside), Format.Count(c.AtStop), Format.Count(c.AfterStop),
                         Format.Count(c.UnknownId), Format.Count(c.Missing));
        }
        console.Write(table);
    }
}
