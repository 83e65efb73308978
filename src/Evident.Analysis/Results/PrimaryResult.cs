using Evident.Statistics;
using Evident.Protocol;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>The primary analysis: overall (stratified) and per stratum, plus the RMST difference.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Overall">Everyone: stratified log-rank and stratified Cox.</param>
/// <param name="Strata">One group per stratum (empty when not by stratum or unstratified).</param>
/// <param name="Rmst">RMST per arm up to τ (overall Kaplan–Meier curves), or empty without a horizon.</param>
/// <param name="RmstDifference">First compared arm minus control (Royston–Parmar 2013), or null.</param>
public sealed record PrimaryResult(
    Endpoint Endpoint,
    GroupResult Overall,
    IReadOnlyList<GroupResult> Strata,
    IReadOnlyList<RestrictedMeanSurvival> Rmst,
    RestrictedMeanDifference? RmstDifference);
