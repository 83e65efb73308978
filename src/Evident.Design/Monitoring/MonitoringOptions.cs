namespace Evident.Design.Monitoring;

/// <summary>
/// Inputs of <see cref="InterimMonitoring.Analyse"/>: the planned design, the looks so far (cumulative events and the
/// stratified log-rank Z at each), the planned maximum number of events and the design effect. Immutable.
/// </summary>
/// <remarks>
/// Sign convention: Z = (E − O)/√V of the experimental arm (O observed, E expected events under H0, V the log-rank
/// variance), so Z &gt; 0 favours the experimental arm (hazard ratio experimental/control below 1). rpact's
/// <c>overallLogRanks</c> have the opposite sign when used with <c>directionUpper = FALSE</c>.
/// </remarks>
public sealed record MonitoringOptions
{
    /// <summary>The planned design (looks, information fractions, α, spending, optional beta spending). One-sided only.</summary>
    public GroupSequentialOptions Design { get; init; } = new();

    /// <summary>Cumulative number of events at each look so far; positive, strictly increasing; at most <see cref="GroupSequentialOptions.Looks"/> values.</summary>
    public IReadOnlyList<double> Events { get; init; } = [];

    /// <summary>Stratified log-rank Z at each look so far (positive favours the experimental arm); finite.</summary>
    public IReadOnlyList<double> Z { get; init; } = [];

    /// <summary>
    /// Planned maximum number of events D<sub>max</sub> &gt; 0 (rpact <c>maxInformation</c>); information fraction = events / D<sub>max</sub>.
    /// Every planned look must add at least one event, D<sub>max</sub>·(t<sub>k</sub> − t<sub>k−1</sub>) ≥ 1 with t<sub>0</sub> = 0
    /// (so D<sub>max</sub> ≥ K): more looks than events is an error.
    /// </summary>
    public double MaxEvents { get; init; }

    /// <summary>
    /// Hazard ratio (experimental/control) the trial was designed for, &gt; 0, used for conditional power under the
    /// design effect (rpact <c>thetaH1</c>); null skips that conditional power.
    /// </summary>
    public double? HazardRatio { get; init; }

    /// <summary>Allocation ratio r = n<sub>experimental</sub>/n<sub>control</sub> &gt; 0; information I = D·r/(1 + r)². Default 1 (I = D/4).</summary>
    public double AllocationRatio { get; init; } = 1;
}
