using BenchmarkDotNet.Attributes;
using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Benchmarks;

/// <summary>
/// Cumulative incidence with Gray's test and Fine–Gray regression (3 covariates) on simulated competing-risks data
/// (two arms, three causes, censoring, times rounded to 0.01 so there are ties), data already in memory.
/// cmprsk::crr is O(n²) per iteration; <see cref="FineGray"/> must stay linear.
/// </summary>
[MemoryDiagnoser]
public class CompetingRisksBenchmarks
{
    private double[] _time = [];
    private int[] _cause = [];
    private int[] _arm = [];
    private int[] _stratum = [];
    private double[] _x = [];

    [Params(20_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = CompetingRisksData.Generate(Rows, seed: 20240603);
        (_time, _cause, _arm, _stratum, _x) = (data.Time, data.Cause, data.Arm, data.Stratum, data.Covariates);
    }

    [Benchmark]
    public CumulativeIncidence CumulativeIncidenceByArmStratifiedGray() =>
        AalenJohansen.Fit(_time, _cause, _arm, 2, _stratum, 4);

    [Benchmark]
    public FineGrayFit FineGray3Covariates() => FineGray.Fit(_time, _cause, 1, _x, 3);
}
