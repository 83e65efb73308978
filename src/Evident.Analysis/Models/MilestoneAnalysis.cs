using Evident.Data;
using Evident.Statistics;
using Evident.Statistics.Milestone;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Models;

/// <summary>
/// Kaplan–Meier survival per arm at a milestone time and the comparisons with a reference arm: the difference, survival
/// ratio and cumulative-hazard ratio (Greenwood variance, normal approximation), and with <c>strata()</c> the
/// per-stratum comparisons and the stratum-weighted differences (R: <c>summary(survfit(...), times = t)</c>).
/// </summary>
public static class MilestoneAnalysis
{
    /// <summary>Compares the arms of <paramref name="frame"/> (its grouping terms) at <paramref name="time"/>.</summary>
    /// <param name="frame">The model frame; its groups are the arms (at least two), its strata (if any) the strata.</param>
    /// <param name="reference">The reference arm's group code.</param>
    /// <param name="time">The milestone time t ≥ 0, in the time column's units.</param>
    /// <param name="type">Scale of each arm's pointwise interval.</param>
    /// <param name="level">Confidence level, in (0, 1).</param>
    /// <exception cref="ArgumentException">Fewer than two arms, or <paramref name="reference"/> is not an arm.</exception>
    public static MilestoneResult Compare(ModelFrame frame, int reference, double time, ConfidenceType type, double level)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int arms = frame.GroupCount;
        if (arms < 2) throw new ArgumentException($"milestone comparisons need at least two arms; the frame has {arms}.", nameof(frame));
        ArgumentOutOfRangeException.ThrowIfNegative(reference);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reference, arms);

        var curves = KaplanMeier.FitGroups(frame.Time, frame.Event, frame.Group, arms, type, level);
        var overall = curves.Select(c => MilestoneSurvival.Estimate(c, time)).ToArray();
        var comparisons = new List<MilestoneComparison>();
        for (int g = 0; g < arms; g++)
            if (g != reference) comparisons.Add(MilestoneSurvival.Compare(curves[g], curves[reference], time, level));

        MilestoneStrata? strata = null;
        if (frame.StratumCount > 1)
        {
            // One curve per (arm, stratum) cell, coded arm·S + stratum.
            int s = frame.StratumCount;
            var cell = new int[frame.RowCount];
            ReadOnlySpan<int> group = frame.Group, stratum = frame.Stratum;
            for (int i = 0; i < cell.Length; i++) cell[i] = group[i] * s + stratum[i];
            var cellCurves = KaplanMeier.FitGroups(frame.Time, frame.Event, cell, arms * s, type, level);
            strata = MilestoneStrata.Build(cellCurves, arms, s, reference, time, level);
        }
        return new MilestoneResult(Array.AsReadOnly(overall), comparisons.AsReadOnly(), strata);
    }
}
