using Evident.Analysis.Models;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>
/// The primary analysis within one group (a stratum, or everyone): arms, hazard ratios and log-rank test. For the
/// overall group the test and the hazard ratios are stratified by the primary strata.
/// </summary>
/// <param name="Label">Stratum label (levels joined by " / "), or "Overall".</param>
/// <param name="Arms">Every arm, in protocol order.</param>
/// <param name="Comparisons">One per compared arm.</param>
/// <param name="LogRank">Log-rank test over the arms (R <c>survdiff</c>), or null unless <paramref name="LogRankStatus"/> is estimated.</param>
/// <param name="LogRankStatus">Whether the data allowed the log-rank test, and if not, why (no participants, or one arm only).</param>
public sealed record GroupResult(string Label, IReadOnlyList<ArmSummary> Arms, IReadOnlyList<ArmComparison> Comparisons, LogRankTest? LogRank,
                                 EstimateStatus LogRankStatus);
