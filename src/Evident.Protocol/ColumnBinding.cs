namespace Evident.Protocol;

/// <summary>
/// The data column that holds a categorical concept (the arm, a stratification factor or a covariate), with an optional
/// recoding of data values to the protocol's ids or levels. YAML: either just the column name, or
/// <c>{column: TRT01P, values: {chemotherapy: "Chemotherapy", …}}</c>.
/// </summary>
/// <param name="Concept">What the column holds: <c>arm</c>, or the factor or covariate id.</param>
/// <param name="Column">Column name, matched exactly.</param>
/// <param name="Values">
/// Recoding, protocol code → data value; empty means the data already use the protocol's ids/levels.
/// </param>
public sealed record ColumnBinding(string Concept, string Column, IReadOnlyList<ValueCode> Values)
{
    /// <summary>The protocol code for a data value: the recoding when given, else the value itself.</summary>
    /// <param name="dataValue">A value read from <see cref="Column"/>.</param>
    /// <returns>The arm id or level, or null when the recoding does not list the value.</returns>
    public string? CodeOf(string dataValue)
    {
        if (Values.Count == 0) return dataValue;
        foreach (var v in Values)
            if (string.Equals(v.DataValue, dataValue, StringComparison.Ordinal)) return v.Code;
        return null;
    }
}
