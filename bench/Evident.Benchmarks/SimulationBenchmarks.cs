using BenchmarkDotNet.Attributes;
using Evident.Design;
using Evident.Design.Simulation;

namespace Evident.Benchmarks;

/// <summary>
/// The rpact getSimulationSurvival case: 4 looks (O'Brien–Fleming), HR 0.6, control median 195.2018,
/// accrual 60, 1,440 subjects, looks at 41, 83, 124, 165 events; 1,000 replicates per invocation.
/// </summary>
public class SimulationBenchmarks
{
    private SimulationScenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        var design = new GroupSequentialOptions
        {
            Looks = 4, Information = [0.25, 0.5, 0.75, 1], Alpha = 0.025, Spending = SpendingFunction.OBrienFleming,
        };
        _scenario = SimulationScenario.Exponential(design, hazardRatio: 0.6, controlHazard: Math.Log(2) / 195.2018, accrual: 60,
            subjects: 1440, events: [41, 83, 124, 165], dropoutRate: 0, dropoutTime: 12);
    }

    [Benchmark(Baseline = true)]
    public SimulationResult Simulate1000Replicates() =>
        SurvivalSimulation.Run(_scenario, new SimulationRun { Replicates = 1000, Seed = 1 });

    /// <summary>The same trials analysed by the MaxCombo test of the four usual FH weights (issue 16); compare with the log-rank baseline.</summary>
    [Benchmark]
    public SimulationResult Simulate1000ReplicatesMaxCombo() =>
        SurvivalSimulation.Run(_scenario with { Test = SimulationTest.MaxCombo([new(0, 0), new(0, 1), new(1, 0), new(1, 1)]) },
                               new SimulationRun { Replicates = 1000, Seed = 1 });
}
