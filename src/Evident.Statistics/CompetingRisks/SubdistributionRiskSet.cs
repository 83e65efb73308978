using System.Runtime.CompilerServices;
using Evident.Statistics.Survival;

namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// The Fine–Gray (1999) subdistribution risk sets as linear scans over data sorted once by time: the kernel behind
/// <see cref="FineGray"/>, replacing the O(n²) nested loops of cmprsk's Fortran (<c>crrf</c>, <c>crrfsv</c>, <c>crrvv</c>).
/// </summary>
/// <remarks>
/// <para>
/// Contract: rows sorted by ascending time; type 1 = failure from the cause of interest, 2 = failure from another cause,
/// 0 = censored; covariates row-major n×p, centred (the likelihood, score, information and residuals are invariant
/// to a shift of x). Ĝ is the Kaplan–Meier estimate of the censoring distribution (censorings are its events,
/// failures of any cause its censorings), and gᵢ = Ĝ(tᵢ−), as crr interpolates it (Ĝ(0) for a row at time 0).
/// </para>
/// <para>
/// At a failure time τ with weight g_τ = Ĝ(τ−), row i is in the risk set with weight rᵢ(τ) = e^{xᵢβ} when tᵢ ≥ τ and
/// e^{xᵢβ}·g_τ/gᵢ when tᵢ &lt; τ and i failed from another cause. Hence
/// S_a(τ) = Σ_{tᵢ ≥ τ} e^{xᵢβ}xᵢ^{⊗a} + g_τ·Σ_{tᵢ &lt; τ, type 2} e^{xᵢβ}xᵢ^{⊗a}/gᵢ: a backward sum plus g_τ times a
/// forward sum, each updated once per row. Tied failures share one risk set (Breslow; crr's handling of ties).
/// </para>
/// </remarks>
internal sealed class SubdistributionRiskSet
{
    private readonly int _n, _p;
    private readonly double[] _x;      // sorted, centred, row-major n×p
    private readonly byte[] _type;     // 0 censored, 1 cause of interest, 2 competing
    private readonly int[] _start;     // rows of distinct time r: [_start[r], _start[r + 1])
    private readonly double[] _g;      // Ĝ(u_r−) per distinct time (Ĝ(0) when u_r = 0)
    private readonly int[] _failures;  // failures of the cause of interest per distinct time
    private readonly int[] _censored;  // censorings per distinct time
    private readonly int _failureTimes;

    // Per-evaluation buffers.
    private readonly double[] _risk;      // e^{xβ} per row
    private readonly double[] _s0;        // S₀ per failure time (ordinal)
    private readonly double[] _mean;      // x̄ = S₁/S₀ per failure time, row-major D×p
    private readonly double[] _forward0;  // forward competing sums per failure time
    private readonly double[] _forward1;

    public SubdistributionRiskSet(int n, int p, double[] x, byte[] type, int[] start, double[] g, int[] failures, int[] censored)
    {
        _n = n; _p = p; _x = x; _type = type; _start = start; _g = g; _failures = failures; _censored = censored;
        foreach (int d in failures) if (d > 0) _failureTimes++;
        _risk = new double[n];
        _s0 = new double[_failureTimes];
        _mean = new double[_failureTimes * p];
        _forward0 = new double[_failureTimes];
        _forward1 = new double[_failureTimes * p];
    }

    public int N => _n;

    public int P => _p;

    private int TimeCount => _start.Length - 1;

    /// <summary>
    /// Sorts (through <see cref="SurvivalOrder"/>), centres the covariates and builds the censoring Kaplan–Meier weights.
    /// </summary>
    public static SubdistributionRiskSet Build(ReadOnlySpan<double> time, ReadOnlySpan<int> cause, int failCause,
                                               ReadOnlySpan<double> covariates, int p)
    {
        int n = time.Length;
        var rowIndex = new int[n];
        for (int i = 0; i < n; i++) rowIndex[i] = i;
        var sorted = SurvivalOrder.Sort(time, new bool[n], rowIndex, default, 1);
        var t = sorted.Time;

        var mean = new double[p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) mean[j] += covariates[i * p + j];
        for (int j = 0; j < p; j++) mean[j] /= n;

        var x = new double[n * p];
        var type = new byte[n];
        int distinct = 0;
        for (int i = 0; i < n; i++)
        {
            int row = SurvivalOrder.Label(sorted.Code[i]);
            int c = cause[row];
            type[i] = (byte)(c == 0 ? 0 : c == failCause ? 1 : 2);
            for (int j = 0; j < p; j++) x[i * p + j] = covariates[row * p + j] - mean[j];
            if (i == 0 || t[i] != t[i - 1]) distinct++;
        }

        var start = new int[distinct + 1];
        var g = new double[distinct];
        var failures = new int[distinct];
        var censored = new int[distinct];
        double survival = 1.0;
        int r = 0;
        for (int i = 0; i < n; r++)
        {
            int j = i, d = 0, c = 0;
            for (; j < n && t[j] == t[i]; j++)
            {
                if (type[j] == 1) d++;
                else if (type[j] == 0) c++;
            }
            start[r] = i;
            failures[r] = d;
            censored[r] = c;
            double before = survival;
            if (c > 0) survival *= (double)(n - i - c) / (n - i);
            // crr evaluates Ĝ at t·(1 − 100ε) with a right-continuous step function: Ĝ(t−), except Ĝ(0) at t = 0.
            g[r] = t[i] > 0 ? before : survival;
            i = j;
        }
        start[distinct] = n;
        return new SubdistributionRiskSet(n, p, x, type, start, g, failures, censored);
    }

    /// <summary>The failures of the cause of interest.</summary>
    public int Events
    {
        get
        {
            int total = 0;
            foreach (int d in _failures) total += d;
            return total;
        }
    }

    /// <summary>Counts of rows by type: (cause of interest, competing, censored).</summary>
    public (int Failures, int Competing, int Censored) Counts()
    {
        int f = 0, c = 0, z = 0;
        foreach (byte b in _type)
        {
            if (b == 1) f++;
            else if (b == 2) c++;
            else z++;
        }
        return (f, c, z);
    }

    /// <summary>
    /// −log partial likelihood at β (crr's <c>crrf</c>): Σ_τ [d_τ·log S₀(τ) − Σ_{failures at τ} xᵢβ]. NaN or +∞ on overflow.
    /// </summary>
    public double NegativeLogLikelihood(ReadOnlySpan<double> beta) => Evaluate(beta, default, default);

    /// <summary>
    /// −log partial likelihood, −score and information at β (crr's <c>crrfsv</c>). <paramref name="negativeScore"/> (p)
    /// and <paramref name="information"/> (p×p) are skipped when empty. Leaves S₀ and x̄ per failure time for
    /// <see cref="ScoreOuterProduct"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> beta, Span<double> negativeScore, Span<double> information)
    {
        int n = _n, p = _p, m = TimeCount;
        bool withScore = !negativeScore.IsEmpty, withInformation = !information.IsEmpty;
        var x = _x;
        var risk = _risk;
        for (int i = 0; i < n; i++)
        {
            double eta = 0;
            for (int j = 0; j < p; j++) eta += x[i * p + j] * beta[j];
            risk[i] = Math.Exp(eta);
        }

        // Forward: competing failures strictly before each failure time, weighted 1/gᵢ.
        double c0 = 0;
        Span<double> c1 = p <= 64 ? stackalloc double[p] : new double[p];
        c1.Clear();
        for (int r = 0, f = 0; r < m; r++)
        {
            if (_failures[r] > 0)
            {
                _forward0[f] = c0;
                c1.CopyTo(_forward1.AsSpan(f * p, p));
                f++;
            }
            double inverse = 1.0 / _g[r];
            for (int i = _start[r]; i < _start[r + 1]; i++)
            {
                if (_type[i] != 2) continue;
                double w = risk[i] * inverse;
                c0 += w;
                for (int j = 0; j < p; j++) c1[j] += w * x[i * p + j];
            }
        }

        // Backward: those still at risk (tᵢ ≥ τ), then S₀, S₁ and the likelihood terms at each failure time.
        double likelihood = 0, r0 = 0;
        Span<double> r1 = p <= 64 ? stackalloc double[p] : new double[p];
        Span<double> r2 = withInformation ? new double[p * p] : default;
        r1.Clear();
        if (withScore) negativeScore.Clear();
        if (withInformation) information.Clear();
        for (int r = m - 1, f = _failureTimes - 1; r >= 0; r--)
        {
            for (int i = _start[r]; i < _start[r + 1]; i++)
            {
                double w = risk[i];
                r0 += w;
                for (int j = 0; j < p; j++)
                {
                    double wx = w * x[i * p + j];
                    r1[j] += wx;
                    if (withInformation)
                        for (int l = 0; l <= j; l++) r2[j * p + l] += wx * x[i * p + l];
                }
            }
            int d = _failures[r];
            if (d == 0) continue;
            double g = _g[r];
            double s0 = r0 + g * _forward0[f];
            _s0[f] = s0;
            likelihood += d * Math.Log(s0);
            for (int i = _start[r]; i < _start[r + 1]; i++)
            {
                if (_type[i] != 1) continue;
                for (int j = 0; j < p; j++)
                {
                    likelihood -= x[i * p + j] * beta[j];
                    if (withScore) negativeScore[j] -= x[i * p + j];
                }
            }
            for (int j = 0; j < p; j++) _mean[f * p + j] = (r1[j] + g * _forward1[f * p + j]) / s0;
            if (withScore)
                for (int j = 0; j < p; j++) negativeScore[j] += d * _mean[f * p + j];
            if (withInformation)
            {
                for (int j = 0; j < p; j++)
                    for (int l = 0; l <= j; l++)
                        information[j * p + l] += d * (r2[j * p + l] / s0 - _mean[f * p + j] * _mean[f * p + l]);
            }
            f--;
        }
        if (!withInformation) return likelihood;

        // Forward again: the competing part of S₂, now that S₀ is known at every failure time.
        Span<double> c2 = new double[p * p];
        for (int r = 0, f = 0; r < m; r++)
        {
            if (_failures[r] > 0)
            {
                double scale = _failures[r] * _g[r] / _s0[f];
                for (int j = 0; j < p; j++)
                    for (int l = 0; l <= j; l++) information[j * p + l] += scale * c2[j * p + l];
                f++;
            }
            double inverse = 1.0 / _g[r];
            for (int i = _start[r]; i < _start[r + 1]; i++)
            {
                if (_type[i] != 2) continue;
                double w = risk[i] * inverse;
                for (int j = 0; j < p; j++)
                {
                    double wx = w * x[i * p + j];
                    for (int l = 0; l <= j; l++) c2[j * p + l] += wx * x[i * p + l];
                }
            }
        }
        for (int j = 0; j < p; j++)
            for (int l = 0; l < j; l++) information[l * p + j] = information[j * p + l];
        return likelihood;
    }

    /// <summary>
    /// The middle of crr's sandwich (<c>crrvv</c>'s second matrix): Σᵢ (ηᵢ + ψᵢ)(ηᵢ + ψᵢ)ᵀ with
    /// ηᵢ = ∫ (xᵢ − x̄(s)) rᵢ(s)/e^{…} dMᵢ(s), the score residual of the weighted subdistribution martingale, and
    /// ψᵢ = ∫ q(u)/Y(u) dMᵢᶜ(u), the correction for estimating Ĝ (Fine &amp; Gray 1999, §3):
    /// q(u) = Σ_{τ ≥ u} (d_τ g_τ/S₀(τ))·Σ_{tⱼ &lt; u, type 2} e^{xⱼβ}(xⱼ − x̄(τ))/gⱼ, Y(u) = #{tᵢ ≥ u},
    /// dMᵢᶜ(u) = dNᵢᶜ(u) − I(tᵢ ≥ u)·c(u)/Y(u). Every sum is a prefix or suffix sum over the sorted rows: O(n·p²).
    /// Precondition: <see cref="Evaluate"/> was last called at the same β.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] ScoreOuterProduct()
    {
        int n = _n, p = _p, m = TimeCount;
        var x = _x;
        var risk = _risk;

        // Suffix sums over failure times τ ≥ u_r: Σ d g/S₀ and Σ d g x̄/S₀.
        var suffix0 = new double[m + 1];
        var suffix1 = new double[(m + 1) * p];
        for (int r = m - 1, f = _failureTimes - 1; r >= 0; r--)
        {
            suffix0[r] = suffix0[r + 1];
            for (int j = 0; j < p; j++) suffix1[r * p + j] = suffix1[(r + 1) * p + j];
            if (_failures[r] == 0) continue;
            double scale = _failures[r] * _g[r] / _s0[f];
            suffix0[r] += scale;
            for (int j = 0; j < p; j++) suffix1[r * p + j] += scale * _mean[f * p + j];
            f--;
        }

        var outer = new double[p * p];
        var a1 = new double[p];      // Σ_{τ ≤ u} d x̄/S₀
        var q0q1 = new double[p];    // Σ_{tⱼ < u, type 2} e xⱼ/gⱼ
        var q = new double[p];
        var psi = new double[p];     // −Σ_{censoring times v ≤ u} c q/Y²
        var total = new double[p];
        double a0 = 0, q0 = 0;       // Σ_{τ ≤ u} d/S₀; Σ_{tⱼ < u, type 2} e/gⱼ
        for (int r = 0, f = 0; r < m; r++)
        {
            int meanRow = -1;
            if (_failures[r] > 0)
            {
                double scale = _failures[r] / _s0[f];
                a0 += scale;
                for (int j = 0; j < p; j++) a1[j] += scale * _mean[f * p + j];
                meanRow = f * p;
                f++;
            }
            double atRisk = n - _start[r];
            if (_censored[r] > 0)
            {
                for (int j = 0; j < p; j++) q[j] = q0q1[j] * suffix0[r] - q0 * suffix1[r * p + j];
                double scale = _censored[r] / (atRisk * atRisk);
                for (int j = 0; j < p; j++) psi[j] -= scale * q[j];
            }
            double after0 = suffix0[r + 1], inverseG = 1.0 / _g[r];
            for (int i = _start[r]; i < _start[r + 1]; i++)
            {
                int type = _type[i];
                double e = risk[i];
                for (int j = 0; j < p; j++)
                {
                    double xi = x[i * p + j];
                    double eta = -e * (xi * a0 - a1[j]);
                    if (type == 1) eta += xi - _mean[meanRow + j];
                    else if (type == 2) eta -= e * inverseG * (xi * after0 - suffix1[(r + 1) * p + j]);
                    total[j] = eta + psi[j] + (type == 0 ? q[j] / atRisk : 0.0);
                }
                for (int j = 0; j < p; j++)
                    for (int l = 0; l <= j; l++) outer[j * p + l] += total[j] * total[l];
            }
            for (int i = _start[r]; i < _start[r + 1]; i++)
            {
                if (_type[i] != 2) continue;
                double w = risk[i] * inverseG;
                q0 += w;
                for (int j = 0; j < p; j++) q0q1[j] += w * x[i * p + j];
            }
        }
        for (int j = 0; j < p; j++)
            for (int l = 0; l < j; l++) outer[l * p + j] = outer[j * p + l];
        return outer;
    }
}
