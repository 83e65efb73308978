namespace Evident.Protocol;

/// <summary>
/// A baseline characteristic that is not a stratification factor (YAML <c>covariates[]</c>), e.g. sex or age group;
/// subgroup analyses may be defined by it.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>sex</c>.</param>
/// <param name="Label">Label for tables; defaults to the id.</param>
/// <param name="Levels">Expected levels in display order; empty when the data decide.</param>
public sealed record Covariate(string Id, string Label, IReadOnlyList<string> Levels);
