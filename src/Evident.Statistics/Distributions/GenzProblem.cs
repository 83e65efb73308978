namespace Evident.Statistics.Distributions;

/// <summary>
/// A rectangle probability of N(0, R) as Genz's nested integrand: R's Cholesky factor with each row assigned to the
/// last variable it depends on (rows with a zero pivot tighten an earlier variable's interval; Genz &amp; Bretz 2009,
/// §4.1.3). Immutable after <see cref="Build"/>; <see cref="Evaluate"/> is safe to call from one thread at a time.
/// </summary>
internal sealed class GenzProblem
{
    /// <summary>One row's limits on a variable: (a − Σ_u c_u y_u)/c ≤ y ≤ (b − Σ_u c_u y_u)/c, sign-flipped when c &lt; 0.</summary>
    private readonly record struct Limit(double Lower, double Upper, double Coefficient, double[] Earlier);

    private readonly Limit[][] _limits;
    private readonly double _constant;
    private readonly double[] _y;

    private GenzProblem(Limit[][] limits, double constant)
    {
        _limits = limits;
        _constant = constant;
        _y = new double[limits.Length];
    }

    /// <summary>The number of variables (the rank of R); the cube integral has one dimension fewer.</summary>
    public int Dimensions => _limits.Length;

    /// <summary>Factors R = LLᵀ (pivots below 1e-10·R_ii are zero) and groups the rows by the variable they end on.</summary>
    /// <exception cref="ArgumentException">R is not positive semi-definite.</exception>
    public static GenzProblem Build(IReadOnlyList<double> lower, IReadOnlyList<double> upper, IReadOnlyList<IReadOnlyList<double>> r)
    {
        int k = lower.Count;
        var l = new double[k, k];
        var owner = new int[k]; // variable index of each column with a non-zero pivot, −1 otherwise
        int variables = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = r[i][j];
                for (int m = 0; m < j; m++) s -= l[i, m] * l[j, m];
                if (j < i)
                {
                    l[i, j] = owner[j] >= 0 ? s / l[j, j] : 0;
                    continue;
                }
                if (s < -1e-8 * r[i][i]) throw new ArgumentException("the correlation matrix is not positive semi-definite.", nameof(r));
                owner[i] = s > 1e-10 * r[i][i] ? variables++ : -1;
                l[i, i] = owner[i] >= 0 ? Math.Sqrt(s) : 0;
            }
        }

        var byVariable = new List<Limit>[variables];
        for (int v = 0; v < variables; v++) byVariable[v] = [];
        double constant = 1;
        for (int i = 0; i < k; i++)
        {
            int last = -1;
            for (int j = 0; j <= i; j++)
                if (owner[j] >= 0 && Math.Abs(l[i, j]) > 1e-10) last = j;
            if (last < 0)
            {
                if (lower[i] > 0 || upper[i] < 0) constant = 0;
                continue;
            }
            var earlier = new double[owner[last]];
            for (int j = 0; j < last; j++)
                if (owner[j] >= 0) earlier[owner[j]] = l[i, j];
            byVariable[owner[last]].Add(new Limit(lower[i], upper[i], l[i, last], earlier));
        }
        return new GenzProblem(byVariable.Select(list => list.ToArray()).ToArray(), constant);
    }

    /// <summary>
    /// The integrand at <paramref name="w"/> ∈ [0, 1]^(Dimensions − 1): Π_v (Φ(hi_v) − Φ(lo_v)) with
    /// y_v = Φ⁻¹(Φ(lo_v) + w_v (Φ(hi_v) − Φ(lo_v))).
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> w)
    {
        if (_constant == 0) return 0;
        double f = 1;
        int m = _limits.Length;
        for (int v = 0; v < m; v++)
        {
            var (pl, ph) = Interval(v);
            f *= ph - pl;
            if (f <= 0) return 0;
            if (v < m - 1) _y[v] = MultivariateNormal.PhiInverse(pl + w[v] * (ph - pl));
        }
        return f;
    }

    /// <summary>
    /// Variable <paramref name="v"/>'s interval on the probability scale, (Φ(lo), Φ(hi)), given the earlier variables set
    /// by <see cref="Set"/>; (0, 0) when it is empty or the problem's constant factor is 0.
    /// </summary>
    public (double Lower, double Upper) Interval(int v)
    {
        if (_constant == 0) return (0, 0);
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        foreach (var limit in _limits[v])
        {
            double shift = 0;
            for (int u = 0; u < v; u++) shift += limit.Earlier[u] * _y[u];
            double a = (limit.Lower - shift) / limit.Coefficient, b = (limit.Upper - shift) / limit.Coefficient;
            if (limit.Coefficient < 0) (a, b) = (b, a);
            lo = Math.Max(lo, a);
            hi = Math.Min(hi, b);
        }
        if (!(lo < hi)) return (0, 0);
        return (MultivariateNormal.Phi(lo), MultivariateNormal.Phi(hi));
    }

    /// <summary>Sets variable <paramref name="v"/> to Φ⁻¹(<paramref name="probability"/>).</summary>
    public void Set(int v, double probability) => _y[v] = MultivariateNormal.PhiInverse(probability);
}
