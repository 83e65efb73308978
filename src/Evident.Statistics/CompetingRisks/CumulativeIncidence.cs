using Evident.Statistics.Survival;

namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// Competing-risks analysis of one data set: the cumulative incidence of every cause in every group, the event-free
/// (all-cause Kaplan–Meier) survival of every group, and Gray's test per cause when there are several groups.
/// R: <c>cmprsk::cuminc(ftime, fstatus, group, strata, rho, cencode = 0)</c>. Built by <see cref="AalenJohansen.Fit"/>.
/// </summary>
/// <param name="Causes">The causes with at least one failure, ascending.</param>
/// <param name="Curves">
/// One curve per group and cause, cause-major as cmprsk lists them: all groups of the first cause, then the second, …
/// (index = causeIndex·groupCount + group).
/// </param>
/// <param name="EventFree">The all-cause Kaplan–Meier curve of each group (log-scale 95% limits), in group order.</param>
/// <param name="Tests">Gray's test per cause, in <paramref name="Causes"/> order; empty with fewer than two non-empty groups.</param>
/// <param name="Rho">The weight exponent ρ of Gray's test: weights (1 − F̂ₖ(t−))^ρ.</param>
/// <param name="StratumCount">Number of strata the tests were stratified by (1 = unstratified).</param>
public sealed record CumulativeIncidence(
    IReadOnlyList<int> Causes,
    IReadOnlyList<CumulativeIncidenceCurve> Curves,
    IReadOnlyList<KaplanMeierCurve> EventFree,
    IReadOnlyList<GrayTest> Tests,
    double Rho,
    int StratumCount)
{
    /// <summary>Number of groups (curves per cause).</summary>
    public int GroupCount => EventFree.Count;

    /// <summary>The curve of <paramref name="cause"/> in <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cause has no failures or the group code is out of range.</exception>
    public CumulativeIncidenceCurve Curve(int group, int cause)
    {
        int k = -1;
        for (int i = 0; i < Causes.Count; i++) if (Causes[i] == cause) k = i;
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(cause), cause, $"cause {cause} has no failures in these data.");
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, GroupCount);
        return Curves[k * GroupCount + group];
    }
}
