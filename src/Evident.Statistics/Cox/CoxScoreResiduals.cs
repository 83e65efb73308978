namespace Evident.Statistics.Cox;

/// <summary>
/// Score (Schoenfeld-type martingale) residuals of a Cox model, summed within clusters after multiplying by the
/// case weight — R's <c>residuals(fit, type = "score", collapse = cluster, weighted = TRUE)</c>
/// (<c>coxscore2.c</c>), computed in O((n + d)·p) with cumulative hazard sums instead of its O(n²) loop.
/// <para>
/// For row i with risk r_i = e^{η_i}, at each death time t_j ≤ t_i with hazard increment h_j and risk-set mean x̄_j:
/// L_i = δ_i (x_i − m̄(t_i)) − r_i Σ_j h_j (x_i − x̄_j). Under Efron a death tied at t_i takes part in the
/// k-th of the d sub-steps with weight (1 − k/d), and m̄ is the average of the d sub-step means.
/// </para>
/// </summary>
internal static class CoxScoreResiduals
{
    /// <param name="design">The sorted design.</param>
    /// <param name="efron">Efron (true) or Breslow tie handling.</param>
    /// <param name="eta">Linear predictor per sorted row.</param>
    /// <param name="clusterOfSorted">Cluster index 0..G−1 per sorted row.</param>
    /// <param name="clusterCount">G.</param>
    /// <returns>G×p row-major weighted residual sums, in the design's (scaled) covariate units.</returns>
    public static double[] ClusterSums(CoxDesign design, bool efron, ReadOnlySpan<double> eta,
                                       ReadOnlySpan<int> clusterOfSorted, int clusterCount)
    {
        int p = design.P;
        double[] x = design.X, time = design.Time, weight = design.Weight;
        bool[] isEvent = design.IsEvent;
        var result = new double[clusterCount * p];

        // Per death time: H = Σ_k h_k, HX = Σ_k h_k x̄_k; the tied deaths' own Hd = Σ_k (1−k/d) h_k,
        // HXd = Σ_k (1−k/d) h_k x̄_k; and m̄ = Σ_k x̄_k / d.
        var groupLo = new List<int>();
        var groupHi = new List<int>();
        var H = new List<double>();
        var Hd = new List<double>();
        var vecs = new List<double>(); // per death group: HX, HXd, M (3p)
        Span<double> a = new double[p], a2 = new double[p], mean = new double[p];
        Span<double> chx = new double[p], resid = new double[p];

        for (int s = 0; s < design.StratumCount; s++)
        {
            int first = design.StratumStart[s], last = design.StratumStart[s + 1] - 1;
            groupLo.Clear(); groupHi.Clear(); H.Clear(); Hd.Clear(); vecs.Clear();
            double denom = 0;
            int leaving = last;
            a.Clear();
            for (int person = last; person >= first;)
            {
                int hi = person;
                double dtime = time[person];
                double deaths = 0, eDenom = 0, meanWt = 0;
                a2.Clear();
                // Counting process (agscore3.c): rows whose interval starts at or after this time have left the risk set.
                for (int next = design.Leaving(s, dtime, leaving); leaving > next; leaving--)
                {
                    int k = design.EntryOrder![leaving];
                    double risk = Math.Exp(eta[k]) * weight[k];
                    denom -= risk;
                    for (int j = 0; j < p; j++) a[j] -= risk * x[k * p + j];
                }
                for (; person >= first && time[person] == dtime; person--)
                {
                    double risk = Math.Exp(eta[person]) * weight[person];
                    denom += risk;
                    int o = person * p;
                    for (int j = 0; j < p; j++) a[j] += risk * x[o + j];
                    if (isEvent[person])
                    {
                        deaths++; eDenom += risk; meanWt += weight[person];
                        for (int j = 0; j < p; j++) a2[j] += risk * x[o + j];
                    }
                }
                groupLo.Add(person + 1); groupHi.Add(hi);
                int baseIdx = vecs.Count;
                for (int j = 0; j < 3 * p; j++) vecs.Add(0);
                if (deaths == 0) { H.Add(0); Hd.Add(0); continue; }
                double h = 0, hd = 0;
                int steps = efron && deaths >= 2 ? (int)deaths : 1;
                double wt = meanWt / steps;
                for (int k = 0; k < steps; k++)
                {
                    double down = (double)k / steps;
                    double den = denom - down * eDenom;
                    double hk = wt / den;
                    h += hk; hd += hk * (1 - down);
                    for (int j = 0; j < p; j++)
                    {
                        double m = (a[j] - down * a2[j]) / den;
                        vecs[baseIdx + j] += hk * m;
                        vecs[baseIdx + p + j] += hk * (1 - down) * m;
                        vecs[baseIdx + 2 * p + j] += m / steps;
                    }
                }
                H.Add(h); Hd.Add(hd);
            }

            // Forward in time: cumulative hazard sums over strictly earlier death times (for counting-process data,
            // less those up to the row's entry, found among the groups already passed since entry < stop).
            double ch = 0;
            chx.Clear();
            var passedTime = new List<double>();
            var passedH = new List<double>();
            var passedHX = new List<double>();
            for (int gi = groupLo.Count - 1; gi >= 0; gi--)
            {
                int baseIdx = gi * 3 * p;
                bool deathTime = H[gi] > 0;
                for (int k = groupLo[gi]; k <= groupHi[gi]; k++)
                {
                    double r = Math.Exp(eta[k]);
                    int o = k * p;
                    int e = design.Entry is null ? -1 : LastAtOrBefore(passedTime, design.Entry[k]);
                    double chEntry = e < 0 ? 0 : passedH[e];
                    for (int j = 0; j < p; j++)
                        resid[j] = -r * (x[o + j] * (ch - chEntry) - (chx[j] - (e < 0 ? 0 : passedHX[e * p + j])));
                    if (deathTime)
                    {
                        if (isEvent[k])
                            for (int j = 0; j < p; j++)
                                resid[j] += x[o + j] - vecs[baseIdx + 2 * p + j] - r * (x[o + j] * Hd[gi] - vecs[baseIdx + p + j]);
                        else
                            for (int j = 0; j < p; j++)
                                resid[j] -= r * (x[o + j] * H[gi] - vecs[baseIdx + j]);
                    }
                    int dst = clusterOfSorted[k] * p;
                    double w = weight[k];
                    for (int j = 0; j < p; j++) result[dst + j] += w * resid[j];
                }
                ch += H[gi];
                for (int j = 0; j < p; j++) chx[j] += vecs[baseIdx + j];
                if (design.Entry is not null)
                {
                    passedTime.Add(time[groupLo[gi]]);
                    passedH.Add(ch);
                    for (int j = 0; j < p; j++) passedHX.Add(chx[j]);
                }
            }
        }
        return result;
    }

    /// <summary>The last index of ascending <paramref name="times"/> with a value ≤ <paramref name="t"/>, or −1.</summary>
    private static int LastAtOrBefore(List<double> times, double t)
    {
        int lo = 0, hi = times.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo - 1;
    }
}
