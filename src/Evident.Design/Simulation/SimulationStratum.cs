namespace Evident.Design.Simulation;

/// <summary>
/// One stratum of a simulated trial: its share of the subjects, its control-arm hazard, the experimental/control
/// hazard ratio, and an optional competing-event hazard (both arms). Immutable.
/// </summary>
/// <param name="Name">Label for reports.</param>
/// <param name="Proportion">Share of subjects, &gt; 0 (shares are normalised to sum to 1).</param>
/// <param name="ControlHazard">Hazard of the primary event in the control arm.</param>
/// <param name="HazardRatio">Experimental/control hazard ratio of the primary event, &gt; 0 (proportional within the stratum unless <see cref="HazardRatioOverTime"/> is given).</param>
/// <param name="CompetingHazard">Hazard of a competing event that ends follow-up without a primary event, or null.</param>
public sealed record SimulationStratum(string Name, double Proportion, PiecewiseHazard ControlHazard, double HazardRatio, PiecewiseHazard? CompetingHazard = null)
{
    /// <summary>
    /// A hazard ratio that changes with time since entry, as a step function (its <see cref="PiecewiseHazard.Starts"/>
    /// and, as the ratios, its <see cref="PiecewiseHazard.Rates"/>), e.g. 1 for 6 months then 0.6 for a delayed effect:
    /// the experimental hazard is then ratio(t)·λ(t). Null (the default) = the constant <see cref="HazardRatio"/>.
    /// </summary>
    public PiecewiseHazard? HazardRatioOverTime { get; init; }
}
