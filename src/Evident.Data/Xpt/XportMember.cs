namespace Evident.Data.Xpt;

/// <summary>
/// One member (SAS data set) of an XPORT transport file: its descriptor records and namestr records (SAS TS-140).
/// R equivalent: one element of <c>foreign::lookup.xport(path)</c>.
/// </summary>
/// <param name="Name">The data set name (1–8 characters), e.g. <c>ADSL</c>.</param>
/// <param name="Label">The data set label (up to 40 characters), empty when none.</param>
/// <param name="DataSetType">The data set type field (up to 8 characters), usually empty.</param>
/// <param name="SasVersion">The SAS release that wrote the member, e.g. <c>9.4</c>.</param>
/// <param name="OperatingSystem">The operating system field, e.g. <c>X64_7PRO</c>.</param>
/// <param name="Created">When the data set was created (header text <c>ddMMMyy:hh:mm:ss</c>; two-digit years 60–99 are 19xx, 00–59 20xx), or null when the field cannot be read.</param>
/// <param name="Modified">When the data set was last modified, or null.</param>
/// <param name="Variables">The variables in file order.</param>
/// <param name="RowCount">The number of observations (XPORT v5 does not store it: the data length divided by the row length, less trailing all-blank rows in the last record's padding).</param>
public sealed record XportMember(
    string Name,
    string Label,
    string DataSetType,
    string SasVersion,
    string OperatingSystem,
    DateTime? Created,
    DateTime? Modified,
    IReadOnlyList<XportVariable> Variables,
    int RowCount);
