using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Evident.Statistics.Cox;

/// <summary>
/// The log partial likelihood of a Cox model with its score vector and information matrix, in one pass over
/// each stratum from the largest time down with running risk-set sums (the loop of <c>coxfit6.c</c>):
/// cost O((n + d)·p²) per evaluation.
/// <para>
/// For a time t with tied deaths D(t) (d of them, total case weight w_D) and risk set R(t) (time ≥ t),
/// Breslow uses one denominator S = Σ_{R} w e^η; Efron (1977) uses d of them,
/// S_k = Σ_{R∖D} w e^η + (k/d)·Σ_{D} w e^η, k = 1 … d, each with weight w_D/d:
/// ℓ = Σ_D w η − Σ_k (w_D/d) log S_k, U = Σ_D w x − Σ_k (w_D/d) x̄_k, I = Σ_k (w_D/d) (C_k/S_k − x̄_k x̄_kᵀ),
/// with x̄_k = A_k/S_k, A_k, C_k the matching weighted sums of x e^η and x xᵀ e^η.
/// </para>
/// Optionally accumulates the same per-time increments multiplied by a time function g(t) and g(t)², which is
/// exactly what the Grambsch–Therneau test (<c>zph1.c</c>) needs.
/// Strata are independent, so groups of whole strata (fixed by row counts, not by the machine, so results are
/// reproducible everywhere) are evaluated in parallel and added up in stratum order.
/// </summary>
internal sealed class CoxLikelihood
{
    private const int RowsPerChunk = 1 << 16;
    private const int BlockRows = 1 << 12;   // 4,096 rows of η and risk: 64 KB, with their covariates in L2

    private readonly CoxDesign _d;
    private readonly bool _efron;
    private readonly int[] _chunkStart;   // chunk c covers strata [_chunkStart[c], _chunkStart[c+1])
    private readonly Workspace[] _work;
    private readonly double[]? _eta, _risk;   // counting process: η and w·e^η per sorted row, filled by each evaluation

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
        if (design.Entry is null) return;
        _eta = GC.AllocateUninitializedArray<double>(design.N);
        _risk = GC.AllocateUninitializedArray<double>(design.N);
    }

    /// <summary>
    /// Evaluates ℓ(β), U(β) (length p) and I(β) (dense p×p) for β on the design's scale.
    /// With <paramref name="timeFunction"/> (one value per sorted row, constant within tied times) also returns
    /// Σ g·ΔU, Σ g·ΔI and Σ g²·ΔI.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> beta, Span<double> u, Span<double> imat,
                           ReadOnlySpan<double> timeFunction = default, Span<double> uG = default,
                           Span<double> imatG = default, Span<double> imatGG = default)
    {
        int p = _d.P;
        bool withG = !timeFunction.IsEmpty;
        var b = beta.ToArray();
        var g = withG ? timeFunction.ToArray() : null;
        if (_work.Length == 1) EvaluateChunk(0, b, g);
        else Parallel.For(0, _work.Length, c => EvaluateChunk(c, b, g));

        u.Clear(); imat.Clear();
        if (withG) { uG.Clear(); imatG.Clear(); imatGG.Clear(); }
        double loglik = 0;
        foreach (var w in _work)
        {
            loglik += w.LogLik;
            for (int i = 0; i < p; i++) u[i] += w.U[i];
            AddPacked(imat, w.I, p);
            if (withG)
            {
                for (int i = 0; i < p; i++) uG[i] += w.UG[i];
                AddPacked(imatG, w.IG, p);
                AddPacked(imatGG, w.IGG, p);
            }
        }
        Mirror(imat, p);
        if (withG) { Mirror(imatG, p); Mirror(imatGG, p); }
        return loglik;
    }

    private unsafe void EvaluateChunk(int chunk, double[] beta, double[]? timeFunction)
    {
        var d = _d;
        var ws = _work[chunk];
        int p = d.P, stride = ws.Stride;
        double[] time = d.Time;
        bool[] isEvent = d.IsEvent;
        bool withG = timeFunction is not null;
        // Right-censored data: the risk scores of the next block of rows down (while its covariates stay in cache);
        // counting process: every row's up front, since a row leaves the risk set wherever its entry time falls.
        bool counting = d.Entry is not null;
        int chunkLo = d.StratumStart[_chunkStart[chunk]];
        if (counting) RiskScores(chunkLo, d.StratumStart[_chunkStart[chunk + 1]], beta, _eta!, _risk!, 0);
        Span<double> du = ws.Du, mean = ws.Mean, dI = ws.DI;
        Span<double> u = ws.U, imat = ws.I, uG = ws.UG, imatG = ws.IG, imatGG = ws.IGG;
        u.Clear(); imat.Clear(); uG.Clear(); imatG.Clear(); imatGG.Clear();
        double loglik = 0;

        fixed (double* x = d.X, etaAll = _eta, riskAll = _risk, etaBlock = ws.EtaBlock, riskBlock = ws.RiskBlock)
        fixed (double* weight = d.Weight, a = ws.A, a2 = ws.A2, c = ws.C, c2 = ws.C2, xd = ws.Xd)
        for (int s = _chunkStart[chunk]; s < _chunkStart[chunk + 1]; s++)
        {
            int first = d.StratumStart[s];
            int person = d.StratumStart[s + 1] - 1;
            // eta[k] and risk[k] hold row k's η and w·e^η for blockLo ≤ k ≤ person.
            double* eta = etaAll, risk = riskAll;
            int blockLo = counting ? chunkLo : int.MaxValue;
            int leaving = person, atRisk = 0;
            double denom = 0;
            ws.A.AsSpan().Clear(); ws.C.AsSpan().Clear();
            while (person >= first)
            {
                double dtime = time[person];
                double g = withG ? timeFunction![person] : 0;
                int ndead = 0;
                double deadwt = 0, denom2 = 0;
                ws.A2.AsSpan().Clear(); ws.C2.AsSpan().Clear(); ws.Xd.AsSpan().Clear();
                for (; person >= first && time[person] == dtime; person--)
                {
                    if (person < blockLo)
                    {
                        blockLo = Math.Max(first, person + 1 - BlockRows);
                        RiskScores(blockLo, person + 1, beta, ws.EtaBlock, ws.RiskBlock, blockLo);
                        eta = etaBlock - blockLo;
                        risk = riskBlock - blockLo;
                    }
                    double* xi = x + (long)person * p;
                    double r = risk[person];
                    atRisk++;
                    if (isEvent[person])
                    {
                        double w = weight[person];
                        ndead++; deadwt += w; denom2 += r; loglik += w * eta[person];
                        for (int i = 0; i < p; i++) xd[i] += w * xi[i];
                        AddOuter(a2, c2, xi, p, stride, r);
                    }
                    else
                    {
                        denom += r;
                        AddOuter(a, c, xi, p, stride, r);
                    }
                }
                if (ndead == 0) continue;
                if (d.Entry is not null)
                {
                    // Counting process (agfit4.c): rows whose interval starts at or after this time leave the risk set.
                    int next = d.Leaving(s, dtime, leaving);
                    for (; leaving > next; leaving--)
                    {
                        int k = d.EntryOrder![leaving];
                        AddOuter(a, c, x + (long)k * p, p, stride, -risk[k]);
                        denom -= risk[k];
                        atRisk--;
                    }
                    // An emptied risk set restarts from exact zeros rather than from rounding residue.
                    if (atRisk == ndead) { denom = 0; ws.A.AsSpan().Clear(); ws.C.AsSpan().Clear(); }
                }

                new ReadOnlySpan<double>(xd, p).CopyTo(du);
                dI.Clear();
                // Breslow is Efron with one sub-step; with one death the two coincide.
                int steps = _efron ? ndead : 1;
                double wt = deadwt / steps, frac = 1.0 / steps;
                for (int k = 0; k < steps; k++)
                {
                    denom += denom2 * frac;
                    loglik -= wt * Math.Log(denom);
                    // One division per sub-step rather than p(p + 3)/2: multiply by 1/S_k.
                    double inverse = 1 / denom, wtInverse = wt * inverse;
                    for (int i = 0; i < p; i++) { a[i] += a2[i] * frac; mean[i] = a[i] * inverse; du[i] -= wt * mean[i]; }
                    for (int i = 0, ij = 0; i < p; i++)
                        for (int j = 0; j <= i; j++, ij++)
                        {
                            double* cij = c + i * stride + j;
                            *cij += c2[i * stride + j] * frac;
                            dI[ij] += wtInverse * (*cij - mean[i] * a[j]);
                        }
                }
                for (int i = 0; i < p; i++) u[i] += du[i];
                for (int ij = 0; ij < dI.Length; ij++) imat[ij] += dI[ij];
                if (withG)
                {
                    for (int i = 0; i < p; i++) uG[i] += g * du[i];
                    for (int ij = 0; ij < dI.Length; ij++) { imatG[ij] += g * dI[ij]; imatGG[ij] += g * g * dI[ij]; }
                }
            }
        }
        ws.LogLik = loglik;
    }

    /// <summary>
    /// η = x·β and the risk score w·e^η of sorted rows [lo, hi), written at [lo − offset, hi − offset) of
    /// <paramref name="eta"/> and <paramref name="risk"/>: computed once per evaluation and row. The exponential is the
    /// vectorised <c>Vector256.Exp</c> for every row (a short tail padded), which acts lane by lane, so a row's score
    /// does not depend on the block it is computed in.
    /// </summary>
    private void RiskScores(int lo, int hi, double[] beta, double[] eta, double[] risk, int offset)
    {
        int p = _d.P;
        double[] x = _d.X;
        if (beta.AsSpan().IndexOfAnyExcept(0.0) < 0)
        {
            // β = 0 (the first evaluation): η = 0 and e^η = 1 exactly, as the general path computes them.
            eta.AsSpan(lo - offset, hi - lo).Clear();
            if (_d.Weighted) _d.Weight.AsSpan(lo, hi - lo).CopyTo(risk.AsSpan(lo - offset));
            else risk.AsSpan(lo - offset, hi - lo).Fill(1.0);
            return;
        }
        for (int k = lo; k < hi; k++)
        {
            var xk = new ReadOnlySpan<double>(x, k * p, p);
            double z = 0;
            for (int i = 0; i < xk.Length; i++) z += beta[i] * xk[i];
            eta[k - offset] = z;
        }
        int width = Vector256<double>.Count, n = hi - lo, at = 0;
        var etas = eta.AsSpan(lo - offset, n);
        var risks = risk.AsSpan(lo - offset, n);
        for (; at + width <= n; at += width) Vector256.Exp(Vector256.Create(etas.Slice(at, width))).CopyTo(risks.Slice(at, width));
        if (at < n)
        {
            Span<double> tail = stackalloc double[width];
            tail.Clear();
            etas[at..].CopyTo(tail);
            var e = Vector256.Exp(Vector256.Create(tail));
            for (int k = at; k < n; k++) risks[k] = e.GetElement(k - at);
        }
        if (!_d.Weighted) return;
        var w = _d.Weight.AsSpan(lo, n);
        for (int k = 0; k < n; k++) risks[k] *= w[k];
    }

    /// <summary>
    /// a += r·x and the lower triangle of c += r·x xᵀ (row i at c + i·stride), in whole vectors: row i is updated on
    /// columns 0 … i rounded up to a vector, so the lanes past i (and past p in a) hold sums of whatever follows the row
    /// in memory and are never read. Each lane is a product then a sum, as the scalar <c>c[j] += (r·x_i)·x_j</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AddOuter(double* a, double* c, double* xi, int p, int stride, double risk)
    {
        int width = Vector<double>.Count;
        var r = new Vector<double>(risk);
        for (int j = 0; j < p; j += width) *(Vector<double>*)(a + j) += r * *(Vector<double>*)(xi + j);
        for (int i = 0; i < p; i++)
        {
            var rx = new Vector<double>(risk * xi[i]);
            double* ci = c + i * stride;
            for (int j = 0; j <= i; j += width) *(Vector<double>*)(ci + j) += rx * *(Vector<double>*)(xi + j);
        }
    }

    private static void AddPacked(Span<double> full, ReadOnlySpan<double> packed, int p)
    {
        for (int i = 0, ij = 0; i < p; i++)
            for (int j = 0; j <= i; j++, ij++) full[i * p + j] += packed[ij];
    }

    private static void Mirror(Span<double> m, int p)
    {
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) m[j * p + i] = m[i * p + j];
    }

    /// <summary>
    /// Scratch and partial sums of one chunk of strata: the running sums a and c in rows of <see cref="Stride"/> (p rounded
    /// up to whole vectors, see <see cref="AddOuter"/>), other p×p quantities as packed lower triangles.
    /// </summary>
    private sealed class Workspace(int p)
    {
        public readonly int Stride = RoundUp(p);
        public readonly double[] Xd = new double[p], Du = new double[p], Mean = new double[p];
        public readonly double[] A = new double[RoundUp(p)], A2 = new double[RoundUp(p)], C = new double[p * RoundUp(p)], C2 = new double[p * RoundUp(p)];
        public readonly double[] EtaBlock = new double[BlockRows], RiskBlock = new double[BlockRows];
        public readonly double[] DI = new double[p * (p + 1) / 2];
        public readonly double[] U = new double[p], UG = new double[p];
        public readonly double[] I = new double[p * (p + 1) / 2], IG = new double[p * (p + 1) / 2], IGG = new double[p * (p + 1) / 2];
        public double LogLik;

        private static int RoundUp(int p) => (p + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
    }
}
