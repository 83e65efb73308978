using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Results;

/// <summary>One cause of a competing-risks endpoint: per-arm incidence at the milestone and Gray's test.</summary>
/// <param name="CauseId">The cause id.</param>
/// <param name="Label">Its label.</param>
/// <param name="Arms">Per arm (protocol order): events of this cause and the cumulative incidence at the milestone.</param>
/// <param name="GrayTest">Gray's (1988) test of equal incidence across all the arms, or null.</param>
/// <param name="Comparisons">
/// Per experimental arm of the primary analysis's <c>compare</c> (in that order), Gray's test of that arm against the
/// control on the two arms' participants.
/// </param>
public sealed record CauseResult(string CauseId, string Label, IReadOnlyList<CauseArm> Arms, GrayTest? GrayTest, IReadOnlyList<CauseComparison> Comparisons);
