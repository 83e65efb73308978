using Evident.Statistics;
using Evident.Protocol;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>The analysis of one endpoint (the primary or a secondary): overall (stratified) and per stratum, with the RMST per arm.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Overall">Everyone: stratified log-rank tests and stratified Cox.</param>
/// <param name="Strata">One group per stratum (empty when not by stratum or unstratified).</param>
/// <param name="Plan">The analysis plan it follows (<c>analyses.primary</c> or an entry of <c>analyses.secondary</c>).</param>
/// <param name="Rmst">RMST per arm up to τ (overall Kaplan–Meier curves, arms with participants in protocol order), or empty without a horizon.</param>
public sealed record PrimaryResult(
    Endpoint Endpoint,
    GroupResult Overall,
    IReadOnlyList<GroupResult> Strata,
    IReadOnlyList<RestrictedMeanSurvival> Rmst,
    PrimaryAnalysis Plan)
{
    /// <summary>The first compared arm minus control (Royston–Parmar 2013), or null (refused, or no horizon): the first overall comparison's.</summary>
    public RestrictedMeanDifference? RmstDifference => Overall.Comparisons.Count > 0 ? Overall.Comparisons[0].Rmst?.Difference : null;
}
