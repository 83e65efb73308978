using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Results;

/// <summary>One cause of a competing-risks endpoint: per-arm incidence at the milestone and Gray's test.</summary>
/// <param name="CauseId">The cause id.</param>
/// <param name="Label">Its label.</param>
/// <param name="Arms">Per arm (protocol order): events of this cause and the cumulative incidence at the milestone.</param>
/// <param name="GrayTest">Gray's (1988) test of equal incidence across arms, or null.</param>
public sealed record CauseResult(string CauseId, string Label, IReadOnlyList<CauseArm> Arms, GrayTest? GrayTest);
