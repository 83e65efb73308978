using System.Globalization;
using System.Text;

namespace Evident.Benchmarks;

/// <summary>
/// Simulated counting-process data for the whole-command Cox benchmark (issue 17): subjects with baseline x1, x2,
/// arm A/B and stratum 1–4, and a marker z measured again at visits every 0.5 time units, so each subject contributes
/// one (start, stop] interval per visit survived. Within a visit interval the hazard is constant,
/// 0.1·exp(0.5x1 − 0.3x2 + 0.4z − 0.2·[arm B]); censoring is Exp(0.5); times are rounded to 3 decimals (ties) and
/// never to a zero-length interval. Subjects are written until <c>intervals</c> rows are reached (the last subject is
/// written whole, so the file may hold up to a few rows more).
/// </summary>
internal static class CountingProcessData
{
    private const double VisitSpacing = 0.5;

    /// <summary>Writes columns id, start, stop, status, arm, stratum, x1, x2, z.</summary>
    public static void WriteCsv(string path, int intervals, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,start,stop,status,arm,stratum,x1,x2,z\n");
        int written = 0;
        for (int id = 1; written < intervals; id++)
        {
            double x1 = StandardNormal(random), x2 = StandardNormal(random);
            bool armB = random.Next(2) == 1;
            int stratum = random.Next(1, 5);
            double censor = -Math.Log(1 - random.NextDouble()) / 0.5;
            double linear = 0.5 * x1 - 0.3 * x2 - (armB ? 0.2 : 0);
            for (double start = 0; ; start += VisitSpacing)
            {
                double z = Math.Round(StandardNormal(random), 4);
                double gap = -Math.Log(1 - random.NextDouble()) / (0.1 * Math.Exp(linear + 0.4 * z));
                double end = Math.Min(start + gap, censor);
                bool last = end < start + VisitSpacing;
                double stop = last ? Math.Max(Math.Round(end, 3), start + 0.001) : start + VisitSpacing;
                int status = last && start + gap <= censor ? 1 : 0;
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{id},{start:R},{stop:R},{status},{(armB ? 'B' : 'A')},{stratum},{x1:R},{x2:R},{z:R}\n"));
                written++;
                if (last) break;
            }
        }
    }

    private static double StandardNormal(Random random)
    {
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
