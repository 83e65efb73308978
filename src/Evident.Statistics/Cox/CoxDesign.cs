namespace Evident.Statistics;

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

    public int N { get; }
    public int P { get; }
    /// <summary>Times, ascending within stratum.</summary>
    public double[] Time { get; }
    public bool[] IsEvent { get; }
    public double[] Weight { get; }
    /// <summary>Row-major n×p centred (and scaled) covariates in sorted order.</summary>
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
    {
        PerfTmp.Mark("design start");
        int n = time.Length;
        if (covariateCount < 1)
            throw new ArgumentOutOfRangeException(nameof(covariateCount), covariateCount, "covariateCount must be at least 1 (a null model has no coefficients to fit).");
        Preconditions.CheckNotEmpty(n, nameof(time));
        Preconditions.CheckSameLength(n, isEvent.Length, nameof(isEvent));
        if ((long)n * covariateCount != covariates.Length)
            throw new ArgumentException($"covariates has {covariates.Length} elements; expected time.Length × covariateCount = {(long)n * covariateCount}.", nameof(covariates));
        if (stratum.Length != 0) Preconditions.CheckSameLength(n, stratum.Length, nameof(stratum));
        if (weights.Length != 0) Preconditions.CheckSameLength(n, weights.Length, nameof(weights));
        Preconditions.CheckTimes(time, nameof(time));
        for (int i = 0; i < covariates.Length; i++)
        {
            if (!double.IsFinite(covariates[i]))
                throw new ArgumentOutOfRangeException(nameof(covariates), covariates[i],
                    $"covariates: row {i / covariateCount}, column {i % covariateCount} is {covariates[i]}; the data contain a non-finite predictor.");
        }
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] > 0) || double.IsPositiveInfinity(weights[i]))
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"weights[{i}] = {weights[i]}: case weights must be positive and finite.");
        }
        int events = 0;
        for (int i = 0; i < n; i++) if (isEvent[i]) events++;
        if (events == 0) throw new ArgumentException("There are no events in the data (all observations are censored): a Cox model cannot be fitted.", nameof(isEvent));

        PerfTmp.Mark("validate");
        // Counting sort by stratum (stable), then an introsort on time within each stratum.
        int strata = 1;
        for (int i = 0; i < stratum.Length; i++)
        {
            if (stratum[i] < 0) throw new ArgumentOutOfRangeException(nameof(stratum), stratum[i], $"stratum[{i}] = {stratum[i]}: stratum codes must be 0..S−1.");
            if (stratum[i] >= strata) strata = stratum[i] + 1;
        }
        var start = new int[strata + 1];
        for (int i = 0; i < stratum.Length; i++) start[stratum[i] + 1]++;
        if (stratum.Length == 0) start[1] = n;
        for (int s = 0; s < strata; s++) start[s + 1] += start[s];
        // Stable radix sort on time, then a stable counting sort by stratum: (stratum, time) order.
        var keys = new ulong[n];
        var byTime = new int[n];
        for (int i = 0; i < n; i++) { keys[i] = RadixSort.Key(time[i]); byTime[i] = i; }
        PerfTmp.Mark("keys");
        RadixSort.Sort(keys, byTime);
        PerfTmp.Mark("radix");
        int[] order;
        if (stratum.Length == 0) order = byTime;
        else
        {
            order = new int[n];
            var next = (int[])start.Clone();
            foreach (int row in byTime) order[next[stratum[row]]++] = row;
        }
        var sortedTime = new double[n];
        for (int k = 0; k < n; k++) sortedTime[k] = time[order[k]];
        PerfTmp.Mark("order+time");
        // Empty stratum codes are allowed: they occupy empty ranges.

        int[] cols = columns ?? Enumerable.Range(0, covariateCount).ToArray();
        int p = cols.Length;
        var ev = new bool[n];
        var w = new double[n];
        var x = new double[(long)n * p];
        var means = new double[p];
        double wsum = 0;
        for (int k = 0; k < n; k++)
        {
            int row = order[k];
            ev[k] = isEvent[row];
            double wk = weights.Length == 0 ? 1.0 : weights[row];
            w[k] = wk;
            wsum += wk;
            var src = covariates.Slice(row * covariateCount, covariateCount);
            var dst = x.AsSpan(k * p, p);
            for (int j = 0; j < dst.Length; j++) { double v = src[cols[j]]; dst[j] = v; means[j] += wk * v; }
        }
        PerfTmp.Mark("gather");
        for (int j = 0; j < p; j++) means[j] /= wsum;
        var mad = new double[p];
        for (int k = 0; k < n; k++)
        {
            var xk = x.AsSpan(k * p, p);
            for (int j = 0; j < xk.Length; j++) { double c = xk[j] - means[j]; xk[j] = c; mad[j] += w[k] * Math.Abs(c); }
        }
        var mult = new double[p];
        bool anyScale = false;
        for (int j = 0; j < p; j++)
        {
            mult[j] = scale && mad[j] > 0 ? wsum / mad[j] : 1.0;
            anyScale |= mult[j] != 1.0;
        }
        if (anyScale)
            for (int k = 0; k < n; k++)
            {
                var xk = x.AsSpan(k * p, p);
                for (int j = 0; j < xk.Length; j++) xk[j] *= mult[j];
            }
        PerfTmp.Mark("center/scale");
        return new CoxDesign(n, p, sortedTime, ev, w, x, start, order, means, mult, weights.Length != 0);
    }

    /// <summary>The linear predictor η = x·β (centred, scaled β) for every sorted row.</summary>
    public double[] LinearPredictor(ReadOnlySpan<double> betaScaled)
    {
        var eta = new double[N];
        int p = P;
        for (int k = 0; k < N; k++)
        {
            double z = 0;
            int o = k * p;
            for (int j = 0; j < p; j++) z += betaScaled[j] * X[o + j];
            eta[k] = z;
        }
        return eta;
    }
}
