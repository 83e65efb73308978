using BenchmarkDotNet.Attributes;
using Evident.Data;

namespace Evident.Benchmarks;

/// <summary>Reading the 1,000,000-row CSV: only the columns a formula names, and the model frame built from them.</summary>
[MemoryDiagnoser]
public class InputBenchmarks
{
    private static readonly string[] CoxColumns = ["time", "status", "x1", "x2", "x3", "x4", "x5", "stratum"];
    private string _path = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _path = BenchmarkData.CsvPath(Rows);

    [Benchmark]
    public DataTable ReadCoxColumns() => TableReader.Read(_path, CoxColumns);

    [Benchmark]
    public ModelFrame ReadAndBuildCoxFrame() => BenchmarkData.Frame(Rows, "Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + strata(stratum)");
}
