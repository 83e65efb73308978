using Evident.Design.Simulation;

namespace Evident.Design.NonProportional;

/// <summary>
/// The inputs of <see cref="AverageHazardRatio.Compute"/>, gsDesign2's <c>enroll_rate</c>, <c>fail_rate</c>,
/// <c>total_duration</c> and <c>ratio</c> for one stratum with one dropout hazard. Immutable.
/// </summary>
public sealed record AverageHazardRatioOptions
{
    /// <summary>Enrolment: absolute rates (subjects per time unit) as a step function of calendar time (<c>enroll_rate$rate</c>, its durations as start times).</summary>
    public required PiecewiseHazard EnrollmentRate { get; init; }

    /// <summary>End of enrolment, &gt; 0 (the sum of <c>enroll_rate$duration</c>).</summary>
    public required double EnrollmentEnd { get; init; }

    /// <summary>Control-arm hazard, a step function of the time since entry (<c>fail_rate$fail_rate</c>).</summary>
    public required PiecewiseHazard ControlHazard { get; init; }

    /// <summary>Experimental/control hazard ratio as a step function of the time since entry (<c>fail_rate$hr</c>), e.g. 1 then 0.6.</summary>
    public required PiecewiseHazard HazardRatio { get; init; }

    /// <summary>Constant dropout hazard in both arms, ≥ 0 (<c>fail_rate$dropout_rate</c>, one value).</summary>
    public double DropoutHazard { get; init; }

    /// <summary>Randomization ratio experimental:control, &gt; 0 (<c>ratio</c>).</summary>
    public double AllocationRatio { get; init; } = 1;

    /// <summary>Calendar times of the analyses, &gt; 0 (<c>total_duration</c>).</summary>
    public required IReadOnlyList<double> AnalysisTimes { get; init; }
}
