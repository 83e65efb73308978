using Evident.Data;

namespace Evident.Benchmarks;

/// <summary>The 1,000,000-row benchmark data set, generated once per process into the temp folder.</summary>
internal static class BenchmarkData
{
    public static string CsvPath(int rows)
    {
        string path = Path.Combine(Path.GetTempPath(), $"evident-bench-{rows}.csv");
        if (!File.Exists(path)) SyntheticData.WriteCoxBenchmarkCsv(path, rows, seed: 20261124);
        return path;
    }

    public static ModelFrame Frame(int rows, string formula)
    {
        var parsed = SurvivalFormula.Parse(formula);
        var table = TableReader.Read(CsvPath(rows), parsed.Columns);
        return ModelFrame.Build(table, parsed);
    }
}
