namespace Evident.Statistics.Milestone;

/// <summary>How stratum-specific milestone differences are combined into one stratified difference.</summary>
public enum MilestoneWeighting
{
    /// <summary>
    /// wₖ = 1/Var(Dₖ): the minimum-variance fixed-effect combination; Var = 1/Σwₖ. Undefined (NaN) when a stratum's
    /// difference has zero variance (no events before t in either arm).
    /// </summary>
    InverseVariance,

    /// <summary>
    /// wₖ = n₁ₖn₀ₖ/(n₁ₖ + n₀ₖ): the Cochran–Mantel–Haenszel weights of a stratified risk difference (Mantel &amp;
    /// Haenszel 1959; Koch et al. 1989), fixed by design; Var = Σwₖ²Var(Dₖ)/(Σwₖ)².
    /// </summary>
    SampleSize,
}
