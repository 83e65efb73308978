using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>Maps <see cref="LegendPosition"/> onto ScottPlot's legend.</summary>
internal static class Legends
{
    public static void Place(FigureCanvas canvas, LegendPosition position)
    {
        var legend = canvas.Plot.Legend;
        if (position == LegendPosition.None)
        {
            legend.IsVisible = false;
            return;
        }
        legend.IsVisible = true;
        legend.Alignment = position switch
        {
            LegendPosition.LowerLeft => Alignment.LowerLeft,
            LegendPosition.LowerRight => Alignment.LowerRight,
            LegendPosition.UpperLeft => Alignment.UpperLeft,
            _ => Alignment.UpperRight,
        };
    }
}
