namespace Evident.Design.Monitoring;

/// <summary>
/// The result of <see cref="InterimMonitoring.Analyse"/>: every look so far, the design recomputed at the observed
/// information fractions of the latest look, and the overall state of the trial. Immutable.
/// </summary>
/// <param name="Design">
/// The design as it stands at the latest look: observed fractions for the looks so far, the planned fractions for the
/// looks still to come (those not already passed), final fraction 1.
/// </param>
/// <param name="Looks">One entry per look so far, in order.</param>
/// <param name="MaxEvents">The planned maximum number of events.</param>
/// <param name="DesignHazardRatio">The design hazard ratio used for conditional power, or null.</param>
/// <param name="StoppedAt">1-based look of the first stop (efficacy or futility), or null while the trial continues.</param>
/// <param name="PlannedEvents">Planned cumulative events of the looks still to come (fraction × maximum), empty after the final look.</param>
public sealed record InterimAnalysis(
    GroupSequentialDesign Design,
    IReadOnlyList<InterimLook> Looks,
    double MaxEvents,
    double? DesignHazardRatio,
    int? StoppedAt,
    IReadOnlyList<double> PlannedEvents)
{
    /// <summary>The decision at the latest look.</summary>
    public MonitoringDecision Decision => Looks[^1].Decision;
}
