using System.Text;
using Parquet;
using Parquet.Schema;

namespace Evident.Data;

/// <summary>
/// Writes a <see cref="DataTable"/> back to disk, for tests, benchmarks and data exchange. CSV output follows
/// R's <c>write.csv(na = "")</c>: quoted header and text, numbers with the shortest digits that round-trip,
/// <c>TRUE</c>/<c>FALSE</c>, empty fields for missing values; reading the file back gives the same table.
/// </summary>
public static class TableWriter
{
    /// <summary>Writes delimited text (UTF-8 without BOM, LF line ends).</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">Destination file (overwritten).</param>
    /// <param name="delimiter">Field delimiter (',' or '\t').</param>
    public static void WriteCsv(DataTable table, string path, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        WriteCsv(table, writer, delimiter);
    }

    /// <summary>Writes delimited text to <paramref name="writer"/> (LF line ends), exactly as the file <see cref="WriteCsv(DataTable, string, char)"/> writes.</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where the text goes.</param>
    /// <param name="delimiter">Field delimiter (',' or '\t').</param>
    public static void WriteCsv(DataTable table, TextWriter writer, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = table.Columns;
        for (int c = 0; c < columns.Count; c++)
        {
            if (c > 0) writer.Write(delimiter);
            writer.Write(Quote(columns[c].Name));
        }
        writer.Write('\n');
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (c > 0) writer.Write(delimiter);
                string? value = columns[c].Format(r);
                if (value is null) continue;
                writer.Write(columns[c].Kind == ColumnKind.Text ? Quote(value) : value);
            }
            writer.Write('\n');
        }
    }

    /// <summary>Writes a Parquet file: numeric columns as nullable double, logical as nullable boolean, text as string.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">Destination file (overwritten).</param>
    public static void WriteParquet(DataTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        WriteParquetAsync(table, path).GetAwaiter().GetResult();
    }

    private static async Task WriteParquetAsync(DataTable table, string path)
    {
        var fields = new List<DataField>();
        foreach (var column in table.Columns)
        {
            fields.Add(column.Kind switch
            {
                ColumnKind.Numeric => new DataField<double?>(column.Name),
                ColumnKind.Logical => new DataField<bool?>(column.Name),
                _ => new DataField<string>(column.Name, true),
            });
        }
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        for (int c = 0; c < fields.Count; c++)
        {
            var column = table.Columns[c];
            int n = table.RowCount;
            switch (column.Kind)
            {
                case ColumnKind.Numeric:
                {
                    var values = new double?[n];
                    for (int r = 0; r < n; r++) values[r] = double.IsNaN(column.Numbers[r]) ? null : column.Numbers[r];
                    await group.WriteAsync<double>(fields[c], values.AsMemory());
                    break;
                }
                case ColumnKind.Logical:
                {
                    var values = new bool?[n];
                    for (int r = 0; r < n; r++) values[r] = double.IsNaN(column.Numbers[r]) ? null : column.Numbers[r] != 0;
                    await group.WriteAsync<bool>(fields[c], values.AsMemory());
                    break;
                }
                default:
                {
                    var values = new string?[n];
                    for (int r = 0; r < n; r++) values[r] = column.Format(r);
                    await group.WriteAsync(fields[c], values);
                    break;
                }
            }
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
