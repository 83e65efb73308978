namespace Evident.Design.Simulation;

/// <summary>The statistic a simulated trial is analysed with at each look.</summary>
public enum SimulationTestKind
{
    /// <summary>The (stratified) log-rank test.</summary>
    LogRank,

    /// <summary>A Fleming–Harrington FH(ρ, γ) weighted log-rank test.</summary>
    FlemingHarrington,

    /// <summary>The MaxCombo test: the largest of several FH(ρ, γ) statistics, its p-value from their joint normal law.</summary>
    MaxCombo,

    /// <summary>The difference in restricted mean survival time up to τ between the arms.</summary>
    RestrictedMean,
}
