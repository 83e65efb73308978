namespace Evident.Data.Xpt;

/// <summary>
/// One variable of an XPORT member, as its namestr record describes it (SAS TS-140). R equivalent: one entry of
/// <c>foreign::lookup.xport(path)$MEMBER</c> (name, label, type, width, position, format).
/// </summary>
/// <param name="Name">The SAS variable name (1–8 characters, trailing blanks removed).</param>
/// <param name="Label">The variable label (up to 40 characters), empty when none.</param>
/// <param name="Type">Numeric or character.</param>
/// <param name="Length">Bytes per value: 2–8 for numerics, 1–200 for character variables.</param>
/// <param name="Position">The 0-based byte offset of the value within an observation.</param>
/// <param name="Format">The display format's name without width, e.g. <c>DATE</c>, <c>YYMMDD</c>, <c>$CHAR</c>; empty when none (the <c>w.d</c> format).</param>
/// <param name="FormatLength">The format width <c>w</c> (0 when not given).</param>
/// <param name="FormatDecimals">The format decimals <c>d</c> (0 when not given).</param>
/// <param name="InputFormat">The informat's name, empty when none.</param>
/// <param name="InputFormatLength">The informat width.</param>
/// <param name="InputFormatDecimals">The informat decimals.</param>
public sealed record XportVariable(
    string Name,
    string Label,
    XportVariableType Type,
    int Length,
    int Position,
    string Format,
    int FormatLength,
    int FormatDecimals,
    string InputFormat,
    int InputFormatLength,
    int InputFormatDecimals)
{
    private static readonly HashSet<string> DateFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATE", "DAY", "DDMMYY", "DDMMYYB", "DDMMYYC", "DDMMYYD", "DDMMYYN", "DDMMYYP", "DDMMYYS", "DOWNAME",
        "E8601DA", "B8601DA", "IS8601DA", "EURDFDE", "JULDAY", "JULIAN", "MMDDYY", "MMDDYYB", "MMDDYYC", "MMDDYYD",
        "MMDDYYN", "MMDDYYP", "MMDDYYS", "MMYY", "MONNAME", "MONTH", "MONYY", "NLDATE", "QTR", "WEEKDATE",
        "WEEKDATX", "WEEKDAY", "WORDDATE", "WORDDATX", "YEAR", "YYMM", "YYMMDD", "YYMMDDB", "YYMMDDC", "YYMMDDD",
        "YYMMDDN", "YYMMDDP", "YYMMDDS", "YYMON", "YYQ",
    };

    private static readonly HashSet<string> DateTimeFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATETIME", "DATEAMPM", "DTDATE", "E8601DT", "B8601DT", "IS8601DT", "E8601DZ", "IS8601DZ", "NLDATM",
    };

    /// <summary>The format as SAS writes it, e.g. <c>DATE9.</c>, <c>8.2</c>, <c>$CHAR20.</c>; empty when the variable has no format.</summary>
    public string FormatText => FormatName(Format, FormatLength, FormatDecimals);

    /// <summary>True when the display format shows a SAS date (days since 1960-01-01), e.g. <c>DATE9.</c>, <c>YYMMDD10.</c>, <c>E8601DA.</c>; convert with <see cref="SasCalendar.ToDate"/>.</summary>
    public bool IsDate => Type == XportVariableType.Numeric && DateFormats.Contains(Format);

    /// <summary>True when the display format shows a SAS datetime (seconds since 1960-01-01T00:00), e.g. <c>DATETIME20.</c>, <c>E8601DT.</c>; convert with <see cref="SasCalendar.ToDateTime"/>.</summary>
    public bool IsDateTime => Type == XportVariableType.Numeric && DateTimeFormats.Contains(Format);

    internal static string FormatName(string name, int width, int decimals)
    {
        if (name.Length == 0 && width == 0 && decimals == 0) return "";
        string w = width > 0 ? width.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        string d = decimals > 0 ? decimals.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return $"{name}{w}.{d}";
    }
}
