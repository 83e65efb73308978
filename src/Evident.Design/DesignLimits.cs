namespace Evident.Design;

/// <summary>
/// The ranges of the design inputs, stated once: the checks of <see cref="GroupSequential"/>,
/// <see cref="SurvivalSampleSize"/> and the simulation use them, and so do the readers of protocol and scenario files.
/// </summary>
public static class DesignLimits
{
    /// <summary>Type I error rate α (one-sided, or the two-sided total): (0, 0.5).</summary>
    public static ValueRange Alpha { get; } = ValueRange.Open(0, 0.5);

    /// <summary>Number of looks K of a group-sequential design: 1 … 50.</summary>
    public static ValueRange Looks { get; } = ValueRange.Closed(1, 50);

    /// <summary>An information fraction t<sub>k</sub>: (0, 1].</summary>
    public static ValueRange InformationFraction { get; } = ValueRange.AboveUpTo(0, 1);

    /// <summary>Hazard ratios, medians, hazards, accrual durations, dropout times, allocation ratios: (0, ∞).</summary>
    public static ValueRange Positive { get; } = ValueRange.Above(0);

    /// <summary>Follow-up after the end of accrual: [0, ∞).</summary>
    public static ValueRange NonNegative { get; } = ValueRange.AtLeast(0);

    /// <summary>Probability of dropout by the dropout time: [0, 1).</summary>
    public static ValueRange DropoutRate { get; } = ValueRange.FromBelow(0, 1);

    /// <summary>Subjects of a two-arm trial: at least 2.</summary>
    public static ValueRange Subjects { get; } = ValueRange.AtLeast(2);

    /// <summary>Type II error rate β given α: (0, 1 − α).</summary>
    /// <param name="alpha">The design's type I error rate.</param>
    public static ValueRange Beta(double alpha) => ValueRange.Open(0, 1 - alpha);
}
