using Evident.Statistics.Internal;

namespace Evident.Statistics.Cox;

/// <summary>
/// The model frame of a Cox kernel after validation: rows sorted by stratum, then ascending time; covariates
/// row-major, centred by their weighted means and (optionally) scaled to unit weighted mean absolute deviation,
/// as <c>coxfit6.c</c> does for numerical stability (Newton–Raphson is affine invariant, so neither changes β̂).
/// </summary>
internal sealed class CoxDesign
{
    private CoxDesign(int n, int p, double[] time, bool[] isEvent, double[] weight, double[] x, int[] stratumStart,
                      int[] order, double[] means, double[] scale, bool weighted)
    {
        N = n; P = p; Time = time; IsEvent = isEvent; Weight = weight; X = x; StratumStart = stratumStart;
        Order = order; Means = means; Scale = scale; Weighted = weighted;
    }

    /// <summary>
    /// Entry times of counting-process data in sorted order (row k at risk on (Entry[k], Time[k]]), or null for
    /// right-censored data.
    /// </summary>
    public double[]? Entry { get; private init; }

    /// <summary>
    /// Sorted positions ordered by ascending entry time within each stratum (the same stratum ranges as the rows):
    /// a walk down from a stratum's end meets the rows in the order they leave the risk set as time goes down
    /// (the second sort order of <c>agfit4.c</c>). Null for right-censored data.
    /// </summary>
    public int[]? EntryOrder { get; private init; }

    /// <summary>
    /// Counting-process data: the rows of stratum <paramref name="s"/> that are no longer at risk at
    /// <paramref name="time"/> (entry ≥ time) and have not yet left are <c>EntryOrder[result + 1 .. next]</c>; pass the
    /// result as <paramref name="next"/> next time (start at the stratum's last position). A row leaves only after it
    /// joined: entry &lt; stop, and every walk goes down in time. Right-censored data: returns <paramref name="next"/>.
    /// </summary>
    public int Leaving(int s, double time, int next)
    {
        if (Entry is null) return next;
        int first = StratumStart[s];
        while (next >= first && Entry[EntryOrder![next]] >= time) next--;
        return next;
    }

    public int N { get; }
    public int P { get; }
    /// <summary>Times, ascending within stratum.</summary>
    public double[] Time { get; }
    public bool[] IsEvent { get; }
    public double[] Weight { get; }
    /// <summary>Row-major n×p centred (and scaled) covariates in sorted order, followed by <c>Vector&lt;double&gt;.Count − 1</c> zeros.</summary>
    public double[] X { get; }
    /// <summary>Stratum s occupies sorted rows <c>[StratumStart[s], StratumStart[s+1])</c>.</summary>
    public int[] StratumStart { get; }
    /// <summary>Sorted position → caller's row.</summary>
    public int[] Order { get; }
    public double[] Means { get; }
    /// <summary>Multiplier applied to each centred column; β on the caller's scale is β_scaled · Scale.</summary>
    public double[] Scale { get; }
    public bool Weighted { get; }
    public int StratumCount => StratumStart.Length - 1;

    /// <summary>
    /// Validates the inputs (throwing with the offending row named) and builds the sorted frame, keeping the
    /// caller's columns listed in <c>columns</c> (null = all) and scaling only when <c>scale</c> is set.
    /// </summary>
    public static CoxDesign Build(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates,
                                  int covariateCount, ReadOnlySpan<int> stratum, ReadOnlySpan<double> weights,
                                  int[]? columns, bool scale)
        => Build(ReadOnlySpan<double>.Empty, time, isEvent, covariates, covariateCount, stratum, weights, columns, scale);

    /// <summary>
    /// As the right-censored <see cref="Build(ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{double}, int, ReadOnlySpan{int}, ReadOnlySpan{double}, int[], bool)"/>,
    /// with counting-process entry times (empty = right-censored): each row at risk on (entry, time], entry &lt; time,
    /// both finite (negative allowed, as R's coxph allows).
    /// </summary>
    public static CoxDesign Build(ReadOnlySpan<double> entry, ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent,
                                  ReadOnlySpan<double> covariates, int covariateCount, ReadOnlySpan<int> stratum,
                                  ReadOnlySpan<double> weights, int[]? columns, bool scale)
    {
        var design = BuildSorted(entry.IsEmpty, time, isEvent, covariates, covariateCount, stratum, weights, columns, scale);
        if (entry.IsEmpty) return design;
        Preconditions.CheckSameLength(time.Length, entry.Length, nameof(entry));
        for (int i = 0; i < entry.Length; i++)
        {
            if (!double.IsFinite(entry[i]) || !(entry[i] < time[i]))
                throw new ArgumentOutOfRangeException(nameof(entry), entry[i], $"entry[{i}] = {entry[i]}: entry times must be finite and below the stop time {time[i]}.");
        }
        int n = design.N;
        var sortedEntry = new double[n];
        var keys = new ulong[n];
        var entryOrder = new int[n];
        for (int k = 0; k < n; k++)
        {
            sortedEntry[k] = entry[design.Order[k]];
            keys[k] = RadixSort.Key(sortedEntry[k]);
            entryOrder[k] = k;
        }
        ForStrata(design.StratumStart, (lo, hi) => RadixSort.SortHighBitsFirst(keys, entryOrder, lo, hi - lo));
        return new CoxDesign(n, design.P, design.Time, design.IsEvent, design.Weight, design.X, design.StratumStart, design.Order,
                             design.Means, design.Scale, design.Weighted) { Entry = sortedEntry, EntryOrder = entryOrder };
    }

    private static CoxDesign BuildSorted(bool nonNegative, ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates,
                                         int covariateCount, ReadOnlySpan<int> stratum, ReadOnlySpan<double> weights,
                                         int[]? columns, bool scale)
    {
        int n = time.Length;
        if (covariateCount < 1)
            throw new ArgumentOutOfRangeException(nameof(covariateCount), covariateCount, "covariateCount must be at least 1 (a null model has no coefficients to fit).");
        Preconditions.CheckNotEmpty(n, nameof(time));
        Preconditions.CheckSameLength(n, isEvent.Length, nameof(isEvent));
        if ((long)n * covariateCount != covariates.Length)
            throw new ArgumentException($"covariates has {covariates.Length} elements; expected time.Length × covariateCount = {(long)n * covariateCount}.", nameof(covariates));
        if (stratum.Length != 0) Preconditions.CheckSameLength(n, stratum.Length, nameof(stratum));
        if (weights.Length != 0) Preconditions.CheckSameLength(n, weights.Length, nameof(weights));
        if (nonNegative) Preconditions.CheckTimes(time, nameof(time));
        else
            for (int i = 0; i < time.Length; i++)
                if (!double.IsFinite(time[i])) throw new ArgumentOutOfRangeException(nameof(time), time[i], $"time[{i}] = {time[i]}: stop times must be finite.");
        CheckFinite(covariates, covariateCount);
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] > 0) || double.IsPositiveInfinity(weights[i]))
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"weights[{i}] = {weights[i]}: case weights must be positive and finite.");
        }
        int events = isEvent.Count(true);
        if (events == 0) throw new ArgumentException("There are no events in the data (all observations are censored): a Cox model cannot be fitted.", nameof(isEvent));

        // Stable counting sort by stratum, then a stable radix sort on time within each stratum: (stratum, time,
        // caller's row) order.
        int strata = 1;
        for (int i = 0; i < stratum.Length; i++)
        {
            if (stratum[i] < 0) throw new ArgumentOutOfRangeException(nameof(stratum), stratum[i], $"stratum[{i}] = {stratum[i]}: stratum codes must be 0..S−1.");
            if (stratum[i] >= strata) strata = stratum[i] + 1;
        }
        // Empty stratum codes are allowed: they occupy empty ranges.
        var start = new int[strata + 1];
        var order = GC.AllocateUninitializedArray<int>(n);
        if (stratum.Length == 0)
        {
            start[1] = n;
            for (int i = 0; i < n; i++) order[i] = i;
        }
        else
        {
            for (int i = 0; i < stratum.Length; i++) start[stratum[i] + 1]++;
            for (int s = 0; s < strata; s++) start[s + 1] += start[s];
            var next = (int[])start.Clone();
            for (int i = 0; i < n; i++) order[next[stratum[i]]++] = i;
        }
        var keys = GC.AllocateUninitializedArray<ulong>(n);
        unsafe
        {
            fixed (double* pt = time)
            {
                double* tp = pt;
                ForBlocks(n, (lo, hi) => { for (int k = lo; k < hi; k++) keys[k] = RadixSort.Key(tp[order[k]]); });
            }
        }
        ForStrata(start, (lo, hi) => RadixSort.SortHighBitsFirst(keys, order, lo, hi - lo));

        int[] cols = columns ?? Enumerable.Range(0, covariateCount).ToArray();
        int p = cols.Length;
        var sortedTime = GC.AllocateUninitializedArray<double>(n);
        var ev = GC.AllocateUninitializedArray<bool>(n);
        var w = GC.AllocateUninitializedArray<double>(n);
        // Padded to a whole vector past the last row: the Cox likelihood reads each row in whole vectors.
        var x = GC.AllocateUninitializedArray<double>(checked(n * p + System.Numerics.Vector<double>.Count - 1));
        x.AsSpan(n * p).Clear();
        int blocks = BlockCount(n);
        var partial = new double[blocks * (p + 1)];   // per block: Σ w·x_j (j < p), then Σ w
        SortedGather.Gather(order, time, isEvent, weights, covariates, covariateCount, cols, sortedTime, ev, w, x);
        ForBlocks(n, (lo, hi, b) =>
        {
            var sum = new Span<double>(partial, b * (p + 1), p + 1);
            for (int k = lo; k < hi; k++)
            {
                double wk = w[k];
                sum[p] += wk;
                var xk = new ReadOnlySpan<double>(x, k * p, p);
                for (int j = 0; j < xk.Length; j++) sum[j] += wk * xk[j];
            }
        });
        var means = new double[p];
        double wsum = 0;
        for (int b = 0; b < blocks; b++)
        {
            for (int j = 0; j < p; j++) means[j] += partial[b * (p + 1) + j];
            wsum += partial[b * (p + 1) + p];
        }
        for (int j = 0; j < p; j++) means[j] /= wsum;
        Array.Clear(partial);
        ForBlocks(n, (lo, hi, b) =>
        {
            var mad = new Span<double>(partial, b * (p + 1), p);
            for (int k = lo; k < hi; k++)
            {
                var xk = x.AsSpan(k * p, p);
                double wk = w[k];
                for (int j = 0; j < xk.Length; j++) { double c = xk[j] - means[j]; xk[j] = c; mad[j] += wk * Math.Abs(c); }
            }
        });
        var mult = new double[p];
        bool anyScale = false;
        for (int j = 0; j < p; j++)
        {
            double mad = 0;
            for (int b = 0; b < blocks; b++) mad += partial[b * (p + 1) + j];
            mult[j] = scale && mad > 0 ? wsum / mad : 1.0;
            anyScale |= mult[j] != 1.0;
        }
        if (anyScale)
        {
            ForBlocks(n, (lo, hi, _) =>
            {
                for (int k = lo; k < hi; k++)
                {
                    var xk = x.AsSpan(k * p, p);
                    for (int j = 0; j < xk.Length; j++) xk[j] *= mult[j];
                }
            });
        }
        return new CoxDesign(n, p, sortedTime, ev, w, x, start, order, means, mult, weights.Length != 0);
    }

    private const int BlockRows = 1 << 16;

    /// <summary>Fixed row blocks (independent of the machine, so sums over blocks are reproducible everywhere).</summary>
    private static int BlockCount(int n) => Math.Max(1, (n + BlockRows - 1) / BlockRows);

    private static void ForBlocks(int n, Action<int, int> body) => ForBlocks(n, (lo, hi, _) => body(lo, hi));

    /// <summary>Runs <paramref name="body"/> on each stratum's row range [lo, hi), strata in parallel.</summary>
    private static void ForStrata(int[] stratumStart, Action<int, int> body)
    {
        int strata = stratumStart.Length - 1;
        if (strata == 1) body(stratumStart[0], stratumStart[1]);
        else Parallel.For(0, strata, s => body(stratumStart[s], stratumStart[s + 1]));
    }

    private static void ForBlocks(int n, Action<int, int, int> body)
    {
        int blocks = BlockCount(n);
        if (blocks == 1) body(0, n, 0);
        else Parallel.For(0, blocks, b => body(b * BlockRows, Math.Min(n, (b + 1) * BlockRows), b));
    }

    /// <summary>Throws for the first non-finite covariate; a vector scan first, since x − x is 0 exactly when x is finite.</summary>
    private static void CheckFinite(ReadOnlySpan<double> covariates, int covariateCount)
    {
        var v = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(covariates);
        var bad = System.Numerics.Vector<double>.Zero;
        foreach (var block in v) bad |= block - block;
        bool clean = bad == System.Numerics.Vector<double>.Zero;
        for (int i = v.Length * System.Numerics.Vector<double>.Count; i < covariates.Length; i++) clean &= double.IsFinite(covariates[i]);
        if (clean) return;
        for (int i = 0; i < covariates.Length; i++)
        {
            if (!double.IsFinite(covariates[i]))
                throw new ArgumentOutOfRangeException(nameof(covariates), covariates[i],
                    $"covariates: row {i / covariateCount}, column {i % covariateCount} is {covariates[i]}; the data contain a non-finite predictor.");
        }
    }

    /// <summary>The linear predictor η = x·β (centred, scaled β) for every sorted row.</summary>
    public double[] LinearPredictor(ReadOnlySpan<double> betaScaled)
    {
        var eta = GC.AllocateUninitializedArray<double>(N);
        int p = P;
        double[] x = X, beta = betaScaled.ToArray();
        ForBlocks(N, (lo, hi) =>
        {
            for (int k = lo; k < hi; k++)
            {
                double z = 0;
                int o = k * p;
                for (int j = 0; j < p; j++) z += beta[j] * x[o + j];
                eta[k] = z;
            }
        });
        return eta;
    }
}
