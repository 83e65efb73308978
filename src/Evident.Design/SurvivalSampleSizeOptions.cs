namespace Evident.Design;

/// <summary>
/// Inputs of <see cref="SurvivalSampleSize.Compute"/>: rpact <c>getSampleSizeSurvival</c> with exponential survival,
/// uniform accrual over [0, <see cref="AccrualTime"/>], a fixed <see cref="FollowUpTime"/> after the end of accrual,
/// and exponential dropout. Times are in any one unit (e.g. months). Immutable.
/// </summary>
public sealed record SurvivalSampleSizeOptions
{
    /// <summary>The group-sequential design (looks, information, α, β = 1 − power, spending). Default: fixed design, α = 0.025 one-sided, β = 0.2.</summary>
    public GroupSequentialOptions Design { get; init; } = new();

    /// <summary>Hazard ratio treatment/control under H1, λ<sub>1</sub>/λ<sub>2</sub>; positive, finite, ≠ 1 (rpact <c>hazardRatio</c>).</summary>
    public double HazardRatio { get; init; }

    /// <summary>Median survival in the control arm (rpact <c>median2</c>); λ<sub>2</sub> = ln 2 / median. Give this or <see cref="ControlHazard"/>.</summary>
    public double? ControlMedian { get; init; }

    /// <summary>Constant hazard in the control arm (rpact <c>lambda2</c>). Give this or <see cref="ControlMedian"/>.</summary>
    public double? ControlHazard { get; init; }

    /// <summary>Length of the uniform accrual period, &gt; 0 (rpact <c>accrualTime = c(0, AccrualTime)</c>).</summary>
    public double AccrualTime { get; init; }

    /// <summary>Follow-up after the last subject is enrolled, ≥ 0 (rpact <c>followUpTime</c>).</summary>
    public double FollowUpTime { get; init; }

    /// <summary>Probability of dropping out by <see cref="DropoutTime"/> in each arm, 0 ≤ p &lt; 1 (rpact <c>dropoutRate1 = dropoutRate2</c>). Default 0.</summary>
    public double DropoutRate { get; init; }

    /// <summary>Time at which <see cref="DropoutRate"/> applies, &gt; 0 (rpact <c>dropoutTime</c>). Default 12.</summary>
    public double DropoutTime { get; init; } = 12;

    /// <summary>Planned allocation ratio r = n<sub>treatment</sub>/n<sub>control</sub>, &gt; 0 (rpact <c>allocationRatioPlanned</c>). Default 1.</summary>
    public double AllocationRatio { get; init; } = 1;
}
