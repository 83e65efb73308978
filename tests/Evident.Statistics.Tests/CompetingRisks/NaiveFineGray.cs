using Evident.Statistics.CompetingRisks;

namespace Evident.Statistics.Tests.CompetingRisks;

/// <summary>
/// Test-only O(n²)–O(n³) transcription of the Fine–Gray (1999) information and sandwich variance as cmprsk's
/// <c>crrvv</c> defines them: every risk set summed afresh, every residual integrated row by row. The linear
/// forward–backward scans of <see cref="FineGray"/> must reproduce it.
/// </summary>
internal static class NaiveFineGray
{
    public static (double[,] Information, double[,] Variance) Compute(double[] time, int[] cause, int failCause, double[] x, int p, IReadOnlyList<double> beta)
    {
        int n = time.Length;
        var type = cause.Select(c => c == 0 ? 0 : c == failCause ? 1 : 2).ToArray();
        var e = new double[n];
        for (int i = 0; i < n; i++)
        {
            double eta = 0;
            for (int j = 0; j < p; j++) eta += x[i * p + j] * beta[j];
            e[i] = Math.Exp(eta);
        }
        int AtRisk(double u) => time.Count(t => t >= u);
        int CensoredAt(double u) => Enumerable.Range(0, n).Count(i => time[i] == u && type[i] == 0);
        double G(double t) // Ĝ(t−), Ĝ(0) at 0, as crr's approx() call evaluates it
        {
            double g = 1;
            foreach (double u in time.Distinct().Order())
            {
                if (u > t || (u == t && t > 0)) break;
                int c = CensoredAt(u);
                if (c > 0) g *= 1 - (double)c / AtRisk(u);
            }
            return g;
        }
        double Weight(int j, double tau) => time[j] >= tau ? e[j] : type[j] == 2 ? e[j] * G(tau) / G(time[j]) : 0;
        (double S0, double[] Mean) RiskSet(double tau)
        {
            double s0 = 0;
            var s1 = new double[p];
            for (int j = 0; j < n; j++)
            {
                double w = Weight(j, tau);
                s0 += w;
                for (int k = 0; k < p; k++) s1[k] += w * x[j * p + k];
            }
            return (s0, s1.Select(v => v / s0).ToArray());
        }

        var failures = Enumerable.Range(0, n).Where(i => type[i] == 1).ToArray();
        var sets = failures.ToDictionary(i => i, i => RiskSet(time[i]));
        var information = new double[p, p];
        foreach (int f in failures)
        {
            var (s0, mean) = sets[f];
            for (int j = 0; j < n; j++)
            {
                double w = Weight(j, time[f]);
                for (int a = 0; a < p; a++)
                    for (int b = 0; b < p; b++) information[a, b] += w * (x[j * p + a] - mean[a]) * (x[j * p + b] - mean[b]) / s0;
            }
        }

        double[] Q(double u)
        {
            var q = new double[p];
            foreach (int f in failures.Where(f => time[f] >= u))
            {
                var (s0, mean) = sets[f];
                for (int j = 0; j < n; j++)
                {
                    if (!(time[j] < u && type[j] == 2)) continue;
                    double w = e[j] * G(time[f]) / G(time[j]);
                    for (int k = 0; k < p; k++) q[k] += w * (x[j * p + k] - mean[k]) / s0;
                }
            }
            return q;
        }

        var middle = new double[p, p];
        for (int i = 0; i < n; i++)
        {
            var total = new double[p];
            if (type[i] == 1)
                for (int k = 0; k < p; k++) total[k] += x[i * p + k] - sets[i].Mean[k];
            foreach (int f in failures)
            {
                double w = Weight(i, time[f]);
                var (s0, mean) = sets[f];
                for (int k = 0; k < p; k++) total[k] -= w * (x[i * p + k] - mean[k]) / s0;
            }
            for (int c = 0; c < n; c++)
            {
                if (type[c] != 0 || time[c] > time[i]) continue;
                var q = Q(time[c]);
                double y = AtRisk(time[c]);
                for (int k = 0; k < p; k++) total[k] -= q[k] / (y * y);
            }
            if (type[i] == 0)
            {
                var q = Q(time[i]);
                for (int k = 0; k < p; k++) total[k] += q[k] / AtRisk(time[i]);
            }
            for (int a = 0; a < p; a++)
                for (int b = 0; b < p; b++) middle[a, b] += total[a] * total[b];
        }

        var inverse = Invert(information, p);
        var variance = new double[p, p];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
                for (int k = 0; k < p; k++)
                    for (int l = 0; l < p; l++) variance[a, b] += inverse[a, k] * middle[k, l] * inverse[b, l];
        return (information, variance);
    }

    private static double[,] Invert(double[,] m, int p)
    {
        var a = (double[,])m.Clone();
        var inv = new double[p, p];
        for (int i = 0; i < p; i++) inv[i, i] = 1;
        for (int c = 0; c < p; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < p; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            for (int k = 0; k < p; k++)
            {
                (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
                (inv[c, k], inv[pivot, k]) = (inv[pivot, k], inv[c, k]);
            }
            double d = a[c, c];
            for (int k = 0; k < p; k++) { a[c, k] /= d; inv[c, k] /= d; }
            for (int r = 0; r < p; r++)
            {
                if (r == c) continue;
                double f = a[r, c];
                for (int k = 0; k < p; k++) { a[r, k] -= f * a[c, k]; inv[r, k] -= f * inv[c, k]; }
            }
        }
        return inv;
    }
}
