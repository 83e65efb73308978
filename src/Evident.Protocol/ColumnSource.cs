namespace Evident.Protocol;

/// <summary>
/// One data column the protocol names, with where it is named: the readers use it to report a column the data lack as
/// <c>protocol.yaml, line 108, key 'data.simple.arm': column 'armcol' is not in participants.csv; its columns are: …</c>.
/// </summary>
/// <param name="Table">The table the column belongs to.</param>
/// <param name="Column">The column name, matched exactly.</param>
/// <param name="Location">
/// The value that names it; for a default (e.g. ADaM <c>USUBJID</c>) the mapping that omits the key, with the key's path.
/// </param>
/// <param name="IsDefault">True when the column is a default rather than written in the file.</param>
public sealed record ColumnSource(DataTableRole Table, string Column, SourceLocation Location, bool IsDefault);
