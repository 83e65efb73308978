using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>Maps <see cref="LegendPosition"/> onto ScottPlot's legend.</summary>
internal static class Legends
{
    /// <summary>Places the legend of the plottables added so far; returns the width it takes right of the data area (0 when inside).</summary>
    public static float Place(FigureCanvas canvas, LegendPosition position)
    {
        var entries = canvas.Plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText ?? "");
        var legend = canvas.Plot.Legend;
        if (position == LegendPosition.Right)
        {
            legend.IsVisible = false;
            var panel = canvas.Plot.ShowLegend(Edge.Right);
            panel.Legend.FontName = canvas.Text.FontName;
            panel.Legend.FontSize = canvas.Style.FontSize;
            panel.Legend.OutlineColor = Colors.Transparent;
            panel.Legend.ShadowColor = Colors.Transparent;
            return canvas.Text.MaxWidth(entries, canvas.Style.FontSize) + 70;
        }
        if (position == LegendPosition.None)
        {
            legend.IsVisible = false;
            return 0;
        }
        legend.IsVisible = true;
        legend.Alignment = position switch
        {
            LegendPosition.LowerLeft => Alignment.LowerLeft,
            LegendPosition.LowerRight => Alignment.LowerRight,
            LegendPosition.UpperLeft => Alignment.UpperLeft,
            _ => Alignment.UpperRight,
        };
        return 0;
    }
}
