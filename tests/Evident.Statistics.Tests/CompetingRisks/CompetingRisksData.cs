using System.Globalization;
using System.Text.Json;
using Evident.Statistics.Tests.Survival;

namespace Evident.Statistics.Tests.CompetingRisks;

/// <summary>
/// The competing-risks reference cases: tests/fixtures/reference (make_refs.R) and tests/fixtures/competing-risks
/// (make_cr_refs.R, cmprsk 2.2-11 on R 4.2.2), with their data read as R's na.omit model frames would.
/// </summary>
internal static class CompetingRisksData
{
    public static string Folder(string folder) => Path.Combine(Path.GetDirectoryName(ReferenceFixtures.Root)!, folder);

    public static (JsonElement Expected, double Rel, double Abs) Case(string folder, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(folder), "cases", name + ".json")));
        var root = doc.RootElement.Clone();
        var tolerance = root.GetProperty("tolerance");
        return (root.GetProperty("expected"), tolerance.GetProperty("rel").GetDouble(), tolerance.GetProperty("abs").GetDouble());
    }

    public static CsvTable Table(string folder, string file) => CsvTable.Read(Path.Combine(Folder(folder), file));

    /// <summary>Codes a text column by R's sorted factor levels; also returns the levels.</summary>
    public static (int[] Codes, string[] Levels) Factor(string[] values)
    {
        var levels = values.Distinct().Order(StringComparer.Ordinal).ToArray();
        return (values.Select(v => Array.IndexOf(levels, v)).ToArray(), levels);
    }

    public static int[] Causes(double[] status) => status.Select(s => (int)s).ToArray();

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fisher–Yates permutation with a seeded generator.</summary>
    public static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>A simulated competing-risks sample with ties (times rounded), three causes and p covariates.</summary>
    public static (double[] Time, int[] Cause, double[] X) Simulate(int n, int p, int seed, double competing = 1.0, double rounding = 1.0)
    {
        var random = new Random(seed);
        var time = new double[n];
        var cause = new int[n];
        var x = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            double eta = 0;
            for (int j = 0; j < p; j++)
            {
                x[i * p + j] = j == 0 ? random.Next(2) : Math.Round(random.NextDouble() * 4 - 2, 2);
                eta += 0.3 * x[i * p + j];
            }
            double t1 = -Math.Log(random.NextDouble()) / (0.1 * Math.Exp(eta));
            double t2 = competing > 0 ? -Math.Log(random.NextDouble()) / (0.08 * competing) : double.PositiveInfinity;
            double c = random.NextDouble() * 20;
            double t = Math.Min(t1, Math.Min(t2, c));
            time[i] = Math.Ceiling(t / rounding) * rounding;
            cause[i] = t == c ? 0 : t == t1 ? 1 : (random.Next(3) == 0 ? 3 : 2);
        }
        return (time, cause, x);
    }
}
