using BenchmarkDotNet.Attributes;
using Evident.Statistics;

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
        var random = new Random(20240603);
        int n = Rows;
        _time = new double[n];
        _cause = new int[n];
        _arm = new int[n];
        _stratum = new int[n];
        _x = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            int arm = random.Next(2);
            double age = Math.Round(random.NextDouble() * 40 + 40, 0);
            double marker = random.NextDouble() * 2 - 1;
            _arm[i] = arm;
            _stratum[i] = random.Next(4);
            _x[i * 3] = arm;
            _x[i * 3 + 1] = age;
            _x[i * 3 + 2] = marker;
            double rate = 0.05 * Math.Exp(-0.3 * arm + 0.02 * (age - 60) + 0.4 * marker);
            double t1 = -Math.Log(random.NextDouble()) / rate;
            double t2 = -Math.Log(random.NextDouble()) / 0.04;
            double c = random.NextDouble() * 30;
            double t = Math.Min(t1, Math.Min(t2, c));
            _time[i] = Math.Round(t, 2);
            _cause[i] = t == c ? 0 : t == t1 ? 1 : (random.Next(4) == 0 ? 3 : 2);
        }
    }

    [Benchmark]
    public CumulativeIncidence CumulativeIncidenceByArmStratifiedGray() =>
        AalenJohansen.Fit(_time, _cause, _arm, 2, _stratum, 4);

    [Benchmark]
    public FineGrayFit FineGray3Covariates() => FineGray.Fit(_time, _cause, 1, _x, 3);
}
