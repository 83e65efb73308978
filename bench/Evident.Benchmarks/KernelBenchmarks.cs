using BenchmarkDotNet.Attributes;
using Evident.Data;
using Evident.Statistics;
using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Benchmarks;

/// <summary>The survival kernels on the 1,000,000-row data set (data already in memory).</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private ModelFrame _cox = null!;
    private ModelFrame _arm = null!;
    private ModelFrame _armStratified = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cox = BenchmarkData.Frame(Rows, "Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + strata(stratum)");
        _arm = BenchmarkData.Frame(Rows, "Surv(time, status) ~ arm");
        _armStratified = BenchmarkData.Frame(Rows, "Surv(time, status) ~ arm + strata(stratum)");
    }

    [Benchmark]
    public CoxFit CoxEfron5Covariates4Strata() =>
        CoxRegression.Fit(_cox.Time, _cox.Event, _cox.Covariates, _cox.CovariateCount, _cox.Stratum, _cox.Cluster);

    [Benchmark]
    public IReadOnlyList<KaplanMeierCurve> KaplanMeierByArm() =>
        KaplanMeier.FitGroups(_arm.Time, _arm.Event, _arm.Group, _arm.GroupLabels.Count);

    [Benchmark]
    public LogRankTest LogRankStratified() =>
        LogRank.Test(_armStratified.Time, _armStratified.Event, _armStratified.Group, _armStratified.GroupLabels.Count,
            _armStratified.Stratum, _armStratified.StratumCount);
}
