using Evident.Statistics.Internal;

namespace Evident.Statistics.Cox;

/// <summary>
/// The Grambsch–Therneau (1994) test of proportional hazards, exactly as R's <c>survival::cox.zph</c> (3.x):
/// for the fitted β̂ the model is extended by x·g(t) with coefficient γ, and the one-step score test of γ = 0 is
/// computed at (β̂, 0). With U₂ = Σ_t g(t)·(Σ_{D(t)} w x − w_D x̄(t)) and the 2p×2p information
/// [[Σ V_t, Σ g V_t], [Σ g V_t, Σ g² V_t]] (Efron or Breslow as in the fit), a term with columns J gets
/// χ² = (0, U₂[J])ᵀ I[(1..p, p+J)]⁻¹ (0, U₂[J]) on |J| df, and the global test uses all columns.
/// g is the transformed time centred by its mean over the events. Agrees with survival 3.5-3 to 11 significant
/// digits (the digits R printed) on the lung reference case.
/// </summary>
public static class ProportionalHazardsTest
{
    /// <summary>Computes the tests with unit case weights; see the weighted overload.</summary>
    public static ZphResult Compute(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates,
                                    int covariateCount, ReadOnlySpan<int> stratum, ReadOnlySpan<int> termOfColumn, int termCount,
                                    CoxFit fit, ZphTransform transform = ZphTransform.KaplanMeier)
        => Compute(time, isEvent, covariates, covariateCount, stratum, ReadOnlySpan<double>.Empty, termOfColumn, termCount, fit, transform);

    /// <summary>
    /// Computes the per-term and global proportional-hazards tests for a fitted Cox model.
    /// Contract: the data are the ones <paramref name="fit"/> was fitted on (same rows, any order; same stratum
    /// codes and case weights). Aliased columns (NaN coefficients) are dropped, as R does.
    /// Equivalent to R's <c>cox.zph(fit, transform = ..., terms = TRUE)</c>. When the extended information matrix
    /// is singular (for example every event at one time, so g(t) is constant) the statistics are NaN.
    /// </summary>
    /// <param name="time">Follow-up times, finite and ≥ 0 (&gt; 0 for <see cref="ZphTransform.Log"/>).</param>
    /// <param name="isEvent">True for an event.</param>
    /// <param name="covariates">Row-major n×p design used for the fit.</param>
    /// <param name="covariateCount">p, equal to <see cref="CoxFit.CovariateCount"/>.</param>
    /// <param name="stratum">Stratum codes 0..S−1 as in the fit, or empty.</param>
    /// <param name="weights">Case weights as in the fit, or empty.</param>
    /// <param name="termOfColumn">The term index 0..termCount−1 of each column (a factor's dummies share one).</param>
    /// <param name="termCount">Number of terms, ≥ 1.</param>
    /// <param name="fit">The fitted model (its β̂ and tie method are used).</param>
    /// <param name="transform">The time scale g(t); R's default is Kaplan–Meier.</param>
    public static ZphResult Compute(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates,
                                    int covariateCount, ReadOnlySpan<int> stratum, ReadOnlySpan<double> weights,
                                    ReadOnlySpan<int> termOfColumn, int termCount, CoxFit fit,
                                    ZphTransform transform = ZphTransform.KaplanMeier)
        => ComputeCountingProcess(ReadOnlySpan<double>.Empty, time, isEvent, covariates, covariateCount, stratum, weights,
                                  termOfColumn, termCount, fit, transform);

    /// <summary>
    /// The tests for a fit to counting-process data, each row at risk on (<paramref name="entry"/>, <paramref name="time"/>]
    /// (R: <c>cox.zph</c> of a <c>coxph(Surv(start, stop, event) ~ …)</c> fit, <c>zph2</c>): the risk sets are those of the
    /// fit, g is the transform of the stop times, and the Kaplan–Meier transform uses the delayed-entry curve.
    /// Otherwise as the right-censored overload.
    /// </summary>
    /// <param name="entry">Entry (start) time per row, below its stop time; empty = right-censored data.</param>
    /// <param name="time">Stop times.</param>
    /// <param name="isEvent">True for an event.</param>
    /// <param name="covariates">Row-major n×p design used for the fit.</param>
    /// <param name="covariateCount">p, equal to <see cref="CoxFit.CovariateCount"/>.</param>
    /// <param name="stratum">Stratum codes 0..S−1 as in the fit, or empty.</param>
    /// <param name="weights">Case weights as in the fit, or empty.</param>
    /// <param name="termOfColumn">The term index 0..termCount−1 of each column.</param>
    /// <param name="termCount">Number of terms, ≥ 1.</param>
    /// <param name="fit">The fitted model.</param>
    /// <param name="transform">The time scale g(t).</param>
    public static ZphResult ComputeCountingProcess(ReadOnlySpan<double> entry, ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent,
                                                   ReadOnlySpan<double> covariates, int covariateCount, ReadOnlySpan<int> stratum,
                                                   ReadOnlySpan<double> weights, ReadOnlySpan<int> termOfColumn, int termCount,
                                                   CoxFit fit, ZphTransform transform = ZphTransform.KaplanMeier)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.CovariateCount != covariateCount)
            throw new ArgumentException($"covariateCount is {covariateCount} but the fit has {fit.CovariateCount} columns.", nameof(covariateCount));
        if (fit.N != time.Length)
            throw new ArgumentException($"time has {time.Length} rows but the fit used {fit.N}.", nameof(time));
        Preconditions.CheckSameLength(covariateCount, termOfColumn.Length, nameof(termOfColumn));
        if (termCount < 1) throw new ArgumentOutOfRangeException(nameof(termCount), termCount, "termCount must be at least 1.");
        for (int j = 0; j < termOfColumn.Length; j++)
            if ((uint)termOfColumn[j] >= (uint)termCount)
                throw new ArgumentOutOfRangeException(nameof(termOfColumn), termOfColumn[j], $"termOfColumn[{j}] = {termOfColumn[j]}: term indices must be 0..{termCount - 1}.");
        if (!Enum.IsDefined(transform)) throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown transform.");

        var kept = new List<int>();
        for (int j = 0; j < covariateCount; j++) if (!double.IsNaN(fit.Coefficients[j])) kept.Add(j);
        if (kept.Count == 0) throw new ArgumentException("Every coefficient of the fit is aliased (NaN): there is nothing to test.", nameof(fit));
        var design = CoxDesign.Build(entry, time, isEvent, covariates, covariateCount, stratum, weights, kept.ToArray(), scale: false);
        if (transform == ZphTransform.Log)
            for (int i = 0; i < time.Length; i++)
                if (!(time[i] > 0)) throw new ArgumentOutOfRangeException(nameof(time), time[i], $"time[{i}] = {time[i]}: the log transform needs positive times.");

        int n = design.N, p = kept.Count;
        var g = TransformedTime(entry, time, isEvent, transform);
        var gSorted = new double[n];
        for (int k = 0; k < n; k++) gSorted[k] = g[design.Order[k]];
        var beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = fit.Coefficients[kept[j]];

        var lik = new CoxLikelihood(design, fit.Ties);
        var u = new double[p];
        var i11 = new double[p * p];
        var uG = new double[p];
        var i12 = new double[p * p];
        var i22 = new double[p * p];
        lik.Evaluate(beta, u, i11, gSorted, uG, i12, i22);

        int q = 2 * p;
        var full = new double[q * q];
        for (int r = 0; r < p; r++)
            for (int c = 0; c < p; c++)
            {
                full[r * q + c] = i11[r * p + c];
                full[r * q + p + c] = i12[r * p + c];
                full[(p + r) * q + c] = i12[c * p + r];
                full[(p + r) * q + p + c] = i22[r * p + c];
            }

        var tests = new ChiSquareTest[termCount];
        for (int t = 0; t < termCount; t++)
        {
            var cols = new List<int>();
            for (int j = 0; j < p; j++) if (termOfColumn[kept[j]] == t) cols.Add(j);
            tests[t] = cols.Count == 0 ? new ChiSquareTest(double.NaN, 0, double.NaN) : ScoreTest(full, p, uG, cols);
        }
        var all = new List<int>();
        for (int j = 0; j < p; j++) all.Add(j);
        return new ZphResult(transform, Array.AsReadOnly(tests), ScoreTest(full, p, uG, all));
    }

    /// <summary>(0, U₂[J])ᵀ I[(1..p, p+J)]⁻¹ (0, U₂[J]), df |J|.</summary>
    private static ChiSquareTest ScoreTest(double[] full, int p, double[] uG, List<int> cols)
    {
        int q = 2 * p, m = p + cols.Count;
        var index = new int[m];
        for (int i = 0; i < p; i++) index[i] = i;
        for (int i = 0; i < cols.Count; i++) index[p + i] = p + cols[i];
        var a = new double[m * m];
        var b = new double[m];
        for (int r = 0; r < m; r++)
        {
            for (int c = 0; c < m; c++) a[r * m + c] = full[index[r] * q + index[c]];
            if (r >= p) b[r] = uG[cols[r - p]];
        }
        var x = DenseSolve.Solve(a, m, b);
        if (x is null) return new ChiSquareTest(double.NaN, cols.Count, double.NaN);
        double stat = 0;
        for (int i = 0; i < m; i++) stat += b[i] * x[i];
        return ChiSquareTest.FromStatistic(stat, cols.Count);
    }

    /// <summary>g(t) for every caller row, centred by its mean over the events (R: <c>gtime</c>).</summary>
    internal static double[] TransformedTime(ReadOnlySpan<double> entry, ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ZphTransform transform)
    {
        int n = time.Length;
        var g = new double[n];
        switch (transform)
        {
            case ZphTransform.Identity:
                time.CopyTo(g);
                break;
            case ZphTransform.Log:
                for (int i = 0; i < n; i++) g[i] = Math.Log(time[i]);
                break;
            case ZphTransform.Rank:
            {
                var (sorted, idx) = SortedTimes(time);
                for (int i = 0; i < n;)
                {
                    int j = i;
                    while (j + 1 < n && sorted[j + 1] == sorted[i]) j++;
                    double avg = (i + j) / 2.0 + 1;   // positions i..j are ranks i+1..j+1
                    for (int k = i; k <= j; k++) g[idx[k]] = avg;
                    i = j + 1;
                }
                break;
            }
            case ZphTransform.KaplanMeier:
            {
                // 1 − Ŝ(t−) from the unweighted Kaplan–Meier of the pooled data (strata ignored, as cox.zph does);
                // with entry times the delayed-entry curve (at risk at t: entry < t ≤ stop).
                var (sorted, idx) = SortedTimes(time);
                var entries = entry.IsEmpty ? [] : SortedTimes(entry).Sorted;
                double surv = 1;
                for (int i = 0, entered = 0; i < n;)
                {
                    int j = i, deaths = 0;
                    while (j < n && sorted[j] == sorted[i]) { if (isEvent[idx[j]]) deaths++; j++; }
                    for (int k = i; k < j; k++) g[idx[k]] = 1 - surv;
                    while (entered < entries.Length && entries[entered] < sorted[i]) entered++;
                    int notYet = entries.Length - entered;
                    surv *= 1 - (double)deaths / (n - i - notYet);
                    i = j;
                }
                break;
            }
        }
        double sum = 0;
        int events = 0;
        for (int i = 0; i < n; i++) if (isEvent[i]) { sum += g[i]; events++; }
        double mean = sum / events;
        for (int i = 0; i < n; i++) g[i] -= mean;
        return g;
    }

    private static (double[] Sorted, int[] Index) SortedTimes(ReadOnlySpan<double> time)
    {
        var keys = new ulong[time.Length];
        var idx = new int[time.Length];
        for (int i = 0; i < idx.Length; i++) { keys[i] = RadixSort.Key(time[i]); idx[i] = i; }
        RadixSort.Sort(keys, idx);
        var sorted = new double[idx.Length];
        for (int i = 0; i < idx.Length; i++) sorted[i] = time[idx[i]];
        return (sorted, idx);
    }
}
