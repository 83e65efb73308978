namespace Evident.Data.Xpt;

/// <summary>
/// One member (SAS data set) to write with <see cref="XportWriter"/>: a table and the SAS metadata that
/// <see cref="DataTable"/> does not carry. R equivalent: the data frame and attributes given to
/// <c>haven::write_xpt(data, path, version = 5, name = Name, label = Label)</c>.
/// </summary>
/// <param name="Name">The data set name: a SAS name of 1–8 letters, digits or underscores, not starting with a digit (e.g. <c>ADSL</c>).</param>
/// <param name="Table">The data. Numeric and logical columns (1/0) become numeric variables, text columns character variables.</param>
public sealed record XportDataSet(string Name, DataTable Table)
{
    /// <summary>The data set label, at most 40 bytes (e.g. <c>Subject-Level Analysis Dataset</c>); empty for none.</summary>
    public string Label { get; init; } = "";

    /// <summary>Labels, formats and lengths of some or all columns, matched by name; columns not listed get defaults.</summary>
    public IReadOnlyList<XportColumn> Columns { get; init; } = [];
}
