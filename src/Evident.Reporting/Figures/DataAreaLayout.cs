namespace Evident.Reporting.Figures;

/// <summary>
/// The layout shared by the figures with a left y axis: the header above, an optional table under the x axis (the
/// risk table, cells centred on the breaks), the legend's width on the right. The data area clears the y axis and
/// the table's labels on the left and half the table's last cell on the right; the default height gives it
/// <c>dataHeight</c> pixels.
/// </summary>
internal static class DataAreaLayout
{
    /// <summary>Left margin of the header and of the table's labels.</summary>
    private const float Margin = 10;

    /// <summary>Lays out a figure without a table under its x axis.</summary>
    public static void Apply(FigureCanvas canvas, string? title, string? subtitle, IEnumerable<string> yTickLabels, float legendWidth, float dataHeight)
        => Apply(canvas, title, subtitle, yTickLabels, legendWidth, dataHeight, [], []);

    /// <summary>Adds <paramref name="rows"/> (may be empty) as a table under the x axis, then the header, and fixes the layout.</summary>
    public static void Apply(FigureCanvas canvas, string? title, string? subtitle, IEnumerable<string> yTickLabels, float legendWidth, float dataHeight,
                             IReadOnlyList<RiskTableRow> rows, double[] breaks)
    {
        var (tableHeight, labelWidth) = RiskTable.Add(canvas, rows, breaks, Margin);
        float yAxis = canvas.YAxisBand(yTickLabels);
        float left = Math.Max(yAxis, rows.Count > 0 ? Margin + labelWidth : 0);
        float header = canvas.AddHeader(title, subtitle, Margin);
        float lastCell = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count == 0 ? 0 : canvas.Text.Width(r.Cells[^1], canvas.Style.FontSize));
        float right = Math.Max(24, lastCell / 2 + 12) + legendWidth;
        float bottom = canvas.AxisBand(true) + tableHeight + 6;
        canvas.Layout(left, right, bottom, Math.Max(header, 16));
        canvas.SetDefaultHeight((int)Math.Ceiling(header + dataHeight + bottom));
    }
}
