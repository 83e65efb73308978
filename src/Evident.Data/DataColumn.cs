namespace Evident.Data;

/// <summary>
/// One column of a <see cref="DataTable"/>, immutable after construction. Numeric and logical values live in
/// <see cref="Numbers"/> (NaN = missing; logical as 1/0), text values are dictionary-encoded in
/// <see cref="Codes"/> (−1 = missing) against <see cref="Dictionary"/>, which lists the distinct values in order of
/// first appearance. R equivalent: a column of a <c>data.frame</c> read by <c>read.csv</c> with
/// <c>na.strings = c("NA", "")</c>.
/// </summary>
public sealed class DataColumn
{
    private static readonly string[] NoText = [];
    private readonly double[] numbers;
    private readonly int[] codes;
    private readonly string[] dictionary;

    /// <remarks>The arrays may be longer than <paramref name="length"/>; only the first <paramref name="length"/> entries belong to the column.</remarks>
    internal DataColumn(string name, ColumnKind kind, int length, double[]? numbers, int[]? codes, string[]? dictionary)
    {
        Name = name;
        Kind = kind;
        Length = length;
        this.numbers = numbers ?? [];
        this.codes = codes ?? [];
        this.dictionary = dictionary ?? NoText;
    }

    /// <summary>Creates a numeric column; NaN marks a missing value, ±∞ are kept as numbers.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">The values (copied).</param>
    public static DataColumn FromNumbers(string name, ReadOnlySpan<double> values)
        => new(name, ColumnKind.Numeric, values.Length, values.ToArray(), null, null);

    /// <summary>Creates a logical column; null marks a missing value.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">The values (copied).</param>
    public static DataColumn FromLogical(string name, IReadOnlyList<bool?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = new double[values.Count];
        for (int i = 0; i < data.Length; i++) data[i] = values[i] is bool b ? (b ? 1 : 0) : double.NaN;
        return new DataColumn(name, ColumnKind.Logical, data.Length, data, null, null);
    }

    /// <summary>Creates a text column; null marks a missing value. The dictionary lists values in order of first appearance.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">The values.</param>
    public static DataColumn FromText(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var data = new int[values.Count];
        for (int i = 0; i < data.Length; i++)
        {
            string? v = values[i];
            if (v is null) { data[i] = -1; continue; }
            if (!lookup.TryGetValue(v, out int code))
            {
                code = distinct.Count;
                lookup.Add(v, code);
                distinct.Add(v);
            }
            data[i] = code;
        }
        return new DataColumn(name, ColumnKind.Text, data.Length, null, data, [.. distinct]);
    }

    /// <summary>The column name as written in the header.</summary>
    public string Name { get; }

    /// <summary>The inferred type of the column.</summary>
    public ColumnKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>Numeric and logical (1 = TRUE, 0 = FALSE) values, NaN = missing; empty for text columns.</summary>
    public ReadOnlySpan<double> Numbers => Kind == ColumnKind.Text ? default : numbers.AsSpan(0, Length);

    /// <summary>The storage behind <see cref="Numbers"/> when it holds exactly the column (to share, never to write); else null.</summary>
    internal double[]? ExactNumbers => Kind != ColumnKind.Text && numbers.Length == Length ? numbers : null;

    /// <summary>Text columns: the dictionary code of each row, −1 = missing; empty for other columns.</summary>
    public ReadOnlySpan<int> Codes => Kind == ColumnKind.Text ? codes.AsSpan(0, Length) : default;

    /// <summary>Text columns: the distinct values in order of first appearance; empty for other columns.</summary>
    public IReadOnlyList<string> Dictionary => dictionary;

    /// <summary>True when the value in <paramref name="row"/> (0-based) is missing (NA).</summary>
    /// <param name="row">0-based row index, 0 ≤ row &lt; <see cref="Length"/>.</param>
    public bool IsMissing(int row)
    {
        CheckRow(row);
        return Kind == ColumnKind.Text ? codes[row] < 0 : double.IsNaN(numbers[row]);
    }

    /// <summary>
    /// The value in <paramref name="row"/> as text, null if missing: numbers as R prints them
    /// (shortest round-trip digits, <c>1</c> not <c>1.0</c>, <c>Inf</c>), logicals as <c>TRUE</c>/<c>FALSE</c>.
    /// </summary>
    /// <param name="row">0-based row index, 0 ≤ row &lt; <see cref="Length"/>.</param>
    public string? Format(int row)
    {
        CheckRow(row);
        switch (Kind)
        {
            case ColumnKind.Text:
                return codes[row] < 0 ? null : dictionary[codes[row]];
            case ColumnKind.Logical:
                return double.IsNaN(numbers[row]) ? null : numbers[row] != 0 ? "TRUE" : "FALSE";
            default:
                return double.IsNaN(numbers[row]) ? null : RNumberFormat.Format(numbers[row]);
        }
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row must be in [0, {Length}) for column '{Name}'.");
    }
}
