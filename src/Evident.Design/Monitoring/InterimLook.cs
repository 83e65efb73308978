namespace Evident.Design.Monitoring;

/// <summary>
/// One look of an interim analysis: the boundaries recomputed at the observed information fraction, the decision,
/// the hazard-ratio estimate with its repeated confidence interval, and conditional power.
/// </summary>
/// <remarks>
/// Information I<sub>k</sub> = D<sub>k</sub>·r/(1 + r)² (D<sub>k</sub> events, allocation r). Estimated hazard ratio
/// exp(−Z<sub>k</sub>/√I<sub>k</sub>); repeated confidence interval (Jennison &amp; Turnbull 1989)
/// exp(−(Z<sub>k</sub> ± c<sub>k</sub>)/√I<sub>k</sub>), which covers the true hazard ratio simultaneously over all looks
/// with probability ≥ 1 − 2α. rpact: <c>getAnalysisResults(...)$repeatedConfidenceIntervalLowerBounds</c> / <c>UpperBounds</c>.
/// </remarks>
public sealed record InterimLook
{
    internal InterimLook() { }

    /// <summary>1-based look number.</summary>
    public required int Look { get; init; }

    /// <summary>Cumulative events D<sub>k</sub>.</summary>
    public required double Events { get; init; }

    /// <summary>Observed information fraction D<sub>k</sub>/D<sub>max</sub> (1 at the final look, where all remaining α is spent).</summary>
    public required double InformationFraction { get; init; }

    /// <summary>Log-rank Z at this look, positive favouring the experimental arm.</summary>
    public required double Z { get; init; }

    /// <summary>Efficacy bound c<sub>k</sub> on the Z scale, from the spending function at the observed information fractions.</summary>
    public required double EfficacyBound { get; init; }

    /// <summary>Futility bound at an interim look of a beta-spending design; NaN when there is none.</summary>
    public required double FutilityBound { get; init; }

    /// <summary>Cumulative α spent by this look, α(t<sub>k</sub>).</summary>
    public required double AlphaSpent { get; init; }

    /// <summary>One-sided p-value of Z at this look, 1 − Φ(Z) (naive, not adjusted for the looks).</summary>
    public required double NominalP { get; init; }

    /// <summary>The decision at this look.</summary>
    public required MonitoringDecision Decision { get; init; }

    /// <summary>Hazard ratio estimate exp(−Z<sub>k</sub>/√I<sub>k</sub>) (rpact <c>effectSizes</c> for survival).</summary>
    public required double HazardRatio { get; init; }

    /// <summary>Lower repeated confidence limit exp(−(Z<sub>k</sub> + c<sub>k</sub>)/√I<sub>k</sub>).</summary>
    public required double RciLower { get; init; }

    /// <summary>Upper repeated confidence limit exp(−(Z<sub>k</sub> − c<sub>k</sub>)/√I<sub>k</sub>).</summary>
    public required double RciUpper { get; init; }

    /// <summary>
    /// Repeated p-value: the smallest α for which the same spending function at the same information fractions gives
    /// c<sub>k</sub>(α) ≤ Z<sub>k</sub> (rpact <c>repeatedPValues</c>), solved on α ∈ [1e-10, 0.5]; values beyond
    /// are reported as the end of that range (rpact likewise stops at 0.5).
    /// </summary>
    public required double RepeatedPValue { get; init; }

    /// <summary>
    /// Probability of crossing an efficacy bound at a later look given Z<sub>k</sub>, under the design hazard ratio
    /// (rpact <c>conditionalPower</c> at the last stage with <c>thetaH1</c> = the design HR and <c>nPlanned</c> = the
    /// planned events of the remaining looks). NaN at the final look or without a design hazard ratio.
    /// </summary>
    public required double ConditionalPowerDesign { get; init; }

    /// <summary>Conditional power under the current trend, θ̂ = Z<sub>k</sub>/√I<sub>k</sub> (rpact with <c>thetaH1</c> unset). NaN at the final look.</summary>
    public required double ConditionalPowerTrend { get; init; }
}
