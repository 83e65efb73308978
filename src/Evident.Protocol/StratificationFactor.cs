namespace Evident.Protocol;

/// <summary>
/// A stratification factor and its levels (YAML <c>strata[]</c>), e.g. <c>risk</c> with levels <c>SR-average</c>,
/// <c>SR-high</c>. Randomization is balanced within each combination of levels; the primary analysis is stratified by it.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>risk</c>.</param>
/// <param name="Label">Label for tables; defaults to the id.</param>
/// <param name="Levels">The levels (at least one, distinct), in display order.</param>
public sealed record StratificationFactor(string Id, string Label, IReadOnlyList<string> Levels);
