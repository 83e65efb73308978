using Evident.Design;

namespace Evident.Protocol;

/// <summary>
/// The planned group-sequential design and the assumptions behind its sample size (YAML <c>design:</c>); interim
/// monitoring uses <see cref="Boundaries"/>. Times are in the protocol's <see cref="TrialProtocol.TimeUnit"/>.
/// </summary>
/// <param name="Boundaries">
/// Looks, information fractions, α, spending, β and beta spending, binding futility, sidedness: the rpact
/// <c>getDesignGroupSequential</c> arguments, ready for <see cref="GroupSequential.Create"/>.
/// </param>
/// <param name="HazardRatio">Hazard ratio experimental/control under the alternative, &gt; 0 and ≠ 1; or null.</param>
/// <param name="ControlMedian">Median time to event in the control arm, &gt; 0; or null.</param>
/// <param name="ControlHazard">Constant control hazard per time unit, &gt; 0; or null (at most one of median and hazard).</param>
/// <param name="AccrualDuration">Length of (uniform) accrual, &gt; 0; or null.</param>
/// <param name="FollowUp">Follow-up after the end of accrual, ≥ 0; or null.</param>
/// <param name="Participants">Planned number of participants, ≥ 2; or null.</param>
/// <param name="DropoutRate">Probability of loss to follow-up by <paramref name="DropoutTime"/>, 0 ≤ p &lt; 1; default 0.</param>
/// <param name="DropoutTime">Time at which <paramref name="DropoutRate"/> applies, &gt; 0; default 12.</param>
/// <param name="PlannedEvents">Events at the final analysis (information fraction 1), ≥ 1; or null.</param>
public sealed record ProtocolDesign(
    GroupSequentialOptions Boundaries,
    double? HazardRatio,
    double? ControlMedian,
    double? ControlHazard,
    double? AccrualDuration,
    double? FollowUp,
    int? Participants,
    double DropoutRate,
    double DropoutTime,
    int? PlannedEvents)
{
    /// <summary>
    /// The sample-size inputs for <see cref="SurvivalSampleSize.Compute"/> (rpact <c>getSampleSizeSurvival</c>), or null
    /// when the hazard ratio, the control median/hazard, the accrual duration or the follow-up is not given.
    /// </summary>
    /// <param name="allocationRatio">Experimental/control allocation ratio, e.g. 1 for 1:1.</param>
    public SurvivalSampleSizeOptions? ToSampleSizeOptions(double allocationRatio)
    {
        if (HazardRatio is not double hr || (ControlMedian is null && ControlHazard is null) ||
            AccrualDuration is not double accrual || FollowUp is not double followUp)
            return null;
        return new SurvivalSampleSizeOptions
        {
            Design = Boundaries,
            HazardRatio = hr,
            ControlMedian = ControlMedian,
            ControlHazard = ControlHazard,
            AccrualTime = accrual,
            FollowUpTime = followUp,
            DropoutRate = DropoutRate,
            DropoutTime = DropoutTime,
            AllocationRatio = allocationRatio,
        };
    }
}
