namespace Evident.Reporting.Figures;

/// <summary>
/// Options of <see cref="CumulativeIncidenceFigure"/>. Immutable; every property but <see cref="ConfidenceLevel"/> has a
/// default.
/// </summary>
public sealed record CumulativeIncidenceFigureOptions
{
    /// <summary>Title above the plot, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Subtitle under the title, or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>x-axis title. Default "Months since randomization".</summary>
    public string XLabel { get; init; } = "Months since randomization";

    /// <summary>y-axis title. Default "Cumulative incidence".</summary>
    public string YLabel { get; init; } = "Cumulative incidence";

    /// <summary>Data time units per x-axis unit, &gt; 0 (30.4375 for days shown in months). Default 1.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>x-axis breaks in axis units (finite, ≥ 0, increasing); null chooses round breaks.</summary>
    public IReadOnlyList<double>? TimeBreaks { get; init; }

    /// <summary>Right end of the x axis in axis units, &gt; 0; null = the last break.</summary>
    public double? MaxTime { get; init; }

    /// <summary>Top of the y axis in (0, 1]; null rounds the largest estimate up (a relapse figure rarely needs 0–1).</summary>
    public double? YMax { get; init; }

    /// <summary>
    /// Optional numbers-at-risk table: the all-cause event-free curves per arm (<see cref="Evident.Statistics.CompetingRisks.CumulativeIncidence.EventFree"/>)
    /// with their arm names; the table shows n at risk and cumulative events (any cause) at each break.
    /// </summary>
    public IReadOnlyList<KaplanMeierArm>? AtRisk { get; init; }

    /// <summary>Legend position. Default <see cref="LegendPosition.Right"/> (cause × arm makes many entries).</summary>
    public LegendPosition Legend { get; init; } = LegendPosition.Right;

    /// <summary>
    /// Shade pointwise confidence bands from each point's variance on the log(−log) scale (as for Kaplan–Meier curves with
    /// <c>conf.type = "log-log"</c>), at <see cref="ConfidenceLevel"/>. Default true.
    /// </summary>
    public bool ShowConfidenceBands { get; init; } = true;

    /// <summary>
    /// Level of the bands, 0 &lt; level &lt; 1: the analysis's confidence level. Required, as for the forest plot: a figure
    /// never assumes 95%.
    /// </summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>
    /// Size, fonts and colours: arms take <see cref="FigureStyle.Colors"/> in order of first appearance, as in the
    /// Kaplan–Meier figures, and causes take solid, dashed, dotted lines.
    /// </summary>
    public FigureStyle Style { get; init; } = new();
}
