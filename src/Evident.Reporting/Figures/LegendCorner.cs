namespace Evident.Reporting.Figures;

/// <summary>
/// Chooses where a legend may sit inside a data area without covering what is drawn: the first corner (lower left,
/// upper right, lower right, upper left) whose box meets no drawn segment; outside on the right when every corner is
/// taken.
/// </summary>
internal static class LegendCorner
{
    /// <summary>A horizontal piece of what is drawn: from x0 to x1 it covers y from low to high (axis units).</summary>
    public readonly record struct Segment(double X0, double X1, double Low, double High);

    private static readonly LegendPosition[] Corners = [LegendPosition.LowerLeft, LegendPosition.UpperRight, LegendPosition.LowerRight, LegendPosition.UpperLeft];

    /// <summary>The data area's width in pixels, as <see cref="DataAreaLayout"/> leaves it: the figure less the y axis band and the right margin.</summary>
    public static double DataAreaWidth(FigureCanvas canvas, IEnumerable<string> yTickLabels) => canvas.Width - canvas.YAxisBand(yTickLabels) - 40;

    /// <summary>A legend's box in pixels: the widest entry with its symbol and padding, one row per entry, plus <paramref name="margin"/> below.</summary>
    public static (double Width, double Height) Size(FigureCanvas canvas, IReadOnlyList<string> entries, double margin = 0)
    {
        float size = canvas.Style.FontSize;
        return (canvas.Text.MaxWidth(entries, size) + 60, entries.Count * size * 1.7 + 24 + margin);
    }

    /// <summary>The first free corner for a legend of the given size, or <see cref="LegendPosition.Right"/>.</summary>
    /// <param name="segments">Everything drawn in the data area.</param>
    /// <param name="xMin">Left limit of the data area (axis units).</param>
    /// <param name="xMax">Right limit.</param>
    /// <param name="yMin">Bottom limit.</param>
    /// <param name="yMax">Top limit.</param>
    /// <param name="widthFraction">The legend's width as a fraction of the data area's, with a margin.</param>
    /// <param name="heightFraction">Its height as a fraction of the data area's, with a margin.</param>
    public static LegendPosition Choose(IReadOnlyList<Segment> segments, double xMin, double xMax, double yMin, double yMax, double widthFraction, double heightFraction)
    {
        if (widthFraction >= 0.6 || heightFraction >= 0.6) return LegendPosition.Right;
        double w = (xMax - xMin) * widthFraction, h = (yMax - yMin) * heightFraction;
        foreach (var corner in Corners)
        {
            bool left = corner is LegendPosition.LowerLeft or LegendPosition.UpperLeft;
            bool lower = corner is LegendPosition.LowerLeft or LegendPosition.LowerRight;
            double x0 = left ? xMin : xMax - w, x1 = left ? xMin + w : xMax;
            double y0 = lower ? yMin : yMax - h, y1 = lower ? yMin + h : yMax;
            if (!segments.Any(s => s.X1 >= x0 && s.X0 <= x1 && s.High >= y0 && s.Low <= y1)) return corner;
        }
        return LegendPosition.Right;
    }
}
