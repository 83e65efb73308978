namespace Evident.Statistics.Milestone;

/// <summary>
/// Milestone survival of an arm compared with a reference arm at time t (Klein, Logan, Harhoff &amp; Andersen 2007).
/// Built by <see cref="MilestoneSurvival.Compare"/>.
/// </summary>
/// <param name="Time">The milestone time t.</param>
/// <param name="Arm">The compared arm's estimate.</param>
/// <param name="Reference">The reference arm's estimate.</param>
/// <param name="Difference">Ŝ₁(t) − Ŝ₀(t), Greenwood standard errors, identity scale.</param>
/// <param name="SurvivalRatio">Ŝ₁(t)/Ŝ₀(t), interval by the delta method on the log scale.</param>
/// <param name="CumulativeHazardRatio">
/// log Ŝ₁(t)/log Ŝ₀(t) = Λ̂₁(t)/Λ̂₀(t), interval on the complementary log-log scale (the milestone analogue of a hazard ratio).
/// </param>
public sealed record MilestoneComparison(double Time, MilestoneEstimate Arm, MilestoneEstimate Reference,
                                         MilestoneContrast Difference, MilestoneContrast SurvivalRatio,
                                         MilestoneContrast CumulativeHazardRatio);
