using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>Step-function geometry shared by the survival and incidence figures.</summary>
internal static class Steps
{
    /// <summary>
    /// Shades between two right-continuous step functions with jumps at <paramref name="xs"/>: value
    /// <c>lower[i]</c>/<c>upper[i]</c> on [xs[i], xs[i+1]). One polygon, no outline.
    /// </summary>
    public static void AddBand(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> lower, IReadOnlyList<double> upper, Color color)
    {
        int n = xs.Count;
        if (n < 2) return;
        var points = new List<Coordinates>(4 * n);
        for (int i = 0; i < n; i++)
        {
            if (i > 0) points.Add(new Coordinates(xs[i], upper[i - 1]));
            points.Add(new Coordinates(xs[i], upper[i]));
        }
        for (int i = n - 1; i >= 0; i--)
        {
            points.Add(new Coordinates(xs[i], lower[i]));
            if (i > 0) points.Add(new Coordinates(xs[i], lower[i - 1]));
        }
        var polygon = plot.Add.Polygon(points.ToArray());
        polygon.FillColor = color.WithAlpha(0.16);
        polygon.LineWidth = 0;
        polygon.LineColor = Colors.Transparent;
    }
}
