using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Evident.Statistics;

/// <summary>
/// The log partial likelihood of a Cox model with its score vector and information matrix (the quantities of
/// <c>coxfit6.c</c>), in O(n·p²) vectorised work plus O((n + d)·p) and O(d·p²) sequential work per evaluation.
/// <para>
/// Inputs: the design (rows sorted by ascending time within strata, centred covariates), β, and optionally a time
/// function g (one value per sorted row, constant within tied times). Outputs: ℓ(β), U(β), I(β) and, with g,
/// Σ g·ΔU, Σ g·ΔI and Σ g²·ΔI (what the Grambsch–Therneau test, <c>zph1.c</c>, needs).
/// </para>
/// <para>
/// For a time t with tied deaths D(t) (d of them, total case weight w_D) and risk set R(t) (time ≥ t) in one
/// stratum, with r = w·e^η, Breslow uses one denominator S = Σ_R r; Efron (1977) uses d of them,
/// S_k = Σ_{R∖D} r + (k/d)·Σ_D r, k = 1 … d, each with weight ω = w_D/d (Breslow: one step, ω = w_D):
/// ℓ = Σ_D w η − Σ_k ω log S_k, U = Σ_D w x − Σ_k ω x̄_k, ΔI(t) = Σ_k ω (C_k/S_k − x̄_k x̄_kᵀ),
/// with A_k, C_k the matching sums of r·x and r·x xᵀ and x̄_k = A_k/S_k.
/// </para>
/// <para>
/// The information is not accumulated through running p×p risk-set sums C_k. Because C_k is linear in the rows,
/// Σ_t Σ_k (ω/S_k)·C_k regroups by row: row j (time t_j, stratum s) lies in every risk set of s with t &lt; t_j in
/// full, and at its own time in full (censored, or alive at t_j) or with fraction k/d (a tied death). With the
/// hazard increments h(t) = Σ_k ω/S_k and the tied deaths' own share h°(t) = Σ_k (k/d)·ω/S_k,
/// </para>
/// <code>
/// Σ_t ΔI(t) = Σ_j c_j x_j x_jᵀ − Σ_t Σ_k ω x̄_k x̄_kᵀ,   c_j = r_j·(H(t_j⁻) + [j died at t_j] h°(t_j) + [j did not] h(t_j)),
/// </code>
/// <para>
/// where H(t⁻) = Σ_{event times u &lt; t in s} h(u) (the Breslow/Efron cumulative hazard just before t, with the
/// Efron tie correction on the death rows only). The time-weighted sums use the same identity with g(t)·h and
/// g(t)²·h in H and in the own shares. So each evaluation is: (1) η and r for every row, in fixed row blocks in
/// parallel; (2) per stratum, a descending pass with running p-vectors (ℓ, U, h, h°, the d·p² mean outer products),
/// then an ascending pass for c; (3) the weighted cross-product Σ c x xᵀ, a symmetric SIMD kernel over fixed row
/// blocks in parallel. Block and chunk boundaries depend only on the data's size, and partial sums are added in
/// block order, so the result does not depend on the number of cores.
/// </para>
/// </summary>
internal sealed class CoxLikelihood
{
    private const int RowsPerChunk = 1 << 16;
    private const int BlockRows = 1 << 16;
    private const int Tile = 64;   // rows transposed at a time by the cross-product kernel (a multiple of 4)

    private readonly CoxDesign _d;
    private readonly bool _efron;
    private readonly int[] _chunkStart;   // chunk c covers strata [_chunkStart[c], _chunkStart[c+1])
    private readonly Workspace[] _work;
    private readonly int _blocks;
    private readonly double[] _blockSums; // per row block: packed Σ c x xᵀ (then the g and g² versions)
    private readonly double[] _eta;       // η per row; after the descending pass, h(t) of the row's time
    private readonly double[] _risk;      // r = w e^η per row
    private readonly double[] _coef;      // h°(t) for death rows during the passes, then c
    private double[]? _coefG, _coefGG;

    public CoxLikelihood(CoxDesign design, TieMethod ties)
    {
        _d = design;
        _efron = ties == TieMethod.Efron;
        var starts = new List<int> { 0 };
        for (int s = 0, rows = 0; s < design.StratumCount; s++)
        {
            rows += design.StratumStart[s + 1] - design.StratumStart[s];
            if (rows >= RowsPerChunk && s + 1 < design.StratumCount) { starts.Add(s + 1); rows = 0; }
        }
        starts.Add(design.StratumCount);
        _chunkStart = starts.ToArray();
        _work = new Workspace[_chunkStart.Length - 1];
        for (int c = 0; c < _work.Length; c++) _work[c] = new Workspace(design.P);
        int n = design.N;
        _blocks = Math.Max(1, (n + BlockRows - 1) / BlockRows);
        _blockSums = new double[_blocks * 3 * Packed(design.P)];
        _eta = GC.AllocateUninitializedArray<double>(n);
        _risk = GC.AllocateUninitializedArray<double>(n);
        _coef = GC.AllocateUninitializedArray<double>(n);
    }

    private static int Packed(int p) => p * (p + 1) / 2;

    /// <summary>
    /// Evaluates ℓ(β), U(β) (length p) and I(β) (dense p×p) for β on the design's scale.
    /// With <paramref name="timeFunction"/> (one value per sorted row, constant within tied times) also returns
    /// Σ g·ΔU, Σ g·ΔI and Σ g²·ΔI.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> beta, Span<double> u, Span<double> imat,
                           ReadOnlySpan<double> timeFunction = default, Span<double> uG = default,
                           Span<double> imatG = default, Span<double> imatGG = default)
    {
        int p = _d.P, np = Packed(p);
        bool withG = !timeFunction.IsEmpty;
        var b = beta.ToArray();
        var g = withG ? timeFunction.ToArray() : null;
        if (withG)
        {
            _coefG ??= GC.AllocateUninitializedArray<double>(_d.N);
            _coefGG ??= GC.AllocateUninitializedArray<double>(_d.N);
        }

        ForBlocks(_blocks, blk => LinearPredictor(blk, b));
        ForBlocks(_work.Length, c => EvaluateChunk(c, g));
        ForBlocks(_blocks, blk => CrossProducts(blk, withG));

        u.Clear(); imat.Clear();
        if (withG) { uG.Clear(); imatG.Clear(); imatGG.Clear(); }
        for (int blk = 0; blk < _blocks; blk++)
        {
            var sums = new ReadOnlySpan<double>(_blockSums, blk * 3 * np, 3 * np);
            AddPacked(imat, sums[..np], p, 1);
            if (withG) { AddPacked(imatG, sums.Slice(np, np), p, 1); AddPacked(imatGG, sums.Slice(2 * np, np), p, 1); }
        }
        double loglik = 0;
        foreach (var w in _work)
        {
            loglik += w.LogLik;
            for (int i = 0; i < p; i++) u[i] += w.U[i];
            AddPacked(imat, w.M, p, -1);
            if (withG)
            {
                for (int i = 0; i < p; i++) uG[i] += w.UG[i];
                AddPacked(imatG, w.MG, p, -1);
                AddPacked(imatGG, w.MGG, p, -1);
            }
        }
        Mirror(imat, p);
        if (withG) { Mirror(imatG, p); Mirror(imatGG, p); }
        return loglik;
    }

    /// <summary>Step (1): η = x·β and r = w·e^η for the rows of one block.</summary>
    private void LinearPredictor(int block, double[] beta)
    {
        int p = _d.P, lo = block * BlockRows, hi = Math.Min(_d.N, lo + BlockRows);
        double[] x = _d.X, weight = _d.Weight, eta = _eta, risk = _risk;
        for (int k = lo; k < hi; k++)
        {
            var xk = new ReadOnlySpan<double>(x, k * p, p);
            double zb = 0;
            for (int i = 0; i < xk.Length; i++) zb += beta[i] * xk[i];
            eta[k] = zb;
            risk[k] = Math.Exp(zb) * weight[k];
        }
    }

    /// <summary>Step (2) for one chunk of whole strata: ℓ, U, the mean outer products and the coefficients c.</summary>
    private void EvaluateChunk(int chunk, double[]? timeFunction)
    {
        var d = _d;
        var ws = _work[chunk];
        int p = d.P;
        double[] x = d.X, time = d.Time, weight = d.Weight, eta = _eta, risk = _risk, coef = _coef;
        bool[] isEvent = d.IsEvent;
        bool withG = timeFunction is not null;
        Span<double> a = ws.A, a2 = ws.A2, xd = ws.Xd, du = ws.Du, mean = ws.Mean, dm = ws.DM;
        Span<double> u = ws.U, m = ws.M, uG = ws.UG, mG = ws.MG, mGG = ws.MGG;
        u.Clear(); m.Clear(); uG.Clear(); mG.Clear(); mGG.Clear();
        double loglik = 0;

        for (int s = _chunkStart[chunk]; s < _chunkStart[chunk + 1]; s++)
        {
            int first = d.StratumStart[s], end = d.StratumStart[s + 1];
            int person = end - 1;
            double denom = 0;
            a.Clear();
            // Descending. Leaves, per row, its own share of its time's hazard in coef (h, h° or 0) and in eta
            // h(t) on the last row of each time (0 elsewhere), so the ascending pass needs no grouping.
            while (person >= first)
            {
                int groupEnd = person + 1;
                double dtime = time[person];
                if (!isEvent[person] && (person == first || time[person - 1] != dtime))
                {
                    // The common case, a censored time of its own: it only joins the risk set.
                    double r = risk[person];
                    denom += r;
                    var xr = new ReadOnlySpan<double>(x, person * p, p);
                    for (int i = 0; i < xr.Length; i++) a[i] += r * xr[i];
                    eta[person] = 0;
                    coef[person] = 0;
                    person--;
                    continue;
                }
                int ndead = 0;
                double deadwt = 0, denom2 = 0;
                a2.Clear(); xd.Clear();
                for (; person >= first && time[person] == dtime; person--)
                {
                    var xi = new ReadOnlySpan<double>(x, person * p, p);
                    double w = weight[person], r = risk[person];
                    if (isEvent[person])
                    {
                        ndead++; deadwt += w; denom2 += r; loglik += w * eta[person];
                        for (int i = 0; i < xi.Length; i++) { xd[i] += w * xi[i]; a2[i] += r * xi[i]; }
                    }
                    else
                    {
                        denom += r;
                        for (int i = 0; i < xi.Length; i++) a[i] += r * xi[i];
                    }
                }
                int groupStart = person + 1;
                double h = 0, hOwn = 0;
                if (ndead > 0)
                {
                    xd.CopyTo(du);
                    dm.Clear();
                    // Breslow is Efron with one sub-step; with one death the two coincide.
                    int steps = _efron ? ndead : 1;
                    double wt = deadwt / steps, frac = 1.0 / steps;
                    for (int k = 0; k < steps; k++)
                    {
                        denom += denom2 * frac;
                        loglik -= wt * Math.Log(denom);
                        for (int i = 0; i < p; i++) { a[i] += a2[i] * frac; mean[i] = a[i] / denom; du[i] -= wt * mean[i]; }
                        for (int i = 0, ij = 0; i < p; i++)
                        {
                            double wm = wt * mean[i];
                            for (int j = 0; j <= i; j++, ij++) dm[ij] += wm * mean[j];
                        }
                        double q = wt / denom;
                        h += q;
                        hOwn += q * ((k + 1) * frac);
                    }
                    for (int i = 0; i < p; i++) u[i] += du[i];
                    for (int ij = 0; ij < dm.Length; ij++) m[ij] += dm[ij];
                    if (withG)
                    {
                        double gt = timeFunction![groupStart];
                        for (int i = 0; i < p; i++) uG[i] += gt * du[i];
                        for (int ij = 0; ij < dm.Length; ij++) { mG[ij] += gt * dm[ij]; mGG[ij] += gt * gt * dm[ij]; }
                    }
                }
                for (int j = groupStart; j < groupEnd; j++)
                {
                    eta[j] = 0;
                    coef[j] = isEvent[j] ? hOwn : h;
                }
                eta[groupEnd - 1] = h;
            }

            // Ascending: c = r·(H(t⁻) + own share), H accumulating h(t) (and g·h, g²·h) after each time's last row.
            double cum = 0;
            if (!withG)
            {
                for (int j = first; j < end; j++)
                {
                    coef[j] = risk[j] * (cum + coef[j]);
                    cum += eta[j];
                }
                continue;
            }
            double cumG = 0, cumGG = 0;
            double[] coefG = _coefG!, coefGG = _coefGG!;
            for (int j = first; j < end; j++)
            {
                double own = coef[j], gt = timeFunction![j], r = risk[j];
                coef[j] = r * (cum + own);
                coefG[j] = r * (cumG + gt * own);
                coefGG[j] = r * (cumGG + gt * gt * own);
                cum += eta[j]; cumG += gt * eta[j]; cumGG += gt * gt * eta[j];
            }
        }
        ws.LogLik = loglik;
    }

    /// <summary>Step (3) for one row block: packed Σ c x xᵀ (and the g, g² versions).</summary>
    private void CrossProducts(int block, bool withG)
    {
        int p = _d.P, np = Packed(p), lo = block * BlockRows, hi = Math.Min(_d.N, lo + BlockRows);
        var sums = new Span<double>(_blockSums, block * 3 * np, 3 * np);
        var tile = new double[(p + 1) * Tile];
        var acc = new Vector256<double>[np];
        CrossProduct(_d.X, p, _coef, lo, hi, sums[..np], tile, acc);
        if (withG)
        {
            CrossProduct(_d.X, p, _coefG!, lo, hi, sums.Slice(np, np), tile, acc);
            CrossProduct(_d.X, p, _coefGG!, lo, hi, sums.Slice(2 * np, np), tile, acc);
        }
    }

    /// <summary>
    /// Packed lower triangle of Σ_{k∈[lo,hi)} c_k x_k x_kᵀ for row-major x: rows are transposed a tile at a time so
    /// each (i, j) entry is a 4-lane dot product over the tile; lanes are added in a fixed order at the end.
    /// </summary>
    private static void CrossProduct(double[] x, int p, double[] c, int lo, int hi, Span<double> packed,
                                     double[] tile, Vector256<double>[] acc)
    {
        Array.Clear(acc);
        var cols = tile.AsSpan(0, p * Tile);
        var y = MemoryMarshal.Cast<double, Vector256<double>>(tile.AsSpan(p * Tile, Tile));
        for (int start = lo; start < hi; start += Tile)
        {
            int rows = Math.Min(Tile, hi - start);
            if (rows < Tile) cols.Clear();
            for (int k = 0; k < rows; k++)
            {
                var xk = new ReadOnlySpan<double>(x, (start + k) * p, p);
                for (int j = 0; j < xk.Length; j++) cols[j * Tile + k] = xk[j];
            }
            var ck = MemoryMarshal.Cast<double, Vector256<double>>(new ReadOnlySpan<double>(c, start, rows - rows % 4));
            for (int i = 0, ij = 0; i < p; i++)
            {
                var xi = MemoryMarshal.Cast<double, Vector256<double>>(cols.Slice(i * Tile, Tile));
                int v = 0;
                for (; v < ck.Length; v++) y[v] = ck[v] * xi[v];
                if (v * 4 < rows)
                {
                    // The last partial vector of a short tile; rows beyond it are zero in cols.
                    int k0 = start + v * 4, left = rows - v * 4;
                    var tail = Vector256.Create(c[k0], left > 1 ? c[k0 + 1] : 0, left > 2 ? c[k0 + 2] : 0, 0);
                    y[v] = tail * xi[v];
                    v++;
                }
                for (; v < y.Length; v++) y[v] = Vector256<double>.Zero;
                for (int j = 0; j <= i; j++, ij++)
                {
                    var xj = MemoryMarshal.Cast<double, Vector256<double>>(cols.Slice(j * Tile, Tile));
                    var s = acc[ij];
                    for (int w = 0; w < y.Length; w++) s += y[w] * xj[w];
                    acc[ij] = s;
                }
            }
        }
        for (int ij = 0; ij < packed.Length; ij++)
        {
            var s = acc[ij];
            packed[ij] = (s.GetElement(0) + s.GetElement(1)) + (s.GetElement(2) + s.GetElement(3));
        }
    }

    /// <summary>Runs body(0 … count−1), in parallel when there is more than one item.</summary>
    private static void ForBlocks(int count, Action<int> body)
    {
        if (count == 1) body(0);
        else Parallel.For(0, count, body);
    }

    private static void AddPacked(Span<double> full, ReadOnlySpan<double> packed, int p, double sign)
    {
        for (int i = 0, ij = 0; i < p; i++)
            for (int j = 0; j <= i; j++, ij++) full[i * p + j] += sign * packed[ij];
    }

    private static void Mirror(Span<double> m, int p)
    {
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) m[j * p + i] = m[i * p + j];
    }

    /// <summary>Scratch and partial sums of one chunk of strata (packed lower triangles for p×p quantities).</summary>
    private sealed class Workspace(int p)
    {
        public readonly double[] A = new double[p], A2 = new double[p], Xd = new double[p], Du = new double[p], Mean = new double[p];
        public readonly double[] DM = new double[p * (p + 1) / 2];
        public readonly double[] U = new double[p], UG = new double[p];
        /// <summary>Σ ω x̄ x̄ᵀ (and its g, g² weighted versions), subtracted from the cross-products.</summary>
        public readonly double[] M = new double[p * (p + 1) / 2], MG = new double[p * (p + 1) / 2], MGG = new double[p * (p + 1) / 2];
        public double LogLik;
    }
}
