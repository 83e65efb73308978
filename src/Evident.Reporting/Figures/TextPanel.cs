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

    public void Render(RenderPack rp, float panelSize, float offset)
    {
        if (!IsVisible) return;
        var rect = GetPanelRect(rp.DataRect, panelSize, offset, rp.Paint);
        var label = new LabelStyle { FontName = fontName, AntiAliasText = true };
        foreach (var cell in cells)
        {
            label.FontSize = cell.FontSize;
            label.Bold = cell.Bold;
            label.ForeColor = cell.Color;
            label.Alignment = cell.Alignment;
            label.Render(rp.Canvas, cell.Position(rp, rect), rp.Paint, cell.Text, false);
        }
    }
}
