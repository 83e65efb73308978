namespace Evident.Data.Xpt;

/// <summary>
/// SAS metadata for one column written by <see cref="XportWriter"/>. R equivalent: the <c>label</c>,
/// <c>format.sas</c> and <c>width</c> attributes that <c>haven::write_xpt</c> reads.
/// </summary>
/// <param name="Name">The column (variable) name, as in the <see cref="DataTable"/>.</param>
public sealed record XportColumn(string Name)
{
    /// <summary>The variable label, at most 40 bytes; empty for none.</summary>
    public string Label { get; init; } = "";

    /// <summary>
    /// The display format as SAS writes it, e.g. <c>DATE9.</c> or <c>YYMMDD10.</c> (numeric SAS dates, days since
    /// 1960-01-01), <c>8.2</c>, <c>$CHAR20.</c>; the name at most 8 characters. Empty for none.
    /// </summary>
    public string Format { get; init; } = "";

    /// <summary>
    /// Bytes per value: 2–8 for numeric columns (default 8; shorter lengths keep the leading bytes of the IBM value,
    /// see <see cref="IbmFloat"/>), 1–200 for text (default: the longest value's encoded length, at least 1).
    /// </summary>
    public int? Length { get; init; }
}
