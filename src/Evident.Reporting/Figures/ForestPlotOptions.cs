namespace Evident.Reporting.Figures;

/// <summary>Options of <see cref="ForestPlot"/>. Immutable; every property but the confidence level has a default.</summary>
public sealed record ForestPlotOptions
{
    /// <summary>Title above the plot, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Subtitle under the title, or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>x-axis title. Default "Hazard ratio (log scale)".</summary>
    public string XLabel { get; init; } = "Hazard ratio (log scale)";

    /// <summary>Header of the label column. Default "Subgroup".</summary>
    public string LabelHeader { get; init; } = "Subgroup";

    /// <summary>Header of the detail column (shown when a row has <see cref="ForestRow.Detail"/>). Default "Events/N".</summary>
    public string DetailHeader { get; init; } = "Events/N";

    /// <summary>
    /// Level of the rows' intervals, 0 &lt; level &lt; 1: the analysis's confidence level, which the estimate column's
    /// header states ("HR (90% CI)"). Required: a forest plot never assumes 95%.
    /// </summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>Header of the estimate column; null (default) gives "HR (&lt;level&gt; CI)" from <see cref="ConfidenceLevel"/>.</summary>
    public string? EstimateHeader { get; init; }

    /// <summary>Header of the interaction column (shown when a row has <see cref="ForestRow.InteractionPValue"/>). Default "Interaction p".</summary>
    public string InteractionHeader { get; init; } = "Interaction p";

    /// <summary>Header of the p-value column (shown when a row has a p-value). Default "p".</summary>
    public string PValueHeader { get; init; } = "p";

    /// <summary>Text under the axis left of 1, for example "Favours blinatumomab"; null for none.</summary>
    public string? FavoursLeft { get; init; }

    /// <summary>Text under the axis right of 1, for example "Favours chemotherapy"; null for none.</summary>
    public string? FavoursRight { get; init; }

    /// <summary>Left end of the axis (hazard-ratio scale), &gt; 0; null fits the intervals (and 1).</summary>
    public double? XMin { get; init; }

    /// <summary>Right end of the axis, &gt; <see cref="XMin"/>; null fits the intervals (and 1).</summary>
    public double? XMax { get; init; }

    /// <summary>Decimals of the hazard ratios in the estimate column, 0–4. Default 2.</summary>
    public int Digits { get; init; } = 2;

    /// <summary>Size, fonts and colours (squares and diamonds take the first colour of <see cref="FigureStyle.Colors"/>).</summary>
    public FigureStyle Style { get; init; } = new();
}
