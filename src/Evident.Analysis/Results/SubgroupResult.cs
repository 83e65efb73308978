using Evident.Analysis.Models;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Analysis.Results;

/// <summary>A compared arm against control within one level of a factor or covariate.</summary>
/// <param name="ArmId">The compared (experimental) arm.</param>
/// <param name="Factor">Factor or covariate id.</param>
/// <param name="FactorLabel">Its label.</param>
/// <param name="Level">The level.</param>
/// <param name="N">Participants of the level in the two arms.</param>
/// <param name="Events">Their events.</param>
/// <param name="HazardRatio">Cox hazard ratio, stratified by the other primary strata; NaN fields (null in results.json) unless <paramref name="Status"/> is estimated.</param>
/// <param name="Status">Whether the data allowed the hazard ratio, and if not, why (no participants, no events, one arm only).</param>
/// <param name="Interaction">
/// The likelihood-ratio test of arm × this factor in one Cox model on the two arms' participants with a known level
/// (R <c>anova(coxph(Surv ~ arm * by + strata(others)))</c>), the same on every level of the factor; null when not estimable.
/// </param>
/// <param name="Missing">Participants of the two arms left out of every level of this factor for a missing value.</param>
public sealed record SubgroupResult(string ArmId, string Factor, string FactorLabel, string Level, int N, int Events, CoxCoefficient HazardRatio, EstimateStatus Status,
                                    int Missing, ChiSquareTest? Interaction);
