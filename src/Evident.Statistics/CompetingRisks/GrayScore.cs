using System.Runtime.CompilerServices;
using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// Gray's (1988) test for equality of cumulative incidence functions across groups, stratified: the scores and
/// variance of Gray's Fortran routines <c>crstm</c>/<c>crst</c> (cmprsk), summed over strata.
/// </summary>
/// <remarks>
/// Within a stratum, at each time t with failures, for group j with Rⱼ at risk, left-continuous all-cause Kaplan–Meier
/// Ŝⱼ(t−) and cause-k incidence F̂ⱼ(t−): ĥⱼ = Rⱼ/Ŝⱼ(t−), the pooled F̂(t) = F̂(t−) + d₁/Σĥ and weight
/// w = (1 − F̂(t−))^ρ; the score of group j gains w·(d₁ⱼ − d₁·Rⱼ(1 − F̂ⱼ(t−))/(Ŝⱼ(t−)·Σ_r R_r(1 − F̂_r(t−))/Ŝ_r(t−))).
/// The variance combines the cause-k and other-cause martingale terms exactly as <c>crst</c> does (Gray 1988, §3).
/// The statistic is sᵀV⁻¹s over the first g − 1 groups, df = g − 1.
/// </remarks>
internal static class GrayScore
{
    /// <summary>
    /// One test per cause. <paramref name="causeIndex"/>: 0 = censored, c = index + 1 into <paramref name="causes"/>.
    /// Returns an empty list when fewer than two groups have rows (cmprsk drops empty groups).
    /// </summary>
    public static IReadOnlyList<GrayTest> Tests(ReadOnlySpan<double> time, ReadOnlySpan<int> causeIndex, int[] causes,
                                                ReadOnlySpan<int> group, int groupCount, ReadOnlySpan<int> stratum, int stratumCount, double rho)
    {
        if (group.IsEmpty) return Array.Empty<GrayTest>();
        var present = new int[groupCount];
        foreach (int g in group) present[g]++;
        int ng = 0;
        for (int g = 0; g < groupCount; g++) present[g] = present[g] > 0 ? ng++ : -1;
        if (ng < 2) return Array.Empty<GrayTest>();

        int n = time.Length, kk = causes.Length + 1;
        var isEvent = new bool[n];
        var label = new int[n];
        for (int i = 0; i < n; i++)
        {
            isEvent[i] = causeIndex[i] != 0;
            label[i] = present[group[i]] * kk + causeIndex[i];
        }
        var sorted = SurvivalOrder.Sort(time, isEvent, label, stratum, stratum.IsEmpty ? 1 : stratumCount);

        int ng1 = ng - 1;
        var work = new Workspace(ng);
        var tests = new GrayTest[causes.Length];
        for (int c = 0; c < causes.Length; c++)
        {
            var s = new double[ng1];
            var v = new double[ng1 * ng1];
            for (int b = 0; b < sorted.BucketCount; b++)
                AccumulateStratum(sorted.TimesOf(b), sorted.CodesOf(b), c + 1, kk, rho, work, s, v);
            tests[c] = new GrayTest(causes[c], Statistic(s, v, ng1), Array.AsReadOnly(s));
        }
        return Array.AsReadOnly(tests);
    }

    private static ChiSquareTest Statistic(double[] s, double[] v, int p)
    {
        var solution = DenseSolve.Solve(v, p, s);
        if (solution is null) return new ChiSquareTest(double.NaN, p, double.NaN);
        double form = 0;
        for (int i = 0; i < p; i++) form += s[i] * solution[i];
        return ChiSquareTest.FromStatistic(form, p);
    }

    /// <summary>Per-group working arrays of <c>crst</c>, allocated once per call.</summary>
    private sealed class Workspace(int ng)
    {
        public readonly double[] AtRisk = new double[ng];
        public readonly int[] Censored = new int[ng];
        public readonly int[] Failed = new int[ng];
        public readonly int[] Other = new int[ng];
        public readonly double[] IncidenceBefore = new double[ng];
        public readonly double[] Incidence = new double[ng];
        public readonly double[] SurvivalBefore = new double[ng];
        public readonly double[] Survival = new double[ng];
        public readonly double[] V3 = new double[ng];
        public readonly double[] V2 = new double[(ng - 1) * ng];
        public readonly double[] C = new double[ng * ng];
        public readonly double[] A = new double[ng * ng];
    }

    /// <summary>
    /// <c>crst</c> for one stratum and cause, added into <paramref name="s"/> and <paramref name="v"/> (full (g−1)² matrix).
    /// Precondition: times ascending; code label = group·kk + cause index.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateStratum(ReadOnlySpan<double> time, ReadOnlySpan<int> code, int cause, int kk, double rho,
                                          Workspace w, double[] s, double[] v)
    {
        int ng = w.AtRisk.Length, ng1 = ng - 1, n = time.Length;
        double[] rs = w.AtRisk, f1m = w.IncidenceBefore, f1 = w.Incidence, skmm = w.SurvivalBefore, skm = w.Survival;
        double[] v3 = w.V3, v2 = w.V2, c = w.C, a = w.A;
        int[] d0 = w.Censored, d1 = w.Failed, d2 = w.Other;
        Array.Clear(rs);
        foreach (int x in code) rs[SurvivalOrder.Label(x) / kk]++;
        Array.Clear(f1m); Array.Clear(f1); Array.Clear(v3); Array.Clear(v2); Array.Clear(c);
        Array.Fill(skmm, 1.0); Array.Fill(skm, 1.0);
        double fm = 0, f = 0;

        for (int ll = 0; ll < n;)
        {
            double t = time[ll];
            int lu = ll;
            Array.Clear(d0); Array.Clear(d1); Array.Clear(d2);
            for (; lu < n && time[lu] == t; lu++)
            {
                int label = SurvivalOrder.Label(code[lu]), g = label / kk, k = label % kk;
                if (k == 0) d0[g]++;
                else if (k == cause) d1[g]++;
                else d2[g]++;
            }
            int nd1 = 0, nd2 = 0;
            for (int i = 0; i < ng; i++) { nd1 += d1[i]; nd2 += d2[i]; }

            if (nd1 > 0 || nd2 > 0)
            {
                double tr = 0, tq = 0;
                for (int i = 0; i < ng; i++)
                {
                    if (rs[i] <= 0) continue;
                    int td = d1[i] + d2[i];
                    skm[i] = skmm[i] * (rs[i] - td) / rs[i];
                    f1[i] = f1m[i] + skmm[i] * d1[i] / rs[i];
                    tr += rs[i] / skmm[i];
                    tq += rs[i] * (1 - f1m[i]) / skmm[i];
                }
                f = fm + nd1 / tr;
                double fb = rho == 0 ? 1.0 : Math.Pow(1 - fm, rho);
                for (int i = 0; i < ng; i++)
                {
                    for (int j = i; j < ng; j++) a[i * ng + j] = 0;
                    if (rs[i] <= 0) continue;
                    double t1 = rs[i] / skmm[i];
                    a[i * ng + i] = fb * t1 * (1 - t1 / tr);
                    c[i * ng + i] += a[i * ng + i] * nd1 / (tr * (1 - fm));
                    for (int j = i + 1; j < ng; j++)
                    {
                        if (rs[j] <= 0) continue;
                        a[i * ng + j] = -fb * t1 * rs[j] / (skmm[j] * tr);
                        c[i * ng + j] += a[i * ng + j] * nd1 / (tr * (1 - fm));
                    }
                }
                for (int i = 1; i < ng; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        a[i * ng + j] = a[j * ng + i];
                        c[i * ng + j] = c[j * ng + i];
                    }
                }
                for (int i = 0; i < ng1; i++)
                {
                    if (rs[i] <= 0) continue;
                    s[i] += fb * (d1[i] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq));
                }
                if (nd1 > 0)
                {
                    for (int k = 0; k < ng; k++)
                    {
                        if (rs[k] <= 0) continue;
                        double t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1.0;
                        double t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1.0;
                        double t3 = t5 * skmm[k] * nd1 / (tr * rs[k]);
                        v3[k] += t4 * t4 * t3;
                        for (int i = 0; i < ng1; i++)
                        {
                            double t1 = a[i * ng + k] - t4 * c[i * ng + k];
                            v2[i * ng + k] += t1 * t4 * t3;
                            for (int j = 0; j <= i; j++)
                            {
                                double t2 = a[j * ng + k] - t4 * c[j * ng + k];
                                v[i * ng1 + j] += t1 * t2 * t3;
                            }
                        }
                    }
                }
                if (nd2 > 0)
                {
                    for (int k = 0; k < ng; k++)
                    {
                        if (skm[k] <= 0 || d2[k] <= 0) continue;
                        double t4 = (1 - f) / skm[k];
                        double t5 = d2[k] > 1 ? 1 - (d2[k] - 1.0) / (rs[k] - 1.0) : 1.0;
                        double t3 = t5 * (skmm[k] * skmm[k] * d2[k]) / (rs[k] * rs[k]);
                        v3[k] += t4 * t4 * t3;
                        for (int i = 0; i < ng1; i++)
                        {
                            double t1 = t4 * c[i * ng + k];
                            v2[i * ng + k] -= t1 * t4 * t3;
                            for (int j = 0; j <= i; j++)
                            {
                                double t2 = t4 * c[j * ng + k];
                                v[i * ng1 + j] += t1 * t2 * t3;
                            }
                        }
                    }
                }
            }

            for (int i = ll; i < lu; i++) rs[SurvivalOrder.Label(code[i]) / kk]--;
            fm = f;
            Array.Copy(f1, f1m, ng);
            Array.Copy(skm, skmm, ng);
            ll = lu;
        }

        for (int i = 0; i < ng1; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double add = 0;
                for (int k = 0; k < ng; k++)
                    add += c[i * ng + k] * c[j * ng + k] * v3[k] + c[i * ng + k] * v2[j * ng + k] + c[j * ng + k] * v2[i * ng + k];
                v[i * ng1 + j] += add;
                v[j * ng1 + i] = v[i * ng1 + j];
            }
        }
    }
}
