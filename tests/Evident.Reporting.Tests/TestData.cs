using System.Globalization;
using Evident.Design;
using Evident.Statistics;
using Evident.Statistics.CompetingRisks;
using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Tests;

/// <summary>Reference data sets from the fixtures folder (copied next to the test assembly) and curves fitted to them.</summary>
internal static class TestData
{
    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", file);

    /// <summary>A minimal CSV reader for the fixtures: header row, optional double quotes, empty field = NaN/"".</summary>
    public static Dictionary<string, string[]> ReadCsv(string file)
    {
        var lines = File.ReadAllLines(FixturePath(file));
        var header = Split(lines[0]);
        var columns = header.ToDictionary(h => h, _ => new string[lines.Length - 1]);
        for (int i = 1; i < lines.Length; i++)
        {
            var fields = Split(lines[i]);
            for (int c = 0; c < header.Length; c++) columns[header[c]][i - 1] = fields[c];
        }
        return columns;
    }

    private static string[] Split(string line) => line.Split(',').Select(f => f.Trim('"')).ToArray();

    public static double[] Numbers(string[] column) =>
        column.Select(v => v.Length == 0 ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>lung by sex (1 = male, 2 = female), time in days, log confidence limits: R's survfit(Surv(time, status) ~ sex, lung).</summary>
    public static IReadOnlyList<KaplanMeierCurve> LungBySex()
    {
        var d = ReadCsv("lung.csv");
        var time = Numbers(d["time"]);
        var isEvent = Numbers(d["status"]).Select(s => s == 2).ToArray();
        var group = Numbers(d["sex"]).Select(s => (int)s - 1).ToArray();
        return KaplanMeier.FitGroups(time, isEvent, group, 2);
    }

    /// <summary>crsim (simulated competing risks): time in months, cause 0/1/2, arm A/B.</summary>
    public static (CumulativeIncidence Result, string[] Arms) CrsimByArm()
    {
        var d = ReadCsv("crsim.csv");
        var time = Numbers(d["time"]);
        var cause = Numbers(d["cause"]).Select(c => (int)c).ToArray();
        var arms = d["arm"].Distinct().Order(StringComparer.Ordinal).ToArray();
        var group = d["arm"].Select(a => Array.IndexOf(arms, a)).ToArray();
        return (AalenJohansen.Fit(time, cause, group, arms.Length, [], 1), arms);
    }

    /// <summary>O'Brien–Fleming-type spending with beta spending at 4 equally spaced looks (the gs-obf-4-futility case).</summary>
    public static GroupSequentialDesign ObfWithFutility() => GroupSequential.Create(new GroupSequentialOptions
    {
        Looks = 4,
        Alpha = 0.025,
        Spending = SpendingFunction.OBrienFleming,
        Beta = 0.2,
        BetaSpending = SpendingFunction.OBrienFleming,
    });
}
