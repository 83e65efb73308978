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

    private readonly CoxDesign _d;
    private readonly bool _efron;
    private readonly int[] _chunkStart;   // chunk c covers strata [_chunkStart[c], _chunkStart[c+1])
    private readonly Workspace[] _work;

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

    private void EvaluateChunk(int chunk, double[] beta, double[]? timeFunction)
    {
        var d = _d;
        var ws = _work[chunk];
        int p = d.P;
        double[] x = d.X, time = d.Time, weight = d.Weight;
        bool[] isEvent = d.IsEvent;
        bool withG = timeFunction is not null;
        Span<double> a = ws.A, a2 = ws.A2, xd = ws.Xd, du = ws.Du, mean = ws.Mean, c = ws.C, c2 = ws.C2, dI = ws.DI;
        Span<double> u = ws.U, imat = ws.I, uG = ws.UG, imatG = ws.IG, imatGG = ws.IGG;
        u.Clear(); imat.Clear(); uG.Clear(); imatG.Clear(); imatGG.Clear();
        double loglik = 0;

        for (int s = _chunkStart[chunk]; s < _chunkStart[chunk + 1]; s++)
        {
            int first = d.StratumStart[s];
            int person = d.StratumStart[s + 1] - 1;
            int leaving = person, atRisk = 0;
            double denom = 0;
            a.Clear(); c.Clear();
            while (person >= first)
            {
                double dtime = time[person];
                double g = withG ? timeFunction![person] : 0;
                int ndead = 0;
                double deadwt = 0, denom2 = 0;
                a2.Clear(); c2.Clear(); xd.Clear();
                for (; person >= first && time[person] == dtime; person--)
                {
                    var xi = new ReadOnlySpan<double>(x, person * p, p);
                    double zb = 0;
                    for (int i = 0; i < xi.Length; i++) zb += beta[i] * xi[i];
                    double w = weight[person];
                    double risk = Math.Exp(zb) * w;
                    atRisk++;
                    if (isEvent[person])
                    {
                        ndead++; deadwt += w; denom2 += risk; loglik += w * zb;
                        for (int i = 0; i < xi.Length; i++) xd[i] += w * xi[i];
                        AddOuter(a2, c2, xi, risk);
                    }
                    else
                    {
                        denom += risk;
                        AddOuter(a, c, xi, risk);
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
                        var xk = new ReadOnlySpan<double>(x, k * p, p);
                        double zk = 0;
                        for (int i = 0; i < xk.Length; i++) zk += beta[i] * xk[i];
                        AddOuter(a, c, xk, -Math.Exp(zk) * weight[k]);
                        denom -= Math.Exp(zk) * weight[k];
                        atRisk--;
                    }
                    // An emptied risk set restarts from exact zeros rather than from rounding residue.
                    if (atRisk == ndead) { denom = 0; a.Clear(); c.Clear(); }
                }

                xd.CopyTo(du);
                dI.Clear();
                // Breslow is Efron with one sub-step; with one death the two coincide.
                int steps = _efron ? ndead : 1;
                double wt = deadwt / steps, frac = 1.0 / steps;
                for (int k = 0; k < steps; k++)
                {
                    denom += denom2 * frac;
                    loglik -= wt * Math.Log(denom);
                    for (int i = 0; i < p; i++) { a[i] += a2[i] * frac; mean[i] = a[i] / denom; du[i] -= wt * mean[i]; }
                    for (int i = 0, ij = 0; i < p; i++)
                        for (int j = 0; j <= i; j++, ij++)
                        {
                            c[ij] += c2[ij] * frac;
                            dI[ij] += wt * (c[ij] - mean[i] * a[j]) / denom;
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

    private static void AddOuter(Span<double> a, Span<double> c, ReadOnlySpan<double> xi, double risk)
    {
        for (int i = 0, row = 0; i < xi.Length; row += ++i)
        {
            double rx = risk * xi[i];
            a[i] += rx;
            var ci = c.Slice(row, i + 1);
            for (int j = 0; j < ci.Length; j++) ci[j] += rx * xi[j];
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

    /// <summary>Scratch and partial sums of one chunk of strata (packed lower triangles for p×p quantities).</summary>
    private sealed class Workspace(int p)
    {
        public readonly double[] A = new double[p], A2 = new double[p], Xd = new double[p], Du = new double[p], Mean = new double[p];
        public readonly double[] C = new double[p * (p + 1) / 2], C2 = new double[p * (p + 1) / 2], DI = new double[p * (p + 1) / 2];
        public readonly double[] U = new double[p], UG = new double[p];
        public readonly double[] I = new double[p * (p + 1) / 2], IG = new double[p * (p + 1) / 2], IGG = new double[p * (p + 1) / 2];
        public double LogLik;
    }
}
