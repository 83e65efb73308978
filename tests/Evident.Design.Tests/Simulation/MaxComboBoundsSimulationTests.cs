using Evident.Design.Simulation;

namespace Evident.Design.Tests.Simulation;

/// <summary>
/// A MaxCombo simulation whose looks are decided by closed-form bounds on p where they prove the side of the boundaries
/// gives the same tallies as one that integrates every look to 1e-11 (the bounds only skip integrals, never change a
/// decision). With seed 7 the second case includes a look-1 replicate (p = 8.30e-6 against α₁ = 7.37e-6) that today's
/// coarse integral wrongly rejected (p = 4.86e-6, error estimate 5.3e-7); bounds and fine integral agree it is not.
/// </summary>
public sealed class MaxComboBoundsSimulationTests
{
    /// <summary>The AALL1731 example's design (examples/aall1731-simulation.yaml): two strata, piecewise hazards, futility.</summary>
    private static SimulationScenario Aall1731(SimulationTest test) => new()
    {
        Subjects = 1440,
        Accrual = new PiecewiseAccrual([0.0, 6.0], [10.0, 25.0], 60),
        Dropout = PiecewiseHazard.Exponential(-Math.Log(0.97) / 12),
        Strata =
        [
            new SimulationStratum("average-risk", 0.6, new PiecewiseHazard([0.0, 24.0], [0.0045, 0.0020]), 0.55, PiecewiseHazard.Exponential(0.0004)),
            new SimulationStratum("high-risk", 0.4, PiecewiseHazard.FromMedian(90), 0.65, PiecewiseHazard.FromMedian(1200)),
        ],
        Looks = LookSchedule.AtEvents([41, 83, 124, 165]),
        Design = new GroupSequentialOptions
        {
            Looks = 4, Information = [0.25, 0.5, 0.75, 1], Alpha = 0.025, Spending = SpendingFunction.OBrienFleming,
            Beta = 0.2, BetaSpending = SpendingFunction.HwangShihDeCani(-2),
        },
        Test = test,
    };

    [Theory]
    [InlineData("maxcombo(0,0;0,1;1,0;1,1)", 1UL, 120)]  // rank 3: each reference integral is two-dimensional, slow
    [InlineData("maxcombo(0,0;0,1;1,0)", 7UL, 400)]
    public void Bound_decided_looks_give_the_tallies_of_integrated_ones(string test, ulong seed, int replicates)
    {
        var scenario = Aall1731(SimulationTest.Parse(test));
        var bounded = SurvivalSimulation.Run(scenario, new SimulationRun { Replicates = replicates, Seed = seed }).Tally;
        var integrated = SurvivalSimulation.Run(scenario, new SimulationRun { Replicates = replicates, Seed = seed, DecideByBounds = false }).Tally;
        Assert.Equal(integrated.RejectByLook, bounded.RejectByLook);
        Assert.Equal(integrated.FutilityByLook, bounded.FutilityByLook);
        Assert.Equal(integrated.StopsByLook, bounded.StopsByLook);
        Assert.Equal(integrated.EventsSum, bounded.EventsSum);
        Assert.Equal(integrated.SubjectsSum, bounded.SubjectsSum);
        Assert.Equal(integrated.DurationSum, bounded.DurationSum);
        Assert.Equal(integrated.HazardRatioSumByLook, bounded.HazardRatioSumByLook);
        Assert.Equal(integrated.HazardRatioCountByLook, bounded.HazardRatioCountByLook);
        Assert.True(bounded.RejectByLook.Sum() > replicates / 2, "the scenario has power, so many looks are near a boundary");
    }
}
