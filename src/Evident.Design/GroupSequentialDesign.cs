namespace Evident.Design;

/// <summary>
/// A group-sequential design on the Z scale: efficacy (and optional futility) bounds at each look, the error spent,
/// and the characteristics needed for sample size (inflation factor, expected information). Built once by
/// <see cref="GroupSequential.Create"/>; immutable. Equivalent to rpact 3.3 <c>getDesignGroupSequential</c> with
/// <c>getDesignCharacteristics</c>.
/// </summary>
/// <remarks>
/// Agreement with rpact 3.3.4 (reference cases gs-obf-4, gs-obf-4-futility, gs-obf-uneven, gs-pocock-3,
/// gs-hsd-m4-5): bounds, alpha spent and nominal levels to better than 1e-6 relative. rpact floors the final
/// cumulative alpha spent to 8 decimals (so it prints 0.02499999 where the integral is 0.0249999999…); Evident
/// reports the integral itself, which differs from rpact by at most 1e-8.
/// </remarks>
public sealed record GroupSequentialDesign
{
    internal GroupSequentialDesign() { }

    /// <summary>Number of analyses K.</summary>
    public required int Looks { get; init; }

    /// <summary>Type I error rate (two-sided when <see cref="TwoSided"/>).</summary>
    public required double Alpha { get; init; }

    /// <summary>Type II error rate the design is powered for.</summary>
    public required double Beta { get; init; }

    /// <summary>Whether the test is two-sided with symmetric bounds ±c<sub>k</sub>.</summary>
    public required bool TwoSided { get; init; }

    /// <summary>Whether the futility bounds were treated as binding when computing the efficacy bounds.</summary>
    public required bool BindingFutility { get; init; }

    /// <summary>The alpha-spending function.</summary>
    public required SpendingFunction Spending { get; init; }

    /// <summary>The beta-spending function, or null when there are no futility bounds.</summary>
    public required SpendingFunction? BetaSpending { get; init; }

    /// <summary>Information fractions t<sub>k</sub>, increasing, last = 1 (rpact <c>informationRates</c>).</summary>
    public required IReadOnlyList<double> Information { get; init; }

    /// <summary>Efficacy bounds c<sub>k</sub> on the Z scale: reject H0 at look k when Z<sub>k</sub> ≥ c<sub>k</sub> (two-sided: |Z<sub>k</sub>| ≥ c<sub>k</sub>). rpact <c>criticalValues</c>.</summary>
    public required IReadOnlyList<double> CriticalValues { get; init; }

    /// <summary>Cumulative type I error spent by look k under H0, computed from the bounds (rpact <c>alphaSpent</c>; see remarks on the last value).</summary>
    public required IReadOnlyList<double> AlphaSpent { get; init; }

    /// <summary>One-sided nominal significance level per look, 1 − Φ(c<sub>k</sub>) (rpact <c>stageLevels</c>).</summary>
    public required IReadOnlyList<double> NominalP { get; init; }

    /// <summary>Futility bounds for looks 1..K−1 on the Z scale (stop for futility when Z<sub>k</sub> &lt; bound), or null (rpact <c>futilityBounds</c>).</summary>
    public required IReadOnlyList<double>? FutilityBounds { get; init; }

    /// <summary>Cumulative type II error spent by look k at the design drift, or null without beta spending (rpact <c>betaSpent</c>).</summary>
    public required IReadOnlyList<double>? BetaSpent { get; init; }

    /// <summary>
    /// Drift δ = E[Z<sub>K</sub>] under H1 that gives power 1 − β with these bounds (futility bounds included, binding
    /// or not); E[Z<sub>k</sub>] = δ√t<sub>k</sub>. rpact: <c>sqrt(getDesignCharacteristics(d)$shift)</c>.
    /// </summary>
    public required double Drift { get; init; }

    /// <summary>
    /// Maximum information relative to the fixed design with the same α and β: δ² / (z<sub>1−α/s</sub> + z<sub>1−β</sub>)²
    /// with s = 1 or 2 sides (rpact <c>inflationFactor</c>). 1 for K = 1.
    /// </summary>
    public required double InflationFactor { get; init; }

    /// <summary>Cumulative probability of rejecting H0 by look k at drift <see cref="Drift"/>; the last value is 1 − β (rpact <c>power</c>).</summary>
    public required IReadOnlyList<double> PowerH1 { get; init; }

    /// <summary>Probability of rejecting H0 at look k (not before) under H1 (rpact <c>rejectionProbabilities</c>).</summary>
    public required IReadOnlyList<double> RejectionProbabilitiesH1 { get; init; }

    /// <summary>Probability of stopping for futility at look k = 1..K−1 under H1 (rpact <c>futilityProbabilities</c>); zeros without futility bounds.</summary>
    public required IReadOnlyList<double> FutilityProbabilitiesH1 { get; init; }

    /// <summary>Probability of stopping (either bound) at look k = 1..K−1 under H0 with the reported bounds.</summary>
    public required IReadOnlyList<double> StoppingProbabilitiesH0 { get; init; }

    /// <summary>Expected information under H0 relative to the fixed design (rpact <c>averageSampleNumber0</c>).</summary>
    public required double ExpectedInformationH0 { get; init; }

    /// <summary>Expected information under H1 relative to the fixed design (rpact <c>averageSampleNumber1</c>).</summary>
    public required double ExpectedInformationH1 { get; init; }
}
