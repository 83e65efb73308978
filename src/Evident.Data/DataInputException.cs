namespace Evident.Data;

/// <summary>
/// A problem with the user's data: a missing column, a value that cannot be used, a malformed file.
/// The message reads like one of R survival's <c>stop()</c> messages and names the file, the 1-based data row
/// (the header is not counted), the column and the offending value, e.g.
/// <c>data/lung.csv, row 12, column 'time': value 'abc' is not a number; survival times must be non-negative numbers.</c>
/// </summary>
public sealed class DataInputException : Exception
{
    /// <summary>Creates the exception with a complete message and the structured details it mentions.</summary>
    /// <param name="message">The complete, human-readable message.</param>
    /// <param name="file">The file as the user named it, or null.</param>
    /// <param name="row">The 1-based data row (header excluded), or null when the problem is not tied to a row.</param>
    /// <param name="column">The column name, or null.</param>
    /// <param name="value">The offending value as it appears in the file, or null.</param>
    /// <param name="expected">What would have been accepted, or null.</param>
    public DataInputException(string message, string? file = null, long? row = null, string? column = null,
                              string? value = null, string? expected = null)
        : base(message)
    {
        File = file;
        Row = row;
        Column = column;
        Value = value;
        Expected = expected;
    }

    /// <summary>The file as the user named it (for messages), or null.</summary>
    public string? File { get; }

    /// <summary>The 1-based data row (the header row is not counted), or null when not applicable.</summary>
    public long? Row { get; }

    /// <summary>The column involved, or null.</summary>
    public string? Column { get; }

    /// <summary>The offending value as text, or null.</summary>
    public string? Value { get; }

    /// <summary>What would have been accepted (e.g. "status must be 0/1, 1/2 or TRUE/FALSE"), or null.</summary>
    public string? Expected { get; }

    /// <summary>"FILE, row R, column 'C'" with the parts that are known.</summary>
    internal static string Where(string? file, long? row, string? column)
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(file)) parts.Add(file);
        if (row is not null) parts.Add($"row {row}");
        if (column is not null) parts.Add($"column '{column}'");
        return string.Join(", ", parts);
    }

    /// <summary>"FILE, row R, column 'C': value 'V' PROBLEM; EXPECTED."</summary>
    internal static DataInputException BadValue(string? file, long row, string column, string? value, string problem, string expected)
        => new($"{Where(file, row, column)}: value '{value}' {problem}; {expected}.", file, row, column, value, expected);

    /// <summary>"FILE: PROBLEM" for problems not tied to a row.</summary>
    internal static DataInputException InFile(string? file, string problem, string? column = null, string? expected = null)
        => new(string.IsNullOrEmpty(file) ? problem : $"{file}: {problem}", file, null, column, null, expected);
}
