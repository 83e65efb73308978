using Evident.Design.Simulation;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Protocol;

/// <summary>
/// The primary analysis (YAML <c>analyses.primary</c>): stratified log-rank test (<c>survival::survdiff(… + strata())</c>),
/// stratified Cox hazard ratio (<c>coxph(… + strata())</c>), Kaplan–Meier survival at the endpoint's milestone per arm in
/// each stratum (<c>survfit</c>), and the RMST difference at the endpoint's horizon (Royston–Parmar 2013).
/// </summary>
/// <param name="Endpoint">A first-event endpoint id.</param>
/// <param name="Compare">Experimental arms compared with the control, in order; default every non-control arm.</param>
/// <param name="StratifyBy">Factors the test and the hazard ratio are stratified by; default all; empty = unstratified.</param>
/// <param name="ByStratum">Whether to repeat the analysis within each level of each <paramref name="StratifyBy"/> factor; default true.</param>
/// <param name="Ties">Tie handling of the Cox model; default Efron (R's default).</param>
/// <param name="ConfidenceLevel">Level of every confidence interval, 0 &lt; level &lt; 1; default 0.95.</param>
/// <param name="ConfidenceType">Scale of the Kaplan–Meier intervals (R <c>conf.type</c>); default log (R's default).</param>
/// <param name="HazardRatioModel">Joint (one Cox model over every arm; the default) or pairwise (one per comparison on its two arms).</param>
public sealed record PrimaryAnalysis(
    string Endpoint,
    IReadOnlyList<string> Compare,
    IReadOnlyList<string> StratifyBy,
    bool ByStratum,
    TieMethod Ties,
    double ConfidenceLevel,
    ConfidenceType ConfidenceType,
    HazardRatioModel HazardRatioModel = HazardRatioModel.Joint)
{
    /// <summary>
    /// The pre-specified primary test of each comparison (YAML <c>test</c>): <c>logrank</c> (the default), <c>fh(ρ,γ)</c>,
    /// <c>maxcombo(ρ,γ;ρ,γ;…)</c> or <c>rmst(τ)</c>, the text form <see cref="SimulationTest.Parse"/> reads; the same
    /// test <c>evident simulate --protocol</c> analyses its simulated trials with.
    /// </summary>
    public SimulationTest Test { get; init; } = SimulationTest.LogRank;
}
