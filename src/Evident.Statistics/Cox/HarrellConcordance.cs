namespace Evident.Statistics;

/// <summary>
/// Harrell's C for a Cox model as R's <c>survival::concordancefit(y, lp, strata, weights, reverse = TRUE)</c>
/// counts it with <c>timewt = "n"</c>: a pair (i, j) in the same stratum is comparable when i has an event at
/// t_i and j was still at risk after it (t_j &gt; t_i, or t_j = t_i and j censored); it is concordant when the
/// earlier event has the larger linear predictor, tied when the predictors are equal, and pairs are weighted
/// w_i·w_j. C = (concordant + tied/2) / (concordant + discordant + tied).
/// O(n log n): within each stratum, a Fenwick tree of weights over the ranks of the linear predictor, walking
/// from the largest time down.
/// </summary>
internal static class HarrellConcordance
{
    public static double Compute(CoxDesign design, ReadOnlySpan<double> eta)
    {
        int n = design.N;
        // Sort rows by η (radix), then stably by stratum: within each stratum rows ascend in η.
        var keys = new ulong[n];
        var byEta = new int[n];
        for (int k = 0; k < n; k++) { keys[k] = RadixSort.Key(eta[k]); byEta[k] = k; }
        RadixSort.Sort(keys, byEta);
        int[] idx = byEta;
        if (design.StratumCount > 1)
        {
            var stratumOf = new int[n];
            for (int s = 0; s < design.StratumCount; s++)
                Array.Fill(stratumOf, s, design.StratumStart[s], design.StratumStart[s + 1] - design.StratumStart[s]);
            idx = new int[n];
            var next = (int[])design.StratumStart.Clone();
            foreach (int k in byEta) idx[next[stratumOf[k]]++] = k;
        }
        var rank = new int[n];
        var tree = new double[n + 1];
        var atRank = new double[n + 1];
        double[] time = design.Time, weight = design.Weight;
        bool[] isEvent = design.IsEvent;
        double concordant = 0, discordant = 0, tied = 0;

        for (int s = 0; s < design.StratumCount; s++)
        {
            int first = design.StratumStart[s], last = design.StratumStart[s + 1] - 1;
            if (last < first) continue;
            // Ranks of η within the stratum (1-based, equal values share a rank).
            int ranks = 0;
            for (int i = first; i <= last; i++)
            {
                if (i == first || eta[idx[i]] != eta[idx[i - 1]]) ranks++;
                rank[idx[i]] = ranks;
            }
            var fenwick = new Span<double>(tree, 0, ranks + 1);
            var exact = new Span<double>(atRank, 0, ranks + 1);
            fenwick.Clear(); exact.Clear();
            double total = 0;
            for (int hi = last; hi >= first;)
            {
                double t = time[hi];
                int lo = hi;
                while (lo > first && time[lo - 1] == t) lo--;
                for (int k = lo; k <= hi; k++)
                    if (!isEvent[k]) { Add(fenwick, rank[k], weight[k]); exact[rank[k]] += weight[k]; total += weight[k]; }
                for (int k = lo; k <= hi; k++)
                {
                    if (!isEvent[k]) continue;
                    double below = Prefix(fenwick, rank[k] - 1);
                    double same = exact[rank[k]];
                    double w = weight[k];
                    concordant += w * below;
                    tied += w * same;
                    discordant += w * (total - below - same);
                }
                for (int k = lo; k <= hi; k++)
                    if (isEvent[k]) { Add(fenwick, rank[k], weight[k]); exact[rank[k]] += weight[k]; total += weight[k]; }
                hi = lo - 1;
            }
        }
        double pairs = concordant + discordant + tied;
        return pairs > 0 ? (concordant + 0.5 * tied) / pairs : double.NaN;
    }

    private static void Add(Span<double> tree, int i, double w)
    {
        for (; i < tree.Length; i += i & -i) tree[i] += w;
    }

    private static double Prefix(Span<double> tree, int i)
    {
        double s = 0;
        for (; i > 0; i -= i & -i) s += tree[i];
        return s;
    }
}
