using System.Runtime.CompilerServices;
using Evident.Statistics.Distributions;
using Evident.Statistics.Survival;
using MathNet.Numerics.Distributions;

namespace Evident.Design.Simulation;

/// <summary>
/// The weighted log-rank, MaxCombo and RMST statistics of one look, fed event by event in follow-up order by
/// <see cref="ReplicateSimulator"/>'s risk-set merge (the log-rank quantities stay in that loop). One per simulator;
/// buffers reused. Every statistic is oriented so that a positive Z favours the experimental arm.
/// </summary>
/// <remarks>
/// FH(ρ, γ): at each primary event (continuous times, so one at a time) in stratum s with n at risk, n₁ of them
/// experimental, w_k = Ŝ_s(t−)^ρ (1 − Ŝ_s(t−))^γ from the stratum's pooled left-continuous Kaplan–Meier, U_k += w_k(n₁/n −
/// δ₁), C_kl += w_k w_l (n₁/n)(1 − n₁/n), then Ŝ_s ·= 1 − 1/n: <see cref="MaxCombo"/>'s formulas with d = 1.
/// MaxCombo (one-sided): M = max_k Z_k and p = 1 − P(all Z_k ≤ M) under N(0, R), R_kl = C_kl/√(C_kk C_ll), by
/// <see cref="MultivariateNormal.Rectangle"/>; the look compares Φ⁻¹(1 − p) with the design's bounds. The integral is
/// skipped when bounds on p prove the side of both boundaries: first Bonferroni's 1 − Φ(M) ≤ p ≤ K(1 − Φ(M)), then the
/// sharper ones of <see cref="ExceedanceBounds"/> from the bivariate margins (Hunter–Worsley above; pairwise unions,
/// Dawson–Sankoff and de Caen below), which leave about 2% of the looks Bonferroni cannot decide (AALL1731 design).
/// RMST(τ) (unstratified): per arm, the Kaplan–Meier up to τ (flat after the last event), its area and Greenwood-type
/// variance Σ_j A_j² d_j/(n_j(n_j − d_j)), A_j = ∫_{t_j}^τ Ŝ (terms with n_j = d_j omitted), as
/// <see cref="RestrictedMean"/> computes them; Z = (RMST₁ − RMST₀)/√(V₁ + V₀).
/// </remarks>
internal sealed class LookStatistic
{
    private readonly SimulationTest _test;
    private readonly FlemingHarringtonWeight[] _weights;
    private readonly double[] _survival;   // pooled Ŝ(t−) per stratum in the test
    private readonly double[] _w;
    private readonly double[] _score;
    private readonly double[] _covariance;
    private readonly double[][] _eventTime = [[], []];
    private readonly int[][] _eventAtRisk = [[], []];
    private readonly int[] _rmstEvents = new int[2];

    // MaxCombo's integration buffers, one set per number of weights with information, reused across looks.
    private readonly int[] _used;
    private readonly double[][][] _correlation;
    private readonly double[][] _lowerLimits;
    private readonly double[][] _upperLimits;

    /// <summary>Error target and budget of the first, coarse MaxCombo integral.</summary>
    private const double CoarseError = 1e-4;
    private const long CoarseEvaluations = 50_000;

    /// <summary>Added to each side of the closed-form bounds on p: far above their rounding (about 1e-15), far below the integral's error.</summary>
    private const double BoundSlack = 1e-12;

    private readonly bool _decideByBounds;

    /// <summary>Error target of the integral when every look is integrated (<c>decideByBounds: false</c>, for tests).</summary>
    private const double ReferenceError = 1e-11;

    /// <param name="test">The look's test.</param>
    /// <param name="strata">Strata in the test.</param>
    /// <param name="subjects">Subjects per replicate.</param>
    /// <param name="decideByBounds">Whether MaxCombo looks are decided by bounds on p where they prove the side of the
    /// boundaries, then by a coarse integral where it is clear of them; false integrates every look to 1e-11 (a
    /// reference for tests).</param>
    public LookStatistic(SimulationTest test, int strata, int subjects, bool decideByBounds = true)
    {
        _test = test;
        _decideByBounds = decideByBounds;
        _weights = test.Weights.ToArray();
        int k = _weights.Length;
        _survival = new double[strata];
        _w = new double[k];
        _score = new double[k];
        _covariance = new double[k * k];
        _used = new int[k];
        _correlation = [.. Enumerable.Range(0, k + 1).Select(m => Enumerable.Range(0, m).Select(_ => new double[m]).ToArray())];
        _lowerLimits = [.. Enumerable.Range(0, k + 1).Select(m => Enumerable.Repeat(double.NegativeInfinity, m).ToArray())];
        _upperLimits = [.. Enumerable.Range(0, k + 1).Select(m => new double[m])];
        if (test.Kind == SimulationTestKind.RestrictedMean)
        {
            for (int a = 0; a < 2; a++) { _eventTime[a] = new double[subjects]; _eventAtRisk[a] = new int[subjects]; }
        }
    }

    /// <summary>Whether the FH scores are needed (not for the plain log-rank test, whose Z the merge computes itself).</summary>
    public bool Weighted => _test.Kind is SimulationTestKind.FlemingHarrington or SimulationTestKind.MaxCombo;

    /// <summary>Whether the per-arm event list for RMST is needed.</summary>
    public bool RestrictedMean => _test.Kind == SimulationTestKind.RestrictedMean;

    public void Reset()
    {
        _survival.AsSpan().Fill(1);
        Array.Clear(_score);
        Array.Clear(_covariance);
        Array.Clear(_rmstEvents);
    }

    /// <summary>A primary event in stratum <paramref name="stratum"/> with <paramref name="atRisk"/> at risk, a share p of them experimental.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddWeighted(int stratum, double atRisk, double p, bool experimental)
    {
        double s = _survival[stratum];
        int k = _weights.Length;
        double residual = p - (experimental ? 1 : 0), pq = p * (1 - p);
        for (int i = 0; i < k; i++)
        {
            double w = _w[i] = Weight(_weights[i], s);
            _score[i] += w * residual;
        }
        for (int i = 0; i < k; i++)
            for (int j = 0; j <= i; j++) _covariance[i * k + j] += _w[i] * _w[j] * pq;
        _survival[stratum] = s * (1 - 1 / atRisk);
    }

    /// <summary>Ŝ^ρ (1 − Ŝ)^γ without a power call for the usual exponents 0 and 1 (the same value as <see cref="FlemingHarringtonWeight.At"/>).</summary>
    private static double Weight(FlemingHarringtonWeight weight, double s)
    {
        double w = weight.Rho switch { 0 => 1, 1 => s, _ => Math.Pow(s, weight.Rho) };
        return weight.Gamma switch { 0 => w, 1 => w * (1 - s), _ => w * Math.Pow(1 - s, weight.Gamma) };
    }

    /// <summary>A primary event at follow-up <paramref name="time"/> in <paramref name="arm"/> with <paramref name="armAtRisk"/> of that arm at risk.</summary>
    public void AddRestrictedMean(int arm, double time, int armAtRisk)
    {
        int j = _rmstEvents[arm]++;
        _eventTime[arm][j] = time;
        _eventAtRisk[arm][j] = armAtRisk;
    }

    /// <summary>The look's Z (see the remarks); for MaxCombo, one that gives the same decisions against these bounds.</summary>
    public double Z(double critical, double futility) => _test.Kind switch
    {
        SimulationTestKind.FlemingHarrington => _covariance[0] > 0 ? _score[0] / Math.Sqrt(_covariance[0]) : 0,
        SimulationTestKind.MaxCombo => MaxComboZ(critical, futility),
        _ => RestrictedMeanZ(),
    };

    private double MaxComboZ(double critical, double futility)
    {
        int k = _weights.Length, m = 0;
        double max = double.NegativeInfinity;
        for (int i = 0; i < k; i++)
        {
            double v = _covariance[i * k + i];
            if (!(v > 0)) continue;
            _used[m++] = i;
            max = Math.Max(max, _score[i] / Math.Sqrt(v));
        }
        if (m == 0) return 0;
        if (_decideByBounds)
        {
            double upper = max;                                                        // Φ⁻¹(1 − p) ≤ M
            double lower = -Normal.InvCDF(0, 1, Math.Min(1, m * Normal.CDF(0, 1, -max)));  // and ≥ this
            if (Decided(lower, upper, critical, futility) is { } bonferroni) return bonferroni;
        }
        var correlation = _correlation[m];
        var upperLimits = _upperLimits[m];
        for (int a = 0; a < m; a++)
        {
            upperLimits[a] = max;
            for (int b = 0; b < m; b++)
            {
                int i = Math.Max(_used[a], _used[b]), j = Math.Min(_used[a], _used[b]);
                double r = _covariance[i * k + j] / Math.Sqrt(_covariance[i * k + i] * _covariance[j * k + j]);
                correlation[a][b] = a == b ? 1 : Math.Clamp(r, -1, 1);
            }
        }
        double pLower = 0, pUpper = 1;
        if (_decideByBounds)
        {
            (pLower, pUpper) = ExceedanceBounds.Compute(upperLimits, correlation);
            pLower = Math.Max(0, pLower - BoundSlack);
            pUpper = Math.Min(1, pUpper + BoundSlack);
            if (Decided(-Normal.InvCDF(0, 1, pUpper), -Normal.InvCDF(0, 1, pLower), critical, futility) is { } bounded) return bounded;
        }
        else
        {
            // The reference for tests: every look integrated finely (the coarse integral below has missed far-tail mass).
            return Normal.InvCDF(0, 1, MultivariateNormal.Rectangle(_lowerLimits[m], upperLimits, correlation, absoluteError: ReferenceError).Value);
        }
        // P(all Z_k ≤ M) decides the look only through Φ(critical) and Φ(futility): a coarse integral whose error
        // estimate clears both thresholds (and which lies within the bounds) gives the same decisions as the fine one,
        // which is computed only otherwise.
        var coarse = MultivariateNormal.Rectangle(_lowerLimits[m], upperLimits, correlation, absoluteError: CoarseError, maxEvaluations: CoarseEvaluations);
        double margin = 2 * coarse.ErrorEstimate;
        bool clear = coarse.ErrorEstimate <= CoarseError
                     && 1 - coarse.Value >= pLower && 1 - coarse.Value <= pUpper
                     && Math.Abs(coarse.Value - Normal.CDF(0, 1, critical)) > margin
                     && (double.IsNegativeInfinity(futility) || Math.Abs(coarse.Value - Normal.CDF(0, 1, futility)) > margin);
        double below = clear ? coarse.Value : MultivariateNormal.Rectangle(_lowerLimits[m], upperLimits, correlation, absoluteError: 1e-9).Value;
        // The bounds are rigorous; an integral outside them has missed the region that holds the mass (far tails).
        return Normal.InvCDF(0, 1, Math.Clamp(below, 1 - pUpper, 1 - pLower));
    }

    /// <summary>
    /// Given Φ⁻¹(1 − p) ∈ [<paramref name="lower"/>, <paramref name="upper"/>], a value in that interval that gives the
    /// look's decisions (reject at ≥ critical, stop for futility at ≤ futility) when both ends give the same ones; else null.
    /// </summary>
    private static double? Decided(double lower, double upper, double critical, double futility)
    {
        if (lower >= critical) return lower;
        if (upper < critical && (upper <= futility || lower > futility)) return upper;
        return null;
    }

    private double RestrictedMeanZ()
    {
        double tau = _test.Tau, difference = 0, variance = 0;
        for (int arm = 0; arm < 2; arm++)
        {
            var (mean, v) = AreaAndVariance(_eventTime[arm].AsSpan(0, _rmstEvents[arm]), _eventAtRisk[arm], tau);
            difference += arm == 1 ? mean : -mean;
            variance += v;
        }
        return variance > 0 ? difference / Math.Sqrt(variance) : 0;
    }

    /// <summary>∫₀^τ Ŝ and its variance for single events at ascending <paramref name="time"/> with their numbers at risk.</summary>
    internal static (double Area, double Variance) AreaAndVariance(ReadOnlySpan<double> time, ReadOnlySpan<int> atRisk, double tau)
    {
        int m = 0;
        while (m < time.Length && time[m] <= tau) m++;
        double survival = 1, area = 0, previous = 0;
        for (int j = 0; j < m; j++)
        {
            area += survival * (time[j] - previous);
            previous = time[j];
            survival *= 1 - 1.0 / atRisk[j];
        }
        area += survival * (tau - previous);
        // A_j = ∫_{t_j}^τ Ŝ = area − ∫₀^{t_j} Ŝ: walk forward again.
        double variance = 0, before = 0;
        survival = 1;
        previous = 0;
        for (int j = 0; j < m; j++)
        {
            before += survival * (time[j] - previous);
            previous = time[j];
            survival *= 1 - 1.0 / atRisk[j];
            int n = atRisk[j];
            double after = area - before;
            if (n > 1) variance += after * after / ((double)n * (n - 1));
        }
        return (area, variance);
    }
}
