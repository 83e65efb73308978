using Evident.Statistics;
using Evident.Statistics.Milestone;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Models;

/// <summary>
/// The per-stratum milestone results of a model frame with <c>strata(s)</c> (<see cref="MilestoneAnalysis"/>): each stratum's arms and comparisons
/// with the reference arm, and per compared arm the inverse-variance and sample-size weighted differences.
/// </summary>
/// <param name="Arms">Per stratum, per arm code: the estimate, or null when the arm has no participants in the stratum.</param>
/// <param name="Comparisons">Per stratum, per compared arm (in arm order, reference skipped): the comparison, or null when either arm is absent from the stratum.</param>
/// <param name="Weighted">Per compared arm: the stratified differences, inverse-variance first, then sample-size.</param>
public sealed record MilestoneStrata(IReadOnlyList<IReadOnlyList<MilestoneEstimate?>> Arms,
                                     IReadOnlyList<IReadOnlyList<MilestoneComparison?>> Comparisons,
                                     IReadOnlyList<IReadOnlyList<StratifiedMilestoneDifference>> Weighted)
{
    /// <summary>Reads the per-cell curves (code = arm·strata + stratum) at <paramref name="time"/>.</summary>
    public static MilestoneStrata Build(IReadOnlyList<KaplanMeierCurve> cells, int arms, int strata, int reference, double time, double level)
    {
        var estimates = new IReadOnlyList<MilestoneEstimate?>[strata];
        var comparisons = new IReadOnlyList<MilestoneComparison?>[strata];
        var all = new List<MilestoneComparison>[arms];
        for (int g = 0; g < arms; g++) all[g] = [];
        for (int k = 0; k < strata; k++)
        {
            var row = new MilestoneEstimate?[arms];
            var compared = new List<MilestoneComparison?>();
            var referenceCurve = cells[reference * strata + k];
            for (int g = 0; g < arms; g++)
            {
                var curve = cells[g * strata + k];
                if (curve.N > 0) row[g] = MilestoneSurvival.Estimate(curve, time);
                if (g == reference) continue;
                var comparison = MilestoneSurvival.Compare(curve, referenceCurve, time, level);
                all[g].Add(comparison);
                compared.Add(curve.N > 0 && referenceCurve.N > 0 ? comparison : null);
            }
            estimates[k] = row;
            comparisons[k] = compared;
        }
        var weighted = new List<IReadOnlyList<StratifiedMilestoneDifference>>();
        for (int g = 0; g < arms; g++)
        {
            if (g == reference) continue;
            weighted.Add([MilestoneSurvival.StratifiedDifference(all[g], MilestoneWeighting.InverseVariance, level),
                          MilestoneSurvival.StratifiedDifference(all[g], MilestoneWeighting.SampleSize, level)]);
        }
        return new MilestoneStrata(estimates, comparisons, weighted);
    }
}
