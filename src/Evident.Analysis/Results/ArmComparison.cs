using Evident.Analysis.Models;
using Evident.Statistics;
using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>
/// An experimental arm against the control: the Cox hazard ratio (experimental/control) with its Wald interval and p
/// from the analysis's hazard-ratio model, the log-rank test on the two arms' participants and the RMST difference.
/// </summary>
/// <param name="ArmId">The experimental arm.</param>
/// <param name="HazardRatio">The Cox term (R <c>summary(coxph(...))</c>); NaN fields (null in results.json) unless <paramref name="Status"/> is estimated.</param>
/// <param name="Status">Whether the data allowed the hazard ratio, and if not, why (no participants, no events, one arm only).</param>
/// <param name="LogRank">
/// The log-rank test of this arm against the control on those two arms' participants only, stratified as the group's
/// hazard ratio is (R <c>survdiff(Surv ~ arm + strata(…), subset = arm %in% c(control, a))</c>); null unless
/// <paramref name="LogRankStatus"/> is estimated.
/// </param>
/// <param name="LogRankStatus">Whether the data allowed the test, and if not, why.</param>
/// <param name="Rmst">RMST of this arm minus the control's at the endpoint's horizon, or its refusal; null without a horizon or when an arm has no participant.</param>
/// <param name="PrimaryTest">The analysis plan's primary test (<c>analyses.primary.test</c>; the log-rank test by default).</param>
public sealed record ArmComparison(string ArmId, CoxCoefficient HazardRatio, EstimateStatus Status, LogRankTest? LogRank,
                                   EstimateStatus LogRankStatus, RmstComparison? Rmst, PrimaryTestResult PrimaryTest);
