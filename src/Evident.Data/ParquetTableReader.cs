using System.Diagnostics;
using Parquet;
using Parquet.Schema;

namespace Evident.Data;

/// <summary>
/// Reads the selected flat columns of a Parquet file (Parquet.Net) into a <see cref="DataTable"/>: integer, float,
/// double and decimal columns become <see cref="ColumnKind.Numeric"/>, boolean columns <see cref="ColumnKind.Logical"/>,
/// string columns <see cref="ColumnKind.Text"/>; nulls are missing values, as are NaN doubles.
/// </summary>
internal static class ParquetTableReader
{
    public static async Task<DataTable> ReadAsync(string path, string source, IReadOnlyCollection<string>? columns)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var selected = Select(reader.Schema.GetDataFields(), columns, source);
        long[] groupRows = RowGroupSizes(reader);
        long total = groupRows.Sum();
        if (total > Array.MaxLength) throw DataInputException.InFile(source, $"the file has {total} rows; at most {Array.MaxLength} are supported.");
        int rowCount = (int)total;

        var numbers = new double[selected.Count][];
        var text = new string?[selected.Count][];
        for (int s = 0; s < selected.Count; s++)
        {
            if (KindOf(selected[s].ClrType) == ColumnKind.Text) text[s] = new string?[rowCount];
            else numbers[s] = new double[rowCount];
        }

        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)groupRows[g];
            for (int s = 0; s < selected.Count; s++)
            {
                if (text[s] is { } strings)
                {
                    var buffer = new string?[n];
                    await group.ReadAsync(selected[s], buffer.AsMemory());
                    buffer.CopyTo(strings, offset);
                }
                else
                {
                    await ReadNumbersAsync(group, selected[s], n, numbers[s], offset);
                }
            }
            offset += n;
        }

        var result = new DataColumn[selected.Count];
        for (int s = 0; s < selected.Count; s++)
        {
            string name = selected[s].Name;
            result[s] = text[s] is { } strings
                ? DataColumn.FromText(name, strings)
                : new DataColumn(name, KindOf(selected[s].ClrType)!.Value, rowCount, numbers[s], null, null);
        }
        return new DataTable(source, result, rowCount);
    }

    /// <summary>The requested fields (all when <paramref name="columns"/> is null) in file order, each flat and of a supported type.</summary>
    private static List<DataField> Select(DataField[] fields, IReadOnlyCollection<string>? columns, string source)
    {
        string[] names = [.. fields.Select(f => f.Name)];
        var selected = new List<DataField>();
        if (columns is null)
        {
            selected.AddRange(fields);
        }
        else
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in columns)
            {
                if (Array.IndexOf(names, name) < 0) throw DataTable.NotFound(source, name, names);
                wanted.Add(name);
            }
            selected.AddRange(fields.Where(f => wanted.Contains(f.Name)));
        }
        foreach (var field in selected)
        {
            if (field.IsArray || field.Path.Length > 1)
                throw DataInputException.InFile(source, $"column '{field.Name}' is a nested or repeated Parquet column; only flat columns can be analysed.", field.Name);
            if (KindOf(field.ClrType) is null)
                throw DataInputException.InFile(source, $"column '{field.Name}' has Parquet type {field.ClrType.Name}; supported types are integers, float, double, decimal, boolean and string.",
                                                field.Name, "a numeric, boolean or string column");
        }
        return selected;
    }

    private static long[] RowGroupSizes(ParquetReader reader)
    {
        var groupRows = new long[reader.RowGroupCount];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            groupRows[g] = group.RowCount;
        }
        return groupRows;
    }

    /// <summary>Reads a numeric or boolean column of one row group into <paramref name="target"/> at <paramref name="offset"/>.</summary>
    private static Task ReadNumbersAsync(ParquetRowGroupReader group, DataField field, int n, double[] target, int offset)
    {
        Type t = field.ClrType;
        if (t == typeof(double)) return ReadAsync<double>(group, field, n, target, offset, v => v);
        if (t == typeof(float)) return ReadAsync<float>(group, field, n, target, offset, v => v);
        if (t == typeof(int)) return ReadAsync<int>(group, field, n, target, offset, v => v);
        if (t == typeof(long)) return ReadAsync<long>(group, field, n, target, offset, v => v);
        if (t == typeof(short)) return ReadAsync<short>(group, field, n, target, offset, v => v);
        if (t == typeof(byte)) return ReadAsync<byte>(group, field, n, target, offset, v => v);
        if (t == typeof(sbyte)) return ReadAsync<sbyte>(group, field, n, target, offset, v => v);
        if (t == typeof(ushort)) return ReadAsync<ushort>(group, field, n, target, offset, v => v);
        if (t == typeof(uint)) return ReadAsync<uint>(group, field, n, target, offset, v => v);
        if (t == typeof(ulong)) return ReadAsync<ulong>(group, field, n, target, offset, v => v);
        if (t == typeof(decimal)) return ReadAsync<decimal>(group, field, n, target, offset, v => (double)v);
        if (t == typeof(bool)) return ReadAsync<bool>(group, field, n, target, offset, v => v ? 1 : 0);
        throw new UnreachableException($"Parquet type {t.Name} passed the type check but has no reader.");
    }

    private static ColumnKind? KindOf(Type type)
    {
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) return ColumnKind.Text;
        if (type == typeof(bool)) return ColumnKind.Logical;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(int) || type == typeof(long)
            || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint)
            || type == typeof(ulong))
            return ColumnKind.Numeric;
        return null;
    }

    private static async Task ReadAsync<T>(ParquetRowGroupReader group, DataField field, int n, double[] target, int offset, Func<T, double> convert)
        where T : struct
    {
        if (field.IsNullable)
        {
            var buffer = new T?[n];
            await group.ReadAsync<T>(field, buffer.AsMemory());
            for (int i = 0; i < n; i++) target[offset + i] = buffer[i] is T v ? convert(v) : double.NaN;
        }
        else
        {
            var buffer = new T[n];
            await group.ReadAsync<T>(field, buffer.AsMemory());
            for (int i = 0; i < n; i++) target[offset + i] = convert(buffer[i]);
        }
    }
}
