namespace Evident.Data;

/// <summary>
/// One column of the design matrix of a <see cref="ModelFrame"/>.
/// </summary>
/// <param name="Term">The term's name: the column (<c>age</c>, <c>celltype</c> for <c>factor(celltype)</c>) or the interaction (<c>sex:age</c>).</param>
/// <param name="Level">
/// The factor level this dummy column indicates (<c>Nonmaintained</c>), <c>l1:l2</c> for a factor×factor interaction,
/// the factor's level alone for a factor×numeric interaction; null for a numeric column.
/// </param>
/// <param name="TermIndex">Index of the term in <see cref="ModelFrame.TermNames"/>.</param>
public sealed record DesignColumn(string Term, string? Level, int TermIndex);
