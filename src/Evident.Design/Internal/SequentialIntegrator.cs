namespace Evident.Design.Internal;

/// <summary>
/// Stage-by-stage numerical integration of the canonical joint distribution of (Z<sub>1</sub>, …, Z<sub>K</sub>)
/// (Armitage, McPherson &amp; Rowe 1969), on the grid of Jennison &amp; Turnbull (2000, ch. 19).
/// </summary>
/// <remarks>
/// Contract. Inputs: information fractions 0 &lt; t<sub>1</sub> &lt; … &lt; t<sub>K</sub> (any positive scale), and
/// a drift δ such that E[Z<sub>k</sub>] = δ√t<sub>k</sub>; the increments Z<sub>k</sub>√t<sub>k</sub> −
/// Z<sub>k−1</sub>√t<sub>k−1</sub> are independent N(δΔ<sub>k</sub>, Δ<sub>k</sub>).
/// Use: at stage k (starting at the first), <see cref="Upper"/> / <see cref="Lower"/> give P(continue through stages
/// 1..k−1 and Z<sub>k</sub> &gt; b) / (… &lt; a) for trial bounds in O(m); <see cref="Advance"/> fixes the stage's
/// continuation region (a, b) and moves on in O(m²). m ≈ 12r points; r = 64 gives crossing probabilities to about
/// 1e-9 absolute (Simpson error falls as r⁻⁴). Bounds may be ±∞; an empty region (a ≥ b) makes every later probability 0.
/// Working state is mutable and private to one computation; never shared.
/// </remarks>
internal sealed class SequentialIntegrator
{
    public const int DefaultR = 64;

    private const double Band = 9.3;

    private readonly double[] _t;
    private readonly double _drift;
    private readonly double[] _base;
    private double[] _z;
    private double[] _h; // Simpson weight × sub-density of Z_{k−1} on the continuation region
    private double[] _zNext;
    private double[] _hNext;
    private int _n;

    public SequentialIntegrator(IReadOnlyList<double> information, double drift, int r = DefaultR)
    {
        _t = new double[information.Count];
        for (int i = 0; i < _t.Length; i++) _t[i] = information[i];
        _drift = drift;
        _base = BaseGrid(r);
        int capacity = 2 * (_base.Length + 2);
        _z = new double[capacity];
        _h = new double[capacity];
        _zNext = new double[capacity];
        _hNext = new double[capacity];
    }

    /// <summary>0-based index of the stage whose crossing probabilities are evaluated next.</summary>
    public int Stage { get; private set; }

    public int Looks => _t.Length;

    /// <summary>P(Z<sub>k</sub> &gt; b and no stop before stage k), k = <see cref="Stage"/>.</summary>
    public double Upper(double b)
    {
        if (double.IsPositiveInfinity(b)) return 0;
        int k = Stage;
        if (k == 0) return double.IsNegativeInfinity(b) ? 1 : Gaussian.UpperTail(b - _drift * Math.Sqrt(_t[0]));
        double sk = Math.Sqrt(_t[k]), sp = Math.Sqrt(_t[k - 1]);
        double delta = _t[k] - _t[k - 1], sd = Math.Sqrt(delta), md = _drift * delta;
        double bs = double.IsNegativeInfinity(b) ? double.NegativeInfinity : b * sk - md;
        double sum = 0;
        for (int i = 0; i < _n; i++) sum += _h[i] * Gaussian.UpperTail((bs - _z[i] * sp) / sd);
        return sum;
    }

    /// <summary>P(Z<sub>k</sub> &lt; a and no stop before stage k), k = <see cref="Stage"/>.</summary>
    public double Lower(double a)
    {
        if (double.IsNegativeInfinity(a)) return 0;
        int k = Stage;
        if (k == 0) return double.IsPositiveInfinity(a) ? 1 : Gaussian.Cdf(a - _drift * Math.Sqrt(_t[0]));
        double sk = Math.Sqrt(_t[k]), sp = Math.Sqrt(_t[k - 1]);
        double delta = _t[k] - _t[k - 1], sd = Math.Sqrt(delta), md = _drift * delta;
        double a2 = double.IsPositiveInfinity(a) ? double.PositiveInfinity : a * sk - md;
        double sum = 0;
        for (int i = 0; i < _n; i++) sum += _h[i] * Gaussian.Cdf((a2 - _z[i] * sp) / sd);
        return sum;
    }

    /// <summary>Fixes the continuation region (a, b) of the current stage and moves to the next one.</summary>
    public void Advance(double a, double b)
    {
        int k = Stage;
        double mean = _drift * Math.Sqrt(_t[k]);
        int nodes = BuildGrid(mean, a, b);
        int n = nodes == 0 ? 0 : 2 * nodes - 1;
        if (k == 0)
        {
            for (int j = 0; j < n; j++) _hNext[j] *= Gaussian.Density(_zNext[j] - mean);
        }
        else
        {
            double sk = Math.Sqrt(_t[k]), sp = Math.Sqrt(_t[k - 1]);
            double delta = _t[k] - _t[k - 1], sd = Math.Sqrt(delta), md = _drift * delta;
            double scale = sk / sd * 0.39894228040143267794;
            // The kernel e^{−u²/2} is below 1e-19 for |u| > 9.3: sum only over the band of previous points
            // with |z_j√t_k − δΔ − z_i√t_{k−1}| ≤ 9.3·√Δ; both band ends move right as j increases.
            double reach = Band * sd;
            int first = 0, end = 0;
            for (int j = 0; j < n; j++)
            {
                double zj = _zNext[j] * sk - md;
                while (first < _n && _z[first] * sp < zj - reach) first++;
                if (end < first) end = first;
                while (end < _n && _z[end] * sp <= zj + reach) end++;
                double f = 0;
                for (int i = first; i < end; i++)
                {
                    double u = (zj - _z[i] * sp) / sd;
                    f += _h[i] * Math.Exp(-0.5 * u * u);
                }
                _hNext[j] *= f * scale;
            }
        }
        (_z, _zNext) = (_zNext, _z);
        (_h, _hNext) = (_hNext, _h);
        _n = n;
        Stage = k + 1;
    }

    /// <summary>
    /// Writes the Simpson grid for the region (a, b) around <paramref name="mean"/> into _zNext (points) and
    /// _hNext (weights); returns the number of odd (non-midpoint) nodes, 0 when the region carries no mass.
    /// </summary>
    private int BuildGrid(double mean, double a, double b)
    {
        double first = mean + _base[0], last = mean + _base[^1];
        double lo = Math.Max(a, first), hi = Math.Min(b, last);
        if (!(lo < hi)) return 0;
        _zNext[0] = lo;
        int nodes = 1;
        for (int i = 0; i < _base.Length; i++)
        {
            double x = mean + _base[i];
            if (x > lo && x < hi) _zNext[2 * nodes++] = x;
        }
        _zNext[2 * nodes++] = hi;
        // _zNext currently holds nodes at even positions 0, 2, 4, …; fill midpoints and Simpson weights.
        int n = 2 * nodes - 1;
        for (int j = 0; j < n; j++) _hNext[j] = 0;
        for (int j = 0; j + 2 < n; j += 2)
        {
            double x0 = _zNext[j], x2 = _zNext[j + 2], d = x2 - x0;
            _zNext[j + 1] = 0.5 * (x0 + x2);
            _hNext[j] += d / 6;
            _hNext[j + 1] += 4 * d / 6;
            _hNext[j + 2] += d / 6;
        }
        return nodes;
    }

    /// <summary>Jennison–Turnbull grid of 6r − 1 points on the standardised scale: log-spaced tails, uniform core ±3.</summary>
    private static double[] BaseGrid(int r)
    {
        var x = new double[6 * r - 1];
        for (int i = 1; i <= 6 * r - 1; i++)
        {
            x[i - 1] = i < r ? -3 - 4 * Math.Log((double)r / i)
                : i <= 5 * r ? -3 + 3.0 * (i - r) / (2 * r)
                : 3 + 4 * Math.Log((double)r / (6 * r - i));
        }
        return x;
    }
}
