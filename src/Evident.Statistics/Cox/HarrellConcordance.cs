using System.Numerics;

namespace Evident.Statistics.Cox;

/// <summary>
/// Harrell's C for a Cox model as R's <c>survival::concordancefit(y, lp, strata, weights, reverse = TRUE)</c>
/// counts it with <c>timewt = "n"</c>: a pair (i, j) in the same stratum is comparable when i has an event at
/// t_i and j was still at risk after it (t_j &gt; t_i, or t_j = t_i and j censored); it is concordant when the
/// earlier event has the larger linear predictor, tied when the predictors are equal, and pairs are weighted
/// w_i·w_j. C = (concordant + tied/2) / (concordant + discordant + tied). For counting-process data j must also have
/// entered before t_i (entry_j &lt; t_i), as <c>concordancefit</c> counts (start, stop] data.
/// O(n log n): within each stratum, a Fenwick tree of weights over the ranks of the linear predictor, walking
/// from the largest time down.
/// </summary>
internal static class HarrellConcordance
{
    /// <param name="design">The sorted design.</param>
    /// <param name="etaArray">The linear predictor per sorted row (read only).</param>
    public static double Compute(CoxDesign design, double[] etaArray)
    {
        int n = design.N, strata = design.StratumCount;
        // Per stratum: rows ascending in η (a stable radix sort of the stratum's range), then the Fenwick walk.
        // Strata are independent; their sums are added in stratum order, so the result does not depend on threads.
        var idx = GC.AllocateUninitializedArray<int>(n);
        var keys = GC.AllocateUninitializedArray<ulong>(n);
        var rank = GC.AllocateUninitializedArray<int>(n);
        // Unit weights: counts in ints, half the memory of doubles, so a stratum's tree stays in cache; the sums of
        // whole numbers are exact either way, so the result is the same.
        var tree = design.Weighted ? new double[n + strata] : null;
        var atRank = design.Weighted ? new double[n + strata] : null;
        var count = design.Weighted ? null : new int[n + strata];
        var countAtRank = design.Weighted ? null : new int[n + strata];
        var sums = new double[3 * strata];
        void One(int s)
        {
            int first = design.StratumStart[s], last = design.StratumStart[s + 1] - 1;
            if (last < first) return;
            for (int k = first; k <= last; k++) { keys[k] = RadixSort.Key(etaArray[k]); idx[k] = k; }
            RadixSort.SortHighBitsFirst(keys, idx, first, last - first + 1);
            int ranks = Ranks(etaArray, idx, rank, first, last);
            var (c, d, t) = design.Weighted
                ? Stratum(design, s, rank, tree.AsSpan(first + s, ranks + 1), atRank.AsSpan(first + s, ranks + 1), design.Weight, first, last)
                : Stratum(design, s, rank, count.AsSpan(first + s, ranks + 1), countAtRank.AsSpan(first + s, ranks + 1), (ReadOnlySpan<int>)default, first, last);
            sums[3 * s] = c; sums[3 * s + 1] = d; sums[3 * s + 2] = t;
        }
        if (strata == 1) One(0);
        else Parallel.For(0, strata, One);
        double concordant = 0, discordant = 0, tied = 0;
        for (int s = 0; s < strata; s++) { concordant += sums[3 * s]; discordant += sums[3 * s + 1]; tied += sums[3 * s + 2]; }
        double pairs = concordant + discordant + tied;
        return pairs > 0 ? (concordant + 0.5 * tied) / pairs : double.NaN;
    }

    /// <summary>Ranks of η within the stratum (1-based, equal values share a rank; idx ascending in η); returns the count.</summary>
    private static int Ranks(double[] eta, int[] idx, int[] rank, int first, int last)
    {
        int ranks = 0;
        for (int i = first; i <= last; i++)
        {
            if (i == first || eta[idx[i]] != eta[idx[i - 1]]) ranks++;
            rank[idx[i]] = ranks;
        }
        return ranks;
    }

    /// <summary>
    /// Concordant, discordant and tied weight of one stratum (sorted rows first..last): a Fenwick tree of the weight at
    /// risk over the ranks of η, in doubles with case weights (<paramref name="weights"/>) or in counts without (empty).
    /// </summary>
    private static (double Concordant, double Discordant, double Tied) Stratum<T>(
        CoxDesign design, int s, int[] rank, Span<T> fenwick, Span<T> exact, ReadOnlySpan<T> weights, int first, int last)
        where T : struct, INumber<T>
    {
        double[] time = design.Time;
        bool[] isEvent = design.IsEvent;
        bool unit = weights.IsEmpty;
        double concordant = 0, discordant = 0, tied = 0;
        T total = T.Zero;
        int leaving = last;
        for (int hi = last; hi >= first;)
        {
            double t = time[hi];
            int lo = hi;
            while (lo > first && time[lo - 1] == t) lo--;
            // Counting process: a row whose interval starts at or after t is not at risk at t.
            for (int next = design.Leaving(s, t, leaving); leaving > next; leaving--)
            {
                int k = design.EntryOrder![leaving];
                T wk = unit ? T.One : weights[k];
                Add(fenwick, rank[k], -wk); exact[rank[k]] -= wk; total -= wk;
            }
            for (int k = lo; k <= hi; k++)
                if (!isEvent[k]) { T wk = unit ? T.One : weights[k]; Add(fenwick, rank[k], wk); exact[rank[k]] += wk; total += wk; }
            for (int k = lo; k <= hi; k++)
            {
                if (!isEvent[k]) continue;
                T below = Prefix(fenwick, rank[k] - 1);
                T same = exact[rank[k]];
                double w = unit ? 1.0 : double.CreateTruncating(weights[k]);
                concordant += w * double.CreateTruncating(below);
                tied += w * double.CreateTruncating(same);
                discordant += w * double.CreateTruncating(total - below - same);
            }
            for (int k = lo; k <= hi; k++)
                if (isEvent[k]) { T wk = unit ? T.One : weights[k]; Add(fenwick, rank[k], wk); exact[rank[k]] += wk; total += wk; }
            hi = lo - 1;
        }
        return (concordant, discordant, tied);
    }

    private static void Add<T>(Span<T> tree, int i, T w) where T : struct, INumber<T>
    {
        for (; i < tree.Length; i += i & -i) tree[i] += w;
    }

    private static T Prefix<T>(Span<T> tree, int i) where T : struct, INumber<T>
    {
        T s = T.Zero;
        for (; i > 0; i -= i & -i) s += tree[i];
        return s;
    }
}
