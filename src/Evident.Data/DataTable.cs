namespace Evident.Data;

/// <summary>
/// A rectangular table of typed columns read from a file (R: a <c>data.frame</c>). Immutable.
/// </summary>
public sealed class DataTable
{
    private readonly DataColumn[] columns;
    private readonly Dictionary<string, DataColumn> byName;

    /// <summary>Creates a table from columns of equal length.</summary>
    /// <param name="source">Where the data came from, as the user named it (used in messages).</param>
    /// <param name="columns">The columns; names must be distinct and lengths equal.</param>
    public DataTable(string source, IReadOnlyList<DataColumn> columns)
        : this(source, columns, columns is { Count: > 0 } ? columns[0].Length : 0)
    {
    }

    internal DataTable(string source, IReadOnlyList<DataColumn> columns, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
        Source = source;
        RowCount = rowCount;
        this.columns = [.. columns];
        byName = new Dictionary<string, DataColumn>(StringComparer.Ordinal);
        foreach (var column in this.columns)
        {
            if (column.Length != rowCount)
                throw new ArgumentException($"column '{column.Name}' has {column.Length} rows; the table has {rowCount}.", nameof(columns));
            if (!byName.TryAdd(column.Name, column))
                throw DataInputException.InFile(source, $"column '{column.Name}' appears more than once in the header.", column.Name);
        }
    }

    /// <summary>The file path as the user gave it (for messages).</summary>
    public string Source { get; }

    /// <summary>Number of data rows (the header is not counted).</summary>
    public int RowCount { get; }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<DataColumn> Columns => columns;

    /// <summary>The column called <paramref name="name"/> (case-sensitive, as in R).</summary>
    /// <exception cref="DataInputException">No such column: "column 'x' not found in FILE; columns are: a, b, c".</exception>
    public DataColumn this[string name]
    {
        get
        {
            if (TryGetColumn(name, out var column)) return column;
            throw NotFound(Source, name, columns.Select(c => c.Name));
        }
    }

    /// <summary>Looks a column up by name (case-sensitive).</summary>
    /// <param name="name">Column name.</param>
    /// <param name="column">The column, when found.</param>
    /// <returns>True when the column exists.</returns>
    public bool TryGetColumn(string name, out DataColumn column)
    {
        ArgumentNullException.ThrowIfNull(name);
        return byName.TryGetValue(name, out column!);
    }

    internal static DataInputException NotFound(string source, string name, IEnumerable<string> available)
        => new($"column '{name}' not found in {source}; columns are: {string.Join(", ", available)}",
               source, null, name, null, "one of the file's columns");
}
