namespace Evident.Protocol.Synthetic;

/// <summary>The mix of one covariate's levels in a synthetic trial (YAML <c>covariates.&lt;id&gt;</c>).</summary>
/// <param name="Covariate">The protocol's covariate id.</param>
/// <param name="Levels">The levels, in protocol order.</param>
/// <param name="Probabilities">Probability of each level, summing to 1.</param>
public sealed record ScenarioCovariate(string Covariate, IReadOnlyList<string> Levels, IReadOnlyList<double> Probabilities);
