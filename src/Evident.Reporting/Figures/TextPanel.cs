using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// A panel of fixed size on one edge of the data area that draws text cells: the KMunicate risk table under the x
/// axis, the forest plot's text columns, titles. Positions are computed at render time from the axes, so a cell
/// placed at an x coordinate lines up with that tick exactly.
/// </summary>
internal sealed class TextPanel(Edge edge, float size, IReadOnlyList<TextCell> cells, string fontName) : IPanel
{
    public bool IsVisible { get; set; } = true;

    public float MinimumSize { get; set; }

    public float MaximumSize { get; set; } = float.MaxValue;

    public Edge Edge { get; } = edge;

    public bool ShowDebugInformation { get; set; }

    public float Measure(Paint paint) => size;

    public PixelRect GetPanelRect(PixelRect dataRect, float panelSize, float offset, Paint paint) => Edge switch
    {
        Edge.Bottom => new PixelRect(dataRect.Left, dataRect.Right, dataRect.Bottom + offset + panelSize, dataRect.Bottom + offset),
        Edge.Top => new PixelRect(dataRect.Left, dataRect.Right, dataRect.Top - offset, dataRect.Top - offset - panelSize),
        Edge.Left => new PixelRect(dataRect.Left - offset - panelSize, dataRect.Left - offset, dataRect.Bottom, dataRect.Top),
        _ => new PixelRect(dataRect.Right + offset, dataRect.Right + offset + panelSize, dataRect.Bottom, dataRect.Top),
    };

    private static Alignment Lower(Alignment alignment) => alignment switch
    {
        Alignment.MiddleLeft => Alignment.LowerLeft,
        Alignment.MiddleCenter => Alignment.LowerCenter,
        Alignment.MiddleRight => Alignment.LowerRight,
        _ => alignment,
    };

    public void Render(RenderPack rp, float panelSize, float offset)
    {
        if (!IsVisible) return;
        var rect = GetPanelRect(rp.DataRect, panelSize, offset, rp.Paint);
        foreach (var cell in cells)
        {
            // A fresh style per cell: ScottPlot caches the typeface, so reusing one style loses Bold.
            var label = new LabelStyle
            {
                FontName = fontName,
                FontSize = cell.FontSize,
                Bold = cell.Bold,
                ForeColor = cell.Color,
                Alignment = Lower(cell.Alignment),
            };
            // ScottPlot's Middle* alignments sit text a few pixels high; anchor the bottom half a line
            // below instead, lowered by the descender so digits and capitals centre on the anchor.
            var at = cell.Position(rp, rect);
            if (label.Alignment != cell.Alignment) at = new Pixel(at.X, at.Y + label.Measure(cell.Text, rp.Paint).Height / 2 + 0.2f * cell.FontSize);
            label.Render(rp.Canvas, at, rp.Paint, cell.Text, true);
        }
    }
}
