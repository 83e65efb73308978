using System.Globalization;
using System.Text.Json;
using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>Test-only access to the R reference fixtures: a tiny CSV reader and the case JSON.</summary>
internal static class CoxReferenceData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference");

    /// <summary>Reads a CSV written by R's write.csv: header row, quoted strings, empty = missing.</summary>
    public static Dictionary<string, string[]> ReadCsv(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "data", name + ".csv"));
        var header = Split(lines[0]);
        var columns = header.ToDictionary(h => h, _ => new string[lines.Length - 1]);
        for (int r = 1; r < lines.Length; r++)
        {
            var cells = Split(lines[r]);
            for (int c = 0; c < header.Length; c++) columns[header[c]][r - 1] = cells[c];
        }
        return columns;
    }

    private static string[] Split(string line) =>
        line.Split(',').Select(s => s.Length >= 2 && s[0] == '"' ? s[1..^1] : s).ToArray();

    public static double Number(string cell) =>
        cell.Length == 0 || cell == "NA" ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture);

    public static JsonElement Expected(string caseName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "cases", caseName + ".json")));
        return doc.RootElement.Clone().GetProperty("expected");
    }

    public static (double Rel, double Abs) Tolerance(string caseName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "cases", caseName + ".json")));
        var t = doc.RootElement.GetProperty("tolerance");
        return (t.GetProperty("rel").GetDouble(), t.GetProperty("abs").GetDouble());
    }
}

/// <summary>A Cox design built from a fixture: the rows R keeps after dropping missing values.</summary>
internal sealed record CoxCaseData(double[] Time, bool[] IsEvent, double[] X, int P, int[] Stratum, int[] Cluster)
{
    public int N => Time.Length;

    /// <param name="data">The CSV columns.</param>
    /// <param name="eventCode">The status value meaning an event.</param>
    /// <param name="columns">One function per design column from a row index (NaN = missing).</param>
    /// <param name="stratum">Column holding the strata (or null).</param>
    /// <param name="cluster">Column holding the clusters (or null).</param>
    public static CoxCaseData Build(Dictionary<string, string[]> data, double eventCode, Func<int, double>[] columns,
                                    string? stratum = null, string? cluster = null)
    {
        var time = data["time"].Select(CoxReferenceData.Number).ToArray();
        var status = data["status"].Select(CoxReferenceData.Number).ToArray();
        var strat = stratum is null ? null : data[stratum].Select(CoxReferenceData.Number).ToArray();
        var clus = cluster is null ? null : data[cluster].Select(CoxReferenceData.Number).ToArray();
        var keep = new List<int>();
        for (int i = 0; i < time.Length; i++)
        {
            bool ok = !double.IsNaN(time[i]) && !double.IsNaN(status[i]) && columns.All(f => !double.IsNaN(f(i)));
            if (strat is not null && double.IsNaN(strat[i])) ok = false;
            if (clus is not null && double.IsNaN(clus[i])) ok = false;
            if (ok) keep.Add(i);
        }
        int p = columns.Length;
        var x = new double[keep.Count * p];
        for (int r = 0; r < keep.Count; r++)
            for (int j = 0; j < p; j++) x[r * p + j] = columns[j](keep[r]);
        int[] strata = [];
        if (strat is not null)
        {
            var levels = keep.Select(i => strat[i]).Distinct().OrderBy(v => v).ToList();
            strata = keep.Select(i => levels.IndexOf(strat[i])).ToArray();
        }
        int[] clusters = clus is null ? [] : keep.Select(i => (int)clus[i]).ToArray();
        return new CoxCaseData(keep.Select(i => time[i]).ToArray(), keep.Select(i => status[i] == eventCode).ToArray(),
                               x, p, strata, clusters);
    }

    public CoxFit Fit(CoxOptions? options = null) => CoxRegression.Fit(Time, IsEvent, X, P, Stratum, Cluster, options);

    public static CoxCaseData Book6() => Build(CoxReferenceData.ReadCsv("book6"), 1, Columns(CoxReferenceData.ReadCsv("book6"), "x"));

    public static CoxCaseData Aml()
    {
        var d = CoxReferenceData.ReadCsv("aml");
        return Build(d, 1, [i => d["x"][i] == "Nonmaintained" ? 1 : 0]);
    }

    public static CoxCaseData Lung(bool strataCluster = false)
    {
        var d = CoxReferenceData.ReadCsv("lung");
        return strataCluster
            ? Build(d, 2, Columns(d, "age", "sex"), stratum: "ph_ecog", cluster: "inst")
            : Build(d, 2, Columns(d, "age", "sex", "ph_ecog"));
    }

    public static CoxCaseData Veteran()
    {
        var d = CoxReferenceData.ReadCsv("veteran");
        var cols = Columns(d, "trt", "karno").ToList();
        foreach (var level in new[] { "large", "smallcell", "squamous" })
            cols.Add(i => d["celltype"][i] == level ? 1 : 0);
        return Build(d, 1, cols.ToArray());
    }

    private static Func<int, double>[] Columns(Dictionary<string, string[]> d, params string[] names) =>
        names.Select(n => (Func<int, double>)(i => CoxReferenceData.Number(d[n][i]))).ToArray();
}
