using ScottPlot;
using SkiaSharp;

namespace Evident.Reporting.Figures;

/// <summary>
/// The two path-drawn marker shapes Evident's figures use (the Kaplan–Meier censoring tick and the monitoring plot's
/// observed-Z diamond), drawn with a path the marker owns and disposes after drawing. ScottPlot 5.1's own
/// <c>VerticalBar</c> and <c>FilledDiamond</c> markers create an <see cref="SKPath"/> per mark and never dispose it, so
/// the managed path is unreachable while <c>sk_canvas_draw_path</c> still reads it; a collection at that moment (any
/// other thread allocating) lets the finalizer thread delete the native path under the drawing thread. That is the
/// segmentation fault the test hosts died of in libSkiaSharp (in the path's verb iteration, on a thread-pool worker),
/// which no lock around drawing could prevent. A <c>using</c> keeps the path alive until the draw has returned.
/// Set as <see cref="MarkerStyle.CustomRenderer"/>; the geometry is the shape's own (same SVG and PNG output).
/// </summary>
internal static class OwnedPathMarkers
{
    /// <summary>A vertical tick of the marker's size, centred on the point (censoring marks).</summary>
    public static readonly IMarker VerticalBar = new Tick();

    /// <summary>A filled, outlined diamond whose diagonals are the marker's size.</summary>
    public static readonly IMarker FilledDiamond = new Diamond();

    private sealed class Tick : IMarker
    {
        public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
        {
            float half = size / 2;
            using var path = new SKPath();
            path.MoveTo(center.X, center.Y + half);
            path.LineTo(center.X, center.Y - half);
            Drawing.DrawPath(canvas, paint, path, markerStyle.LineStyle);
        }
    }

    private sealed class Diamond : IMarker
    {
        public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
        {
            float half = size / 2;
            using var path = new SKPath();
            path.AddPoly([new(center.X + half, center.Y), new(center.X, center.Y + half), new(center.X - half, center.Y), new(center.X, center.Y - half)]);
            Drawing.FillPath(canvas, paint, path, markerStyle.FillStyle, new PixelRect(center, half));
            Drawing.DrawPath(canvas, paint, path, markerStyle.OutlineStyle);
        }
    }
}
