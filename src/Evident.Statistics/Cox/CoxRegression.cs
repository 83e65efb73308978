using Evident.Statistics.Internal;

namespace Evident.Statistics.Cox;

/// <summary>
/// Cox proportional hazards regression (Cox 1972) by Newton–Raphson on the partial likelihood, with Breslow or
/// Efron (1977) ties, strata, case weights and the Lin–Wei (1989) cluster-robust variance.
/// Equivalent to R's <c>survival::coxph(Surv(time, status) ~ x + strata(s) + cluster(c), ties = ...)</c>;
/// agrees with survival 3.5-3 to 11 significant digits (every printed coefficient, SE, robust SE, CI, p-value,
/// log-likelihood, test statistic and concordance) on the book6, aml, lung and veteran reference cases.
/// </summary>
public static class CoxRegression
{
    /// <summary>
    /// Fits a Cox model with unit case weights. See
    /// <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{double}, int, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{double}, CoxOptions?)"/>.
    /// </summary>
    public static CoxFit Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates,
                             int covariateCount, ReadOnlySpan<int> stratum, ReadOnlySpan<int> cluster,
                             CoxOptions? options = null)
        => Fit(time, isEvent, covariates, covariateCount, stratum, cluster, ReadOnlySpan<double>.Empty, options);

    /// <summary>
    /// Fits a Cox model.
    /// <para>
    /// Contract: rows may come in any order (the kernel sorts once by stratum and time). <paramref name="covariates"/>
    /// is row-major n×p. <paramref name="stratum"/> holds codes 0..S−1 (empty = one stratum); each stratum has its
    /// own baseline hazard. <paramref name="cluster"/> holds any integer codes (empty = no clusters, no robust
    /// variance). <paramref name="weights"/> are case weights &gt; 0 (empty = all 1), as <c>coxph(weights = )</c>.
    /// </para>
    /// <para>
    /// Algorithm (<c>coxfit6.c</c>): covariates centred and scaled; Newton–Raphson from β = 0; stop after the
    /// first full iteration with <c>|1 − ℓ_old/ℓ_new| ≤ eps</c>; a step that lowers ℓ (or is non-finite) is pulled
    /// back toward the last good β (1/2, 2/3, 3/4 … of the way). A column whose Cholesky pivot falls below
    /// <c>toler.chol</c> is aliased: NaN coefficient, excluded from the degrees of freedom. Cost
    /// O((n + d)·p²) per iteration plus one O(n log n) sort and the O(n log n) concordance.
    /// </para>
    /// Errors: empty input, mismatched lengths, no events → <see cref="ArgumentException"/>; NaN, ±∞ or negative
    /// times, non-finite covariates, non-positive weights, negative stratum codes → <see cref="ArgumentOutOfRangeException"/>;
    /// a non-finite information matrix at β = 0 → <see cref="CoxConvergenceException"/>. Non-convergence is not an
    /// error: see <see cref="CoxFit.Status"/>.
    /// </summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="isEvent">True for an event, false for a right-censored time.</param>
    /// <param name="covariates">Row-major n×p design (dummy-coded factors, no intercept).</param>
    /// <param name="covariateCount">p ≥ 1.</param>
    /// <param name="stratum">Stratum code per row, 0..S−1, or empty.</param>
    /// <param name="cluster">Cluster code per row, or empty.</param>
    /// <param name="weights">Case weight per row, &gt; 0, or empty.</param>
    /// <param name="options">Control settings; null = R's defaults.</param>
    public static CoxFit Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates,
                             int covariateCount, ReadOnlySpan<int> stratum, ReadOnlySpan<int> cluster,
                             ReadOnlySpan<double> weights, CoxOptions? options = null)
        => FitCountingProcess(ReadOnlySpan<double>.Empty, time, isEvent, covariates, covariateCount, stratum, cluster, weights, options);

    /// <summary>
    /// Fits a Cox model to counting-process data, each row at risk on (<paramref name="entry"/>, <paramref name="time"/>]:
    /// R's <c>coxph(Surv(start, stop, event) ~ …)</c> (<c>agfit4.c</c>), for time-dependent covariates (rows split with
    /// <c>tmerge</c>) and delayed entry. Every death time's risk set holds the rows with entry &lt; t ≤ stop; the score
    /// residuals of the robust variance and the concordance use the same risk sets. Otherwise as
    /// <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{double}, int, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{double}, CoxOptions?)"/>.
    /// </summary>
    /// <param name="entry">Entry (start) time per row, finite and below <paramref name="time"/>; empty = right-censored data.</param>
    /// <param name="time">Stop times, finite (negative allowed with entry times, as R allows).</param>
    /// <param name="isEvent">True for an event at the stop time.</param>
    /// <param name="covariates">Row-major n×p design.</param>
    /// <param name="covariateCount">p ≥ 1.</param>
    /// <param name="stratum">Stratum code per row, 0..S−1, or empty.</param>
    /// <param name="cluster">Cluster code per row (typically the participant, whose rows are correlated), or empty.</param>
    /// <param name="weights">Case weight per row, &gt; 0, or empty.</param>
    /// <param name="options">Control settings; null = R's defaults.</param>
    public static CoxFit FitCountingProcess(ReadOnlySpan<double> entry, ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent,
                                            ReadOnlySpan<double> covariates, int covariateCount, ReadOnlySpan<int> stratum,
                                            ReadOnlySpan<int> cluster, ReadOnlySpan<double> weights, CoxOptions? options = null)
    {
        options ??= new CoxOptions();
        CheckOptions(options);
        if (cluster.Length != 0) Preconditions.CheckSameLength(time.Length, cluster.Length, nameof(cluster));
        var design = CoxDesign.Build(entry, time, isEvent, covariates, covariateCount, stratum, weights, null, scale: true);
        int n = design.N, p = design.P;
        var newton = CoxNewtonRaphson.Run(design, options);

        // Back to the caller's scale: β = β_s·f, V = F V_s F, U = U_s / f.
        var beta = new double[p];
        var variance = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            beta[i] = newton.Beta[i] * design.Scale[i];
            for (int j = 0; j < p; j++) variance[i * p + j] = newton.Variance[i * p + j] * design.Scale[i] * design.Scale[j];
        }
        var aliased = new bool[p];
        int df = 0;
        for (int i = 0; i < p; i++) { aliased[i] = variance[i * p + i] == 0; if (!aliased[i]) df++; }

        var eta = design.LinearPredictor(newton.Beta);
        double[]? robust = null;
        ChiSquareTest? robustScore = null;
        if (cluster.Length != 0)
        {
            var (clusterOfSorted, groups) = ClusterIndex(cluster, design.Order);
            bool efron = options.Ties == TieMethod.Efron;
            var s1 = CoxScoreResiduals.ClusterSums(design, efron, eta, clusterOfSorted, groups);
            var s0 = CoxScoreResiduals.ClusterSums(design, efron, new double[n], clusterOfSorted, groups);
            // Residuals are linear in x, so those of the scaled design are f times the caller's.
            Unscale(s1, design.Scale, groups, p);
            Unscale(s0, design.Scale, groups, p);
            // V_robust = V (S₁ᵀS₁) V: the cross-product of the dfbeta residuals D = S₁ V.
            var inner = CrossProduct(s1, groups, p);
            robust = Multiply(Multiply(variance, inner, p), variance, p);
            var u0 = new double[p];
            for (int g = 0; g < groups; g++) for (int j = 0; j < p; j++) u0[j] += s0[g * p + j];
            robustScore = Test(CoxCholesky.QuadraticForm(CrossProduct(s0, groups, p), p, u0, options.TolerancePivot), df);
        }

        var waldVariance = robust ?? variance;
        var keep = Enumerable.Range(0, p).Where(i => !aliased[i]).ToArray();
        var subV = new double[keep.Length * keep.Length];
        var subB = new double[keep.Length];
        for (int a = 0; a < keep.Length; a++)
        {
            subB[a] = beta[keep[a]];
            for (int b = 0; b < keep.Length; b++) subV[a * keep.Length + b] = waldVariance[keep[a] * p + keep[b]];
        }
        double wald = CoxCholesky.QuadraticForm(subV, keep.Length, subB, options.TolerancePivot);

        double crit = NormalTail.CriticalValue(options.ConfidenceLevel);
        double tolerInf = Math.Sqrt(options.Tolerance);
        var terms = new CoxCoefficient[p];
        var coefficients = new double[p];
        for (int i = 0; i < p; i++)
        {
            if (aliased[i])
            {
                coefficients[i] = double.NaN;
                terms[i] = new CoxCoefficient(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false);
                continue;
            }
            double b = beta[i];
            coefficients[i] = b;
            double se = Math.Sqrt(variance[i * p + i]);
            double rse = robust is null ? double.NaN : Math.Sqrt(robust[i * p + i]);
            double use = robust is null ? se : rse;
            double z = b / use;
            // One more Newton step, (U·V)_i, on the caller's scale.
            double step = 0;
            for (int j = 0; j < p; j++) step += newton.Score[j] / design.Scale[j] * variance[j * p + i];
            bool infinite = newton.Status == ConvergenceStatus.Converged && options.MaxIterations > 1 &&
                            (!double.IsFinite(step) || (Math.Abs(step) > options.Tolerance && Math.Abs(step) > tolerInf * Math.Abs(b)));
            terms[i] = new CoxCoefficient(b, se, rse, Math.Exp(b), Math.Exp(b - crit * use), Math.Exp(b + crit * use),
                                          z, NormalTail.TwoSidedP(z), infinite);
        }

        int events = 0;
        for (int i = 0; i < n; i++) if (design.IsEvent[i]) events++;
        var firstStep = new double[p];
        for (int i = 0; i < p; i++) firstStep[i] = newton.FirstStep[i] * design.Scale[i];

        return new CoxFit
        {
            Ties = options.Ties,
            N = n,
            Events = events,
            CovariateCount = p,
            Coefficients = Array.AsReadOnly(coefficients),
            Variance = new SymmetricMatrix(p, variance),
            RobustVariance = robust is null ? null : new SymmetricMatrix(p, robust),
            Terms = Array.AsReadOnly(terms),
            LogLikelihoodNull = newton.LogLikelihoodNull,
            LogLikelihood = newton.LogLikelihood,
            LikelihoodRatio = Test(2 * (newton.LogLikelihood - newton.LogLikelihoodNull), df),
            Wald = Test(wald, df),
            Score = Test(newton.ScoreTest, df),
            RobustScore = robustScore,
            Concordance = HarrellConcordance.Compute(design, eta),
            Iterations = newton.Iterations,
            Status = newton.Status,
            FirstStep = Array.AsReadOnly(firstStep),
        };
    }

    private static void CheckOptions(CoxOptions o)
    {
        if (o.MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(o.MaxIterations), o.MaxIterations, "MaxIterations must be at least 1.");
        Preconditions.CheckPositive(o.Tolerance, nameof(o.Tolerance));
        Preconditions.CheckPositive(o.TolerancePivot, nameof(o.TolerancePivot));
        Preconditions.CheckProbability(o.ConfidenceLevel, nameof(o.ConfidenceLevel));
        if (!Enum.IsDefined(o.Ties)) throw new ArgumentOutOfRangeException(nameof(o.Ties), o.Ties, "Unknown tie method.");
    }

    internal static ChiSquareTest Test(double statistic, int df) =>
        df > 0 ? ChiSquareTest.FromStatistic(statistic, df) : new ChiSquareTest(double.NaN, 0, double.NaN);

    private static (int[] ClusterOfSorted, int Count) ClusterIndex(ReadOnlySpan<int> cluster, int[] order)
    {
        var map = new Dictionary<int, int>();
        var result = new int[order.Length];
        for (int k = 0; k < order.Length; k++)
        {
            int code = cluster[order[k]];
            if (!map.TryGetValue(code, out int g)) { g = map.Count; map.Add(code, g); }
            result[k] = g;
        }
        return (result, map.Count);
    }

    private static void Unscale(double[] rows, double[] scale, int count, int p)
    {
        for (int g = 0; g < count; g++)
            for (int j = 0; j < p; j++) rows[g * p + j] /= scale[j];
    }

    private static double[] CrossProduct(double[] rows, int count, int p)
    {
        var m = new double[p * p];
        for (int g = 0; g < count; g++)
            for (int i = 0; i < p; i++)
            {
                double ri = rows[g * p + i];
                for (int j = 0; j < p; j++) m[i * p + j] += ri * rows[g * p + j];
            }
        return m;
    }

    private static double[] Multiply(double[] a, double[] b, int p)
    {
        var m = new double[p * p];
        for (int i = 0; i < p; i++)
            for (int k = 0; k < p; k++)
            {
                double aik = a[i * p + k];
                for (int j = 0; j < p; j++) m[i * p + j] += aik * b[k * p + j];
            }
        return m;
    }
}
