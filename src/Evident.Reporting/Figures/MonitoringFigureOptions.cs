namespace Evident.Reporting.Figures;

/// <summary>Options of <see cref="MonitoringFigure"/>. Immutable; every property has a default.</summary>
public sealed record MonitoringFigureOptions
{
    /// <summary>Title above the plot, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Subtitle under the title (for example the spending functions), or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>x-axis title. Default "Information fraction".</summary>
    public string XLabel { get; init; } = "Information fraction";

    /// <summary>y-axis title. Default "Z statistic (log-rank)".</summary>
    public string YLabel { get; init; } = "Z statistic (log-rank)";

    /// <summary>Label each observed point with its Z value. Default true.</summary>
    public bool LabelObserved { get; init; } = true;

    /// <summary>
    /// Legend position, or null (the default) for the first corner that no boundary, observed point or "Z = …" label
    /// reaches, and outside on the right when none is free.
    /// </summary>
    public LegendPosition? Legend { get; init; }

    /// <summary>Size, fonts and colours (efficacy bound in vermillion, futility in blue, observed Z in black).</summary>
    public FigureStyle Style { get; init; } = new();
}
