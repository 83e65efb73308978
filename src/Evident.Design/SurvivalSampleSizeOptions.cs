namespace Evident.Design;

/// <summary>
/// Inputs of <see cref="SurvivalSampleSize.Compute"/>: rpact <c>getSampleSizeSurvival</c> with exponential or
/// piecewise-exponential survival, uniform or piecewise-constant accrual, and exponential dropout. Times are in any one
/// unit (e.g. months). Immutable.
/// </summary>
/// <remarks>
/// Accrual is either uniform over [0, <see cref="AccrualTime"/>] or piecewise (<see cref="AccrualTimes"/> with
/// <see cref="AccrualIntensities"/>), with rpact's meaning: intensities all below 1 are relative (scaled to the subjects
/// needed), otherwise absolute subjects per time unit; one time more than intensities fixes the end of accrual, as
/// many times as intensities leave the last piece open until enough subjects are enrolled. What is computed follows
/// from what is given: with a fixed end and relative intensities, the subjects from <see cref="FollowUpTime"/>; with a
/// fixed end and absolute intensities (or <see cref="MaxSubjects"/>), the follow-up; with an open end, the end of
/// accrual from <see cref="FollowUpTime"/> or <see cref="MaxSubjects"/>.
/// </remarks>
public sealed record SurvivalSampleSizeOptions
{
    /// <summary>The group-sequential design (looks, information, α, β = 1 − power, spending). Default: fixed design, α = 0.025 one-sided, β = 0.2.</summary>
    public GroupSequentialOptions Design { get; init; } = new();

    /// <summary>Hazard ratio treatment/control under H1, λ<sub>1</sub>/λ<sub>2</sub> in every piece; positive, finite, ≠ 1 (rpact <c>hazardRatio</c>).</summary>
    public double HazardRatio { get; init; }

    /// <summary>Median survival in the control arm (rpact <c>median2</c>); λ<sub>2</sub> = ln 2 / median. Give this, <see cref="ControlHazard"/> or <see cref="ControlHazards"/>.</summary>
    public double? ControlMedian { get; init; }

    /// <summary>Constant hazard in the control arm (rpact <c>lambda2</c>). Give this, <see cref="ControlMedian"/> or <see cref="ControlHazards"/>.</summary>
    public double? ControlHazard { get; init; }

    /// <summary>Piecewise-constant control hazards, each &gt; 0, one per start in <see cref="PiecewiseSurvivalTimes"/> (rpact <c>lambda2</c> as a vector).</summary>
    public IReadOnlyList<double>? ControlHazards { get; init; }

    /// <summary>Starts of the hazard pieces, 0 first and strictly increasing, the last piece open (rpact <c>piecewiseSurvivalTime</c>). Required with <see cref="ControlHazards"/> of more than one value.</summary>
    public IReadOnlyList<double>? PiecewiseSurvivalTimes { get; init; }

    /// <summary>Length of a uniform accrual period, &gt; 0 (rpact <c>accrualTime = c(0, AccrualTime)</c>). Give this or <see cref="AccrualTimes"/>.</summary>
    public double? AccrualTime { get; init; }

    /// <summary>rpact's <c>accrualTime</c>: 0 first, strictly increasing; as many values as <see cref="AccrualIntensities"/> (open end) or one more (fixed end).</summary>
    public IReadOnlyList<double>? AccrualTimes { get; init; }

    /// <summary>rpact's <c>accrualIntensity</c>, one per accrual piece, each ≥ 0 and finite: relative when all are below 1, else subjects per time unit.</summary>
    public IReadOnlyList<double>? AccrualIntensities { get; init; }

    /// <summary>Follow-up after the last subject is enrolled, ≥ 0 (rpact <c>followUpTime</c>); null when it is to be computed.</summary>
    public double? FollowUpTime { get; init; }

    /// <summary>Subjects to enrol (rpact <c>maxNumberOfSubjects</c>), &gt; 0; null when they are to be computed. The follow-up is then computed.</summary>
    public double? MaxSubjects { get; init; }

    /// <summary>Probability of dropping out by <see cref="DropoutTime"/> in each arm, 0 ≤ p &lt; 1 (rpact <c>dropoutRate1 = dropoutRate2</c>). Default 0.</summary>
    public double DropoutRate { get; init; }

    /// <summary>Time at which <see cref="DropoutRate"/> applies, &gt; 0 (rpact <c>dropoutTime</c>). Default 12.</summary>
    public double DropoutTime { get; init; } = 12;

    /// <summary>Planned allocation ratio r = n<sub>treatment</sub>/n<sub>control</sub>, &gt; 0 (rpact <c>allocationRatioPlanned</c>). Default 1.</summary>
    public double AllocationRatio { get; init; } = 1;

    /// <summary>
    /// A stratified design: each stratum's share of subjects, control hazard and hazard ratio (2 or more strata), the
    /// test the stratified log-rank test. Give these instead of <see cref="HazardRatio"/> and the control hazard, which
    /// stay unset. Null (the default) for an unstratified design.
    /// </summary>
    public IReadOnlyList<DesignStratum>? Strata { get; init; }
}
