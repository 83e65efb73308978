using Evident.Data;
using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>
/// Reads a data table whose columns the protocol names, so that a column the file lacks is reported at the protocol line
/// and key that name it, e.g.
/// <c>protocol.yaml, line 108, key 'data.simple.arm': column 'armcol' is not in participants.csv; its columns are: …</c>.
/// </summary>
internal static class MappedTable
{
    /// <summary>Reads <paramref name="columns"/> of <paramref name="path"/> (null = all).</summary>
    public static DataTable Read(TrialProtocol protocol, DataTableRole role, string path, IReadOnlyCollection<string>? columns)
    {
        try
        {
            return TableReader.Read(path, columns);
        }
        catch (DataInputException e) when (e.Row is null && e.Column is { } column && protocol.Data.Locate(role, column) is { } source)
        {
            // The reader stops at the first requested column it lacks; reading the header again gives the file's columns
            // (only on this error path) and confirms that this is what went wrong.
            var available = ColumnsOf(path);
            if (available is null || available.Any(c => c.Name == column)) throw;
            throw Missing(source, path, available);
        }
    }

    private static IReadOnlyList<DataColumn>? ColumnsOf(string path)
    {
        try
        {
            return TableReader.Read(path).Columns;
        }
        catch (DataInputException)
        {
            return null;
        }
    }

    /// <summary>The column of a table read whole, or the protocol-located error when it lacks it.</summary>
    public static DataColumn Column(TrialProtocol protocol, DataTableRole role, DataTable table, string column)
    {
        if (table.TryGetColumn(column, out var found)) return found;
        if (protocol.Data.Locate(role, column) is { } source) throw Missing(source, table.Source, table.Columns);
        return table[column];
    }

    private static DataInputException Missing(ColumnSource source, string path, IReadOnlyList<DataColumn> available)
    {
        string names = string.Join(", ", available.Select(c => c.Name));
        string what = source.IsDefault ? $"column '{source.Column}' (the default when the key is not given)" : $"column '{source.Column}'";
        return new DataInputException(source.Location.Describe($"{what} is not in {path}; its columns are: {names}"),
                                      path, null, source.Column, null, names);
    }
}
