namespace Evident.Design;

/// <summary>One stratum's part of a stratified sample size (<see cref="SurvivalSampleSizeResult.Strata"/>). Immutable.</summary>
/// <param name="Name">The stratum's label.</param>
/// <param name="Prevalence">Its share of the subjects, normalised so that the shares sum to 1.</param>
/// <param name="HazardRatio">Its hazard ratio treatment/control.</param>
/// <param name="ControlHazard">Its control hazard λ<sub>2</sub>.</param>
/// <param name="Subjects">Subjects enrolled in it, prevalence × the design's subjects.</param>
/// <param name="EventsPerLook">Its expected events at each look's analysis time; over the strata they sum to the look's events.</param>
public sealed record StratumSampleSize(string Name, double Prevalence, double HazardRatio, double ControlHazard, double Subjects,
                                       IReadOnlyList<double> EventsPerLook);
