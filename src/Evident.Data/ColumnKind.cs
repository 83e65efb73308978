namespace Evident.Data;

/// <summary>
/// The type a <see cref="DataColumn"/> was inferred to have, following R's <c>type.convert</c> as used by
/// <c>read.csv</c>: a column is <see cref="Numeric"/> when every non-missing value parses as a number,
/// <see cref="Logical"/> when every non-missing value is <c>TRUE</c>/<c>FALSE</c> (or <c>T</c>/<c>F</c>,
/// <c>true</c>/<c>false</c>, <c>True</c>/<c>False</c>), and <see cref="Text"/> otherwise.
/// </summary>
public enum ColumnKind
{
    /// <summary>Double-precision numbers; <see cref="double.NaN"/> marks a missing value. R: <c>numeric</c>.</summary>
    Numeric,

    /// <summary>TRUE/FALSE stored as 1/0 in <see cref="DataColumn.Numbers"/>; NaN marks a missing value. R: <c>logical</c>.</summary>
    Logical,

    /// <summary>Dictionary-encoded strings (<see cref="DataColumn.Codes"/>, <see cref="DataColumn.Dictionary"/>); code −1 marks a missing value. R: <c>character</c>.</summary>
    Text,
}
