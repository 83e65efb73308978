namespace Evident.Statistics.Survival;

/// <summary>One group's line of a G-rho test: R's <c>survdiff</c> columns <c>N</c>, <c>Observed</c>, <c>Expected</c>.</summary>
/// <param name="N">Number of observations in the group (all strata).</param>
/// <param name="Observed">
/// Weighted observed events Σ w(t)·d_g(t), summed over strata; the plain event count when ρ = 0 (R: <c>obs</c>,
/// row-summed over strata).
/// </param>
/// <param name="Expected">
/// Weighted expected events Σ w(t)·d(t)·n_g(t)/n(t) under the null of equal hazards, summed over strata (R: <c>exp</c>).
/// </param>
/// <param name="Variance">The group's diagonal entry of the variance matrix of Observed − Expected (R: <c>diag(var)</c>).</param>
public sealed record LogRankGroup(int N, double Observed, double Expected, double Variance);
