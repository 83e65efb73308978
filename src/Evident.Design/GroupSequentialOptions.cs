namespace Evident.Design;

/// <summary>
/// Inputs of <see cref="GroupSequential.Create"/>: the rpact <c>getDesignGroupSequential</c> arguments for
/// alpha-spending designs. Immutable; defaults match rpact (α = 0.025 one-sided, β = 0.2, O'Brien–Fleming spending).
/// </summary>
public sealed record GroupSequentialOptions
{
    /// <summary>Number of analyses K ≥ 1 (rpact <c>kMax</c>). Default 1 (fixed design).</summary>
    public int Looks { get; init; } = 1;

    /// <summary>
    /// Information fractions t<sub>1</sub> &lt; … &lt; t<sub>K</sub> = 1, all in (0, 1] (rpact <c>informationRates</c>);
    /// null means equally spaced, k/K.
    /// </summary>
    public IReadOnlyList<double>? Information { get; init; }

    /// <summary>Type I error rate: one-sided, or two-sided when <see cref="TwoSided"/>; 0 &lt; α &lt; 0.5 (both ends excluded). Default 0.025.</summary>
    public double Alpha { get; init; } = 0.025;

    /// <summary>Alpha-spending function (rpact <c>typeOfDesign</c> as…). Default O'Brien–Fleming type.</summary>
    public SpendingFunction Spending { get; init; } = SpendingFunction.OBrienFleming;

    /// <summary>
    /// Type II error rate, 0 &lt; β &lt; 1 − α (power 1 − β); used for the inflation factor and, with
    /// <see cref="BetaSpending"/>, for the futility bounds. Default 0.2.
    /// </summary>
    public double Beta { get; init; } = 0.2;

    /// <summary>
    /// Beta-spending function for futility bounds (rpact <c>typeBetaSpending</c> bs…); null = no futility bounds.
    /// One-sided designs with K ≥ 2 only.
    /// </summary>
    public SpendingFunction? BetaSpending { get; init; }

    /// <summary>
    /// Whether the futility bounds are binding (rpact <c>bindingFutility</c>): if so the efficacy bounds are computed
    /// assuming the trial stops at a futility bound. Default false. Only meaningful with <see cref="BetaSpending"/>.
    /// </summary>
    public bool BindingFutility { get; init; }

    /// <summary>Two-sided symmetric test (rpact <c>sided = 2</c>); default one-sided.</summary>
    public bool TwoSided { get; init; }
}
