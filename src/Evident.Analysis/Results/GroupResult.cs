using Evident.Analysis.Models;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>
/// The analysis of one endpoint within one group (a stratum, or everyone): arms, one comparison per compared arm, and
/// the global log-rank test over every arm. For the overall group the tests and the hazard ratios are stratified by
/// the analysis's strata.
/// </summary>
/// <param name="Label">Stratum label (levels joined by " / "), or "Overall".</param>
/// <param name="Arms">Every arm, in protocol order.</param>
/// <param name="Comparisons">One per compared arm, each with its own hazard ratio, log-rank test and RMST difference.</param>
/// <param name="LogRank">
/// The global log-rank test over every arm (R <c>survdiff</c> on all arms, k − 1 df), or null unless
/// <paramref name="LogRankStatus"/> is estimated. With two arms it is the one comparison's test.
/// </param>
/// <param name="LogRankStatus">Whether the data allowed the global log-rank test, and if not, why (no participants, or one arm only).</param>
public sealed record GroupResult(string Label, IReadOnlyList<ArmSummary> Arms, IReadOnlyList<ArmComparison> Comparisons, LogRankTest? LogRank,
                                 EstimateStatus LogRankStatus);
