namespace Evident.Design;

/// <summary>
/// One stratum of a stratified survival design (<see cref="SurvivalSampleSizeOptions.Strata"/>): its share of the
/// enrolled subjects, its exponential control hazard and its own hazard ratio, as AALL1731's SR-average and SR-high
/// strata differed in both. Immutable.
/// </summary>
/// <param name="Name">The stratum's label.</param>
/// <param name="Prevalence">Share of subjects, &gt; 0 and finite; the shares are normalised to sum to 1.</param>
/// <param name="HazardRatio">Hazard ratio treatment/control in this stratum, &gt; 0 and finite.</param>
/// <param name="ControlMedian">Median survival of the control arm in this stratum (λ = ln 2/median); give this or <paramref name="ControlHazard"/>.</param>
/// <param name="ControlHazard">Constant control hazard in this stratum; give this or <paramref name="ControlMedian"/>.</param>
public sealed record DesignStratum(string Name, double Prevalence, double HazardRatio, double? ControlMedian = null, double? ControlHazard = null);
