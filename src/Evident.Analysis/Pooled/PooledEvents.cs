namespace Evident.Analysis.Pooled;

/// <summary>The participants and events of one endpoint over all arms, overall and per stratum of its analysis.</summary>
/// <param name="EndpointId">The endpoint's id.</param>
/// <param name="Label">The endpoint's label.</param>
/// <param name="Overall">Everyone analysed.</param>
/// <param name="Strata">One count per stratum of the analysis (empty when unstratified).</param>
public sealed record PooledEvents(string EndpointId, string Label, PooledCount Overall, IReadOnlyList<PooledCount> Strata);
