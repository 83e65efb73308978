using System.Globalization;

namespace Evident.Data;

/// <summary>
/// Generates reproducible synthetic trial data for tests and benchmarks.
/// </summary>
public static class SyntheticData
{
    /// <summary>
    /// Writes a Cox-model benchmark CSV with columns <c>id,time,status,arm,stratum,x1,x2,x3,x4,x5</c>.
    /// x₁…x₅ ~ N(0, 1) written with round-trip precision (about 17 significant digits); the event time is
    /// exponential with rate 0.1·exp(0.5x₁ − 0.3x₂ + 0.2x₃ + 0.1x₅), the censoring time exponential with rate 0.5;
    /// <c>time</c> = the minimum rounded to 3 decimals, <c>status</c> = 1 when the event came first;
    /// <c>arm</c> is A or B and <c>stratum</c> 1–4, each uniformly at random.
    /// </summary>
    /// <param name="path">Destination file (overwritten).</param>
    /// <param name="rows">Number of subjects, ≥ 1.</param>
    /// <param name="seed">Seed of the generator; the same seed gives the same file.</param>
    public static void WriteCoxBenchmarkCsv(string path, int rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var random = new Random(seed);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write("id,time,status,arm,stratum,x1,x2,x3,x4,x5\n"u8);
        var line = new byte[512];
        Span<double> x = stackalloc double[5];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < 5; j++) x[j] = StandardNormal(random);
            double hazard = 0.1 * Math.Exp(0.5 * x[0] - 0.3 * x[1] + 0.2 * x[2] + 0.1 * x[4]);
            double eventTime = -Math.Log(1 - random.NextDouble()) / hazard;
            double censorTime = -Math.Log(1 - random.NextDouble()) / 0.5;
            double time = Math.Round(Math.Min(eventTime, censorTime), 3);
            int status = eventTime <= censorTime ? 1 : 0;
            char arm = random.Next(2) == 0 ? 'A' : 'B';
            int stratum = random.Next(1, 5);

            int n = 0;
            Span<byte> buffer = line;
            n += Write(buffer[n..], i + 1);
            buffer[n++] = (byte)',';
            n += Write(buffer[n..], time);
            buffer[n++] = (byte)',';
            buffer[n++] = (byte)('0' + status);
            buffer[n++] = (byte)',';
            buffer[n++] = (byte)arm;
            buffer[n++] = (byte)',';
            buffer[n++] = (byte)('0' + stratum);
            for (int j = 0; j < 5; j++)
            {
                buffer[n++] = (byte)',';
                n += Write(buffer[n..], x[j]);
            }
            buffer[n++] = (byte)'\n';
            stream.Write(buffer[..n]);
        }
    }

    /// <summary>Box–Muller transform (Box &amp; Muller 1958); one draw per call keeps the stream simple.</summary>
    private static double StandardNormal(Random random)
    {
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static int Write(Span<byte> destination, double value)
    {
        value.TryFormat(destination, out int written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    private static int Write(Span<byte> destination, int value)
    {
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
