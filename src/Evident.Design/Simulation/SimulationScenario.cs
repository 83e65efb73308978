using Evident.Design.Internal;

namespace Evident.Design.Simulation;

/// <summary>
/// A two-arm, 1:1 randomized survival trial to simulate: strata with their own control hazards and hazard ratios,
/// competing events, accrual, dropout, the analysis schedule and the group-sequential design. Immutable; build it with
/// <see cref="Exponential"/> (the rpact <c>getSimulationSurvival</c> case) or the YAML reader in Evident.Protocol (<c>SimulationScenarioYaml.Parse</c>).
/// </summary>
public sealed record SimulationScenario
{
    /// <summary>Number of subjects N ≥ 2 enrolled over the accrual period (rpact <c>maxNumberOfSubjects</c>).</summary>
    public required int Subjects { get; init; }

    /// <summary>The strata (at least one); subjects fall into them at random with the given proportions.</summary>
    public required IReadOnlyList<SimulationStratum> Strata { get; init; }

    /// <summary>Entry-time distribution.</summary>
    public required PiecewiseAccrual Accrual { get; init; }

    /// <summary>Dropout hazard (both arms): censors follow-up without an event; null = none.</summary>
    public PiecewiseHazard? Dropout { get; init; }

    /// <summary>When the looks take place; as many values as the design has looks.</summary>
    public required LookSchedule Looks { get; init; }

    /// <summary>The design (one-sided): efficacy bounds, and futility bounds when it has beta spending.</summary>
    public required GroupSequentialOptions Design { get; init; }

    /// <summary>The test at each look (default the log-rank test); see <see cref="SimulationTest"/>.</summary>
    public SimulationTest Test { get; init; } = SimulationTest.LogRank;

    /// <summary>Whether the log-rank test is stratified by the strata (default true; irrelevant with one stratum).</summary>
    public bool Stratified { get; init; } = true;

    /// <summary>
    /// The flag form of <c>evident simulate</c> and rpact 3.3 <c>getSimulationSurvival(design, hazardRatio, median2 | lambda2,
    /// accrualTime = A, maxNumberOfSubjects = N, plannedEvents, dropoutRate1 = dropoutRate2 = p, dropoutTime)</c>:
    /// uniform accrual over [0, A], exponential survival, 1:1 allocation, exponential dropout reaching probability p
    /// at <paramref name="dropoutTime"/>, looks at the given event counts.
    /// </summary>
    /// <param name="design">One-sided design with one look per event count.</param>
    /// <param name="hazardRatio">Experimental/control hazard ratio &gt; 0.</param>
    /// <param name="controlHazard">Control hazard λ &gt; 0 (from a median m: ln 2/m).</param>
    /// <param name="accrual">Accrual duration A &gt; 0.</param>
    /// <param name="subjects">N ≥ 2.</param>
    /// <param name="events">Cumulative events per look: increasing positive integers, the last ≤ N.</param>
    /// <param name="dropoutRate">Dropout probability by <paramref name="dropoutTime"/>, 0 ≤ p &lt; 1.</param>
    /// <param name="dropoutTime">&gt; 0.</param>
    public static SimulationScenario Exponential(GroupSequentialOptions design, double hazardRatio, double controlHazard, double accrual,
                                                 int subjects, IReadOnlyList<int> events, double dropoutRate = 0, double dropoutTime = 12)
    {
        Checks.Positive(hazardRatio, "HazardRatio");
        Checks.Positive(controlHazard, "ControlHazard");
        Checks.Within(dropoutRate, DesignLimits.DropoutRate, "DropoutRate", $"must lie in {DesignLimits.DropoutRate}.");
        Checks.Positive(dropoutTime, "DropoutTime");
        ArgumentNullException.ThrowIfNull(events);
        return new SimulationScenario
        {
            Subjects = subjects,
            Strata = [new SimulationStratum("all", 1, PiecewiseHazard.Exponential(controlHazard), hazardRatio)],
            Accrual = PiecewiseAccrual.Uniform(accrual),
            Dropout = dropoutRate > 0 ? PiecewiseHazard.Exponential(-Math.Log(1 - dropoutRate) / dropoutTime) : null,
            Looks = LookSchedule.AtEvents(events.ToArray()),
            Design = design,
        };
    }
}
