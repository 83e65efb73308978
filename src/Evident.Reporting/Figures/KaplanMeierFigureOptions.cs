namespace Evident.Reporting.Figures;

/// <summary>Options of <see cref="KaplanMeierFigure"/>. Immutable; every property has a default.</summary>
public sealed record KaplanMeierFigureOptions
{
    /// <summary>Title above the plot, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Subtitle under the title (for example the stratum), or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>x-axis title. Default "Months since randomization".</summary>
    public string XLabel { get; init; } = "Months since randomization";

    /// <summary>y-axis title. Default "Survival probability".</summary>
    public string YLabel { get; init; } = "Survival probability";

    /// <summary>
    /// Data time units per x-axis unit, &gt; 0: 1 when the curves are already in months, 30.4375 (= 365.25/12) when they
    /// are in days and the axis is in months, 365.25/12/7 … Default 1.
    /// </summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>
    /// x-axis breaks in axis units (finite, ≥ 0, increasing); the risk table is given at these times. Null chooses
    /// round breaks (steps of 1, 2, 3, 6, 12, 24 … or 1, 2, 2.5, 5 × 10ᵏ) covering the follow-up.
    /// </summary>
    public IReadOnlyList<double>? TimeBreaks { get; init; }

    /// <summary>Right end of the x axis in axis units, &gt; 0; curves are cut there. Null = the last break.</summary>
    public double? MaxTime { get; init; }

    /// <summary>
    /// Highest bottom of the y axis, in [0, 0.95]; 0 shows the whole 0–1 range, larger values zoom in. The axis goes lower
    /// when a curve or its band does (to the tenth below the lowest value drawn), so nothing is ever hidden. Default 0.
    /// </summary>
    public double YMin { get; init; }

    /// <summary>Shade the pointwise confidence limits stored in each curve (its own confidence type and level). Default true.</summary>
    public bool ShowConfidenceBands { get; init; } = true;

    /// <summary>
    /// Mark censoring times with short vertical ticks on the curve. Marks closer than 1/150 of the x axis to the previous
    /// mark of the same arm are left out, so heavy censoring reads as marks, not as a solid bar. Default true.
    /// </summary>
    public bool ShowCensorMarks { get; init; } = true;

    /// <summary>The table under the plot. Default <see cref="RiskTableLayout.KMunicate"/>.</summary>
    public RiskTableLayout RiskTable { get; init; } = RiskTableLayout.KMunicate;

    /// <summary>
    /// Legend position, or null (the default) for the first corner of the data area that no curve, band or censoring mark
    /// reaches (lower left, upper right, lower right, upper left), and outside on the right when none is free.
    /// </summary>
    public LegendPosition? Legend { get; init; }

    /// <summary>Size, fonts and colours (arms take <see cref="FigureStyle.Colors"/> in order).</summary>
    public FigureStyle Style { get; init; } = new();
}
