using Evident.Statistics.Milestone;

namespace Evident.Analysis.Models;

/// <summary>Milestone survival per arm and the comparisons with the reference arm (<see cref="MilestoneAnalysis"/>).</summary>
/// <param name="Arms">Per arm code: survival at the milestone with its interval.</param>
/// <param name="Comparisons">Per compared arm (arm order, reference skipped): difference and ratios against the reference.</param>
/// <param name="Strata">With <c>strata()</c>: the per-stratum results and the stratum-weighted differences; otherwise null.</param>
public sealed record MilestoneResult(IReadOnlyList<MilestoneEstimate> Arms, IReadOnlyList<MilestoneComparison> Comparisons, MilestoneStrata? Strata);
