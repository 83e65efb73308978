using System.Text.Json;
using Evident.Data;
using Evident.Data.Tmerge;

namespace Evident.Reporting.Json;

/// <summary>Writes the counting-process data <c>evident tmerge</c> built (<c>analysis: "tmerge"</c>).</summary>
public static class TmergeJson
{
    /// <summary>
    /// Writes <c>participants</c>, <c>rows</c>, <c>columns[]</c> (names in order), <c>data</c> (column → values: numbers,
    /// strings, <c>TRUE</c>/<c>FALSE</c> as booleans, null for NA), <c>counts[]</c> (per merged variable: where the changes'
    /// rows fell), <c>written</c> (the file written, or null) and <c>warnings</c>.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="merged">The merged data.</param>
    /// <param name="written">The file the data were written to, or null.</param>
    public static void Write(Utf8JsonWriter json, MergedData merged, string? written)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(merged);
        var table = merged.Table;
        json.WriteStartObject();
        json.WriteString("analysis", "tmerge");
        json.WriteNumber("participants", merged.Participants);
        json.WriteNumber("rows", table.RowCount);
        json.WriteStrings("columns", table.Columns.Select(c => c.Name));
        json.WriteStartObject("data");
        foreach (var column in table.Columns) WriteColumn(json, column);
        json.WriteEndObject();
        json.WriteStartArray("counts");
        foreach (var c in merged.Counts)
        {
            json.WriteStartObject();
            json.WriteString("variable", c.Name);
            json.WriteNumber("before_start", c.BeforeStart);
            json.WriteNumber("inside", c.Inside);
            json.WriteNumber("at_stop", c.AtStop);
            json.WriteNumber("after_stop", c.AfterStop);
            json.WriteNumber("unknown_id", c.UnknownId);
            json.WriteNumber("missing", c.Missing);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (written is null) json.WriteNull("written");
        else json.WriteString("written", written);
        json.WriteStrings("warnings", merged.Warnings);
        json.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter json, DataColumn column)
    {
        json.WriteStartArray(column.Name);
        for (int r = 0; r < column.Length; r++)
        {
            if (column.IsMissing(r)) json.WriteNullValue();
            else if (column.Kind == ColumnKind.Numeric) json.WriteNumberValue(column.Numbers[r]);
            else if (column.Kind == ColumnKind.Logical) json.WriteBooleanValue(column.Numbers[r] != 0);
            else json.WriteStringValue(column.Format(r));
        }
        json.WriteEndArray();
    }
}
