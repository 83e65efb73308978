using System.Runtime.CompilerServices;
using Evident.Statistics.Internal;
using Evident.Statistics.Survival;

namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// Aalen–Johansen (1978) cumulative incidence for competing risks with cmprsk's variance, and Gray's (1988) K-sample
/// test per cause. Equivalent to R's <c>cmprsk::cuminc(ftime, fstatus, group, strata, rho, cencode = 0)</c> read with
/// <c>timepoints()</c>.
/// </summary>
/// <remarks>
/// Contract: <c>time[i]</c> finite and ≥ 0, any order; <c>cause[i]</c> = 0 for a censored row, k ≥ 1 for a failure from
/// cause k (any positive codes; a cause is reported when it has at least one failure). Groups are coded
/// 0..groupCount−1 (empty span = one group); strata 0..stratumCount−1 (empty = unstratified) stratify only Gray's test,
/// as in cmprsk. Cost: one sort by group and time through the shared risk-set machinery, then O(n + D·K) for the
/// curves; the tests cost one more sort by stratum and O(K·(n + D·g²)).
/// </remarks>
public static class AalenJohansen
{
    /// <summary>Estimates the cumulative incidence of every cause in every group and tests their equality.</summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="cause">0 = censored, k ≥ 1 = failure from cause k.</param>
    /// <param name="group">Group codes 0..groupCount−1; empty = one group.</param>
    /// <param name="groupCount">Number of groups, ≥ 1 (ignored when <paramref name="group"/> is empty).</param>
    /// <param name="stratum">Stratum codes 0..stratumCount−1 for Gray's test; empty = unstratified.</param>
    /// <param name="stratumCount">Number of strata, ≥ 1 (ignored when <paramref name="stratum"/> is empty).</param>
    /// <param name="rho">Gray's weight exponent ρ, finite (R: <c>rho</c>, default 0).</param>
    /// <exception cref="ArgumentException">Empty input, lengths differ, or no failures at all (every row censored).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is NaN, infinite or negative; a cause is negative; a code is out of range; ρ not finite.</exception>
    public static CumulativeIncidence Fit(ReadOnlySpan<double> time, ReadOnlySpan<int> cause, ReadOnlySpan<int> group, int groupCount,
                                          ReadOnlySpan<int> stratum, int stratumCount, double rho = 0)
    {
        Preconditions.CheckNotEmpty(time.Length, nameof(time));
        Preconditions.CheckSameLength(time.Length, cause.Length, nameof(cause));
        Preconditions.CheckTimes(time, nameof(time));
        Preconditions.CheckFinite(rho, nameof(rho));
        if (group.IsEmpty) groupCount = 1;
        else
        {
            Preconditions.CheckSameLength(time.Length, group.Length, nameof(group));
            SurvivalChecks.CheckCodes(group, groupCount, nameof(group));
        }
        if (stratum.IsEmpty) stratumCount = 1;
        else
        {
            Preconditions.CheckSameLength(time.Length, stratum.Length, nameof(stratum));
            SurvivalChecks.CheckCodes(stratum, stratumCount, nameof(stratum));
        }
        int[] causes = CauseCodes.Present(cause, nameof(cause));
        if (causes.Length == 0)
            throw new ArgumentException("cumulative incidence needs at least one failure: every row is censored (cause 0).", nameof(cause));

        int n = time.Length, k = causes.Length;
        var isEvent = new bool[n];
        var label = new int[n];
        for (int i = 0; i < n; i++)
        {
            isEvent[i] = cause[i] != 0;
            label[i] = CauseCodes.IndexOf(causes, cause[i]);
        }

        var sorted = SurvivalOrder.Sort(time, isEvent, label, group, groupCount);
        var curves = new CumulativeIncidenceCurve[k * groupCount];
        var eventFree = new KaplanMeierCurve[groupCount];
        double z = NormalTail.CriticalValue(0.95);
        for (int g = 0; g < groupCount; g++)
        {
            var times = sorted.TimesOf(g);
            var codes = sorted.CodesOf(g);
            var table = RiskSetTable.FromSorted(times, codes);
            eventFree[g] = new KaplanMeierCurve(table, ConfidenceType.Log, 0.95, z);
            var (perCause, eventCounts) = Incidence(table, codes, k);
            double last = times.IsEmpty ? double.NaN : times[^1];
            for (int c = 0; c < k; c++)
            {
                var (t, f, v) = perCause[c];
                curves[c * groupCount + g] = new CumulativeIncidenceCurve(g, causes[c], times.Length, eventCounts[c], last, t, f, v);
            }
        }

        var tests = GrayScore.Tests(time, label, causes, group, groupCount, stratum, stratumCount, rho);
        return new CumulativeIncidence(Array.AsReadOnly(causes), Array.AsReadOnly(curves), Array.AsReadOnly(eventFree),
                                       tests, rho, stratumCount);
    }

    /// <summary>
    /// Gray's <c>cinc</c> for all causes of one group in one pass over its risk-set table. Precondition: the codes
    /// are the group's rows in the table's time order, label = cause index (0 = censored).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ((double[] Time, double[] Estimate, double[] Variance)[] Curves, int[] Events) Incidence(RiskSetTable table, ReadOnlySpan<int> codes, int k)
    {
        var tableTime = table.TimeSpan;
        var atRisk = table.AtRiskSpan;
        var events = table.EventsSpan;
        var censored = table.CensoredSpan;

        var jumps = new int[k];
        var eventCounts = new int[k];
        var counts = new int[k + 1];
        int row = 0;
        for (int r = 0; r < tableTime.Length; r++)
        {
            int width = events[r] + censored[r];
            if (events[r] > 0)
            {
                Array.Clear(counts);
                for (int j = row; j < row + width; j++) counts[SurvivalOrder.Label(codes[j])]++;
                for (int c = 0; c < k; c++)
                {
                    if (counts[c + 1] > 0) jumps[c]++;
                    eventCounts[c] += counts[c + 1];
                }
            }
            row += width;
        }

        var result = new (double[] Time, double[] Estimate, double[] Variance)[k];
        for (int c = 0; c < k; c++) result[c] = (new double[jumps[c]], new double[jumps[c]], new double[jumps[c]]);
        var f = new double[k];
        var v1 = new double[k];
        var v2 = new double[k];
        var v3 = new double[k];
        Array.Clear(jumps);

        double fk = 1.0; // all-cause Ŝ(t−)
        row = 0;
        for (int r = 0; r < tableTime.Length; r++)
        {
            int nd = events[r], width = nd + censored[r];
            if (nd > 0)
            {
                Array.Clear(counts);
                for (int j = row; j < row + width; j++) counts[SurvivalOrder.Label(codes[j])]++;
                double rs = atRisk[r];
                double fkn = fk * (rs - nd) / rs;
                for (int c = 0; c < k; c++)
                {
                    int nd1 = counts[c + 1], nd2 = nd - nd1;
                    if (nd1 > 0) f[c] += fk * nd1 / rs;
                    if (nd2 > 0 && fkn > 0)
                    {
                        double t5 = nd2 > 1 ? 1 - (nd2 - 1.0) / (rs - 1.0) : 1.0;
                        double t6 = fk * fk * t5 * nd2 / (rs * rs);
                        double t3 = 1.0 / fkn, t4 = f[c] / fkn;
                        v1[c] += t4 * t4 * t6;
                        v2[c] += t3 * t4 * t6;
                        v3[c] += t3 * t3 * t6;
                    }
                    if (nd1 > 0)
                    {
                        double t5 = nd1 > 1 ? 1 - (nd1 - 1.0) / (rs - 1.0) : 1.0;
                        double t6 = fk * fk * t5 * nd1 / (rs * rs);
                        double t3 = fkn > 0 ? 1.0 / fkn : 0.0;
                        double t4 = 1 + t3 * f[c];
                        v1[c] += t4 * t4 * t6;
                        v2[c] += t3 * t4 * t6;
                        v3[c] += t3 * t3 * t6;
                        var (time, estimate, variance) = result[c];
                        int at = jumps[c]++;
                        time[at] = tableTime[r];
                        estimate[at] = f[c];
                        variance[at] = v1[c] + f[c] * f[c] * v3[c] - 2 * f[c] * v2[c];
                    }
                }
                fk = fkn;
            }
            row += width;
        }
        return (result, eventCounts);
    }
}
