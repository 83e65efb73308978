namespace Evident.Protocol;

/// <summary>
/// Subgroup hazard ratios for the forest plot (YAML <c>analyses.subgroups</c>): the primary comparison repeated within
/// each level of each factor or covariate.
/// </summary>
/// <param name="Endpoint">A first-event endpoint id; default the primary endpoint.</param>
/// <param name="By">Stratification factor or covariate ids, at least one.</param>
public sealed record SubgroupAnalysis(string Endpoint, IReadOnlyList<string> By);
