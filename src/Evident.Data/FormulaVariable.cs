namespace Evident.Data;

/// <summary>
/// One variable of a formula term: a column, entered as a factor when written <c>factor(col)</c>
/// (or when the column holds text or logical values).
/// </summary>
/// <param name="Column">The column name.</param>
/// <param name="ForceFactor">True when written <c>factor(col)</c> (or <c>as.factor(col)</c>).</param>
public sealed record FormulaVariable(string Column, bool ForceFactor)
{
    /// <summary>The variable as R would print it: <c>age</c> or <c>factor(celltype)</c>.</summary>
    public override string ToString() => ForceFactor ? $"factor({Column})" : Column;
}
