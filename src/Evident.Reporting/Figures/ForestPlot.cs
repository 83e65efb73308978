using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// A forest plot of hazard ratios (Lewis &amp; Clarke 2001, BMJ 322:1479): one row per estimate with its confidence
/// interval on a log-scale axis, a reference line at 1, squares (area ∝ weight when weights are given), diamonds for
/// overall rows, and text columns — label and detail on the left, "HR (90% CI)" at the options' level, p and the
/// interaction p on the right. Tick labels on the axis are thinned until none overlaps another. The R counterpart
/// is <c>forestplot::forestplot()</c> or <c>survminer::ggforest()</c>.
/// </summary>
/// <remarks>Presentation only; deterministic (same rows → byte-identical SVG).</remarks>
public static class ForestPlot
{
    private const float RowHeight = 28;
    private const float Gap = 18, Margin = 10;
    private static readonly double[] TickCandidates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 4, 5, 10, 20, 50, 100];

    /// <summary>Renders the forest plot as a standalone SVG document.</summary>
    /// <param name="rows">Rows top to bottom; at least one estimate or summary row.</param>
    /// <param name="options">Options, with the rows' confidence level.</param>
    /// <exception cref="ArgumentException">No estimate, an empty label, a non-finite or non-positive hazard ratio, limits out of order, or an invalid option.</exception>
    public static string Svg(IReadOnlyList<ForestRow> rows, ForestPlotOptions options)
    {
        using var canvas = Build(rows, options);
        return canvas.ToSvg();
    }

    /// <summary>Renders the forest plot as PNG bytes at <see cref="FigureStyle.PngScale"/> times the SVG size.</summary>
    /// <param name="rows">Rows top to bottom; at least one estimate or summary row.</param>
    /// <param name="options">Options, with the rows' confidence level.</param>
    /// <exception cref="ArgumentException">As for <see cref="Svg"/>.</exception>
    public static byte[] Png(IReadOnlyList<ForestRow> rows, ForestPlotOptions options)
    {
        using var canvas = Build(rows, options);
        return canvas.ToPng();
    }

    /// <summary>The estimate column's text for a row: "0.45 (0.31–0.66)"; empty for headings.</summary>
    /// <param name="row">The row.</param>
    /// <param name="digits">Decimals, 0–4.</param>
    public static string EstimateText(ForestRow row, int digits = 2)
    {
        ArgumentNullException.ThrowIfNull(row);
        Checks.Range(digits, 0, 4, nameof(digits));
        return row.Kind == ForestRowKind.Heading ? "" : FigureText.Interval(row.HazardRatio, row.Lower, row.Upper, digits);
    }

    private static void Validate(IReadOnlyList<ForestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        bool any = false;
        foreach (var r in rows)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(rows));
            Checks.Name(r.Label, "forest row");
            if (!double.IsNaN(r.Weight) && !(double.IsFinite(r.Weight) && r.Weight > 0))
                throw new ArgumentOutOfRangeException(nameof(rows), r.Weight, $"row '{r.Label}': weight must be finite and > 0 (or NaN for none); got {r.Weight}.");
            if (!double.IsNaN(r.PValue) && !(r.PValue >= 0 && r.PValue <= 1))
                throw new ArgumentOutOfRangeException(nameof(rows), r.PValue, $"row '{r.Label}': p-value must be in [0, 1] (or NaN for none); got {r.PValue}.");
            if (!double.IsNaN(r.InteractionPValue) && !(r.InteractionPValue >= 0 && r.InteractionPValue <= 1))
                throw new ArgumentOutOfRangeException(nameof(rows), r.InteractionPValue, $"row '{r.Label}': interaction p-value must be in [0, 1] (or NaN for none); got {r.InteractionPValue}.");
            if (r.Kind == ForestRowKind.Heading) continue;
            any = true;
            if (!(double.IsFinite(r.HazardRatio) && r.HazardRatio > 0))
                throw new ArgumentOutOfRangeException(nameof(rows), r.HazardRatio, $"row '{r.Label}': hazard ratio must be finite and > 0; got {r.HazardRatio}.");
            if (!(r.Lower >= 0 && r.Lower <= r.HazardRatio && r.Upper >= r.HazardRatio))
                throw new ArgumentOutOfRangeException(nameof(rows), $"row '{r.Label}': limits must satisfy 0 ≤ lower ≤ HR ≤ upper; got {r.Lower}, {r.HazardRatio}, {r.Upper}.");
        }
        if (!any) throw new ArgumentException("a forest plot needs at least one estimate or summary row.", nameof(rows));
    }

    private static FigureCanvas Build(IReadOnlyList<ForestRow> rows, ForestPlotOptions o)
    {
        Validate(rows);
        ArgumentNullException.ThrowIfNull(o);
        Checks.Range(o.Digits, 0, 4, "Digits");
        Checks.Range(o.ConfidenceLevel, 1e-6, 1 - 1e-6, "ConfidenceLevel");
        var (xMin, xMax) = Range(rows, o);

        var canvas = new FigureCanvas(o.Style, o.Title ?? "Forest plot of hazard ratios");
        try
        {
            double lo = Math.Log10(xMin), hi = Math.Log10(xMax);
            AddEstimates(canvas, rows, lo, hi);
            var widths = ColumnWidths.Measure(canvas.Text, rows, o);
            float leftPanel = Margin + widths.Label + (widths.HasDetail ? Gap + widths.Detail : 0) + Gap;
            float rightPanel = Gap + widths.Estimate + (widths.HasP ? Gap + widths.P : 0) + (widths.HasInteraction ? Gap + widths.Interaction : 0) + Margin;
            float fs = o.Style.FontSize;
            var ticks = Ticks(lo, hi, canvas.Width - leftPanel - rightPanel, label => canvas.Text.Width(label, fs));
            SetAxes(canvas.Plot, rows.Count, lo, hi, ticks, o.XLabel);
            canvas.AddPanel(Edge.Left, leftPanel, LeftCells(rows, o, widths));
            canvas.AddPanel(Edge.Right, rightPanel, RightCells(rows, o, widths));
            float favours = AddFavours(canvas, o);
            float header = canvas.AddHeader(o.Title, o.Subtitle, Margin);
            float bottom = canvas.AxisBand(true) + favours + 6;
            canvas.Layout(leftPanel, rightPanel, bottom, Math.Max(header, 8));
            canvas.SetDefaultHeight((int)Math.Ceiling(header + (rows.Count + 2.3) * RowHeight + bottom));
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The dashed reference line at HR = 1 and, on the log10 axis, per row: a diamond spanning the interval (summary)
    /// or a whisker with a square of area ∝ weight (estimate), the interval cut at the axis limits.
    /// </summary>
    private static void AddEstimates(FigureCanvas canvas, IReadOnlyList<ForestRow> rows, double lo, double hi)
    {
        var plot = canvas.Plot;
        var ink = canvas.SeriesColor(0);
        double maxWeight = rows.Where(r => !double.IsNaN(r.Weight)).Select(r => r.Weight).DefaultIfEmpty(double.NaN).Max();
        plot.Add.VerticalLine(0, 1, Colors.Black.WithAlpha(0.6), LinePattern.Dashed);
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = -i;
            if (r.Kind == ForestRowKind.Heading) continue;
            double l = Math.Max(lo, r.Lower > 0 ? Math.Log10(r.Lower) : lo);
            double u = Math.Min(hi, double.IsPositiveInfinity(r.Upper) ? hi : Math.Log10(r.Upper));
            double x = Math.Log10(r.HazardRatio);
            if (r.Kind == ForestRowKind.Summary)
            {
                var diamond = plot.Add.Polygon([new Coordinates(l, y), new Coordinates(x, y + 0.32), new Coordinates(u, y), new Coordinates(x, y - 0.32)]);
                diamond.FillColor = Colors.Black;
                diamond.LineColor = Colors.Black;
                diamond.LineWidth = 1;
                continue;
            }
            var whisker = plot.Add.Line(l, y, u, y);
            whisker.Color = ink;
            whisker.LineWidth = 1.6f;
            whisker.MarkerSize = 0;
            float size = double.IsNaN(r.Weight) ? 11 : (float)Math.Max(5, 18 * Math.Sqrt(r.Weight / maxWeight));
            if (x >= lo && x <= hi) plot.Add.Marker(x, y, MarkerShape.FilledSquare, size, ink);
        }
    }

    /// <summary>
    /// Round hazard ratios for the x axis ticks: the candidates within [10^lo, 10^hi] (thinned past 7), then, outward
    /// from the one nearest 1, each kept only when its label clears the last kept label by 8 pixels on a data area
    /// <paramref name="dataWidth"/> pixels wide, so that no two labels overlap.
    /// </summary>
    internal static IReadOnlyList<double> Ticks(double lo, double hi, float dataWidth, Func<string, float> labelWidth)
    {
        var chosen = TickCandidates.Where(t => Math.Log10(t) >= lo - 1e-9 && Math.Log10(t) <= hi + 1e-9).ToList();
        if (chosen.Count > 7) chosen.RemoveAll(t => t is 0.25 or 4 or 0.02 or 20);
        if (chosen.Count == 0) return chosen;
        double Pixel(double t) => dataWidth * (Math.Log10(t) - lo) / (hi - lo);
        int centre = chosen.IndexOf(chosen.MinBy(t => Math.Abs(Math.Log10(t))));
        var kept = new List<double> { chosen[centre] };
        foreach (int step in new[] { 1, -1 })
        {
            double last = chosen[centre];
            for (int i = centre + step; i >= 0 && i < chosen.Count; i += step)
            {
                double room = (labelWidth(FigureText.Tick(last)) + labelWidth(FigureText.Tick(chosen[i]))) / 2 + 8;
                if (Math.Abs(Pixel(chosen[i]) - Pixel(last)) < room) continue;
                kept.Add(chosen[i]);
                last = chosen[i];
            }
        }
        kept.Sort();
        return kept;
    }

    /// <summary>The <paramref name="chosen"/> ticks on the log10 x axis, no y axis, rows from y = 0 down, the header row at y = 1.</summary>
    private static void SetAxes(Plot plot, int rowCount, double lo, double hi, IReadOnlyList<double> chosen, string xLabel)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var t in chosen) ticks.AddMajor(Math.Log10(t), FigureText.Tick(t));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(lo, hi, -(rowCount - 1) - 0.7, 1.6);
        plot.XLabel(xLabel);
        plot.Legend.IsVisible = false;
    }

    /// <summary>A text anchor at data row <paramref name="y"/>, at the pixel x that <paramref name="x"/> computes when rendering.</summary>
    private static Func<RenderPack, PixelRect, Pixel> At(double y, Func<RenderPack, PixelRect, float> x) =>
        (rp, rect) => new Pixel(x(rp, rect), rp.Plot.Axes.Left.GetPixel(y, rp.DataRect));

    /// <summary>The label column (estimates indented, headings and summaries bold) and the right-aligned detail column, left of the data area.</summary>
    private static List<TextCell> LeftCells(IReadOnlyList<ForestRow> rows, ForestPlotOptions o, ColumnWidths w)
    {
        float fs = o.Style.FontSize;
        var black = Colors.Black;
        var cells = new List<TextCell> { new(At(1, (rp, _) => rp.FigureRect.Left + Margin), o.LabelHeader, Alignment.MiddleLeft, black, fs, true) };
        if (w.HasDetail) cells.Add(new TextCell(At(1, (rp, _) => rp.FigureRect.Left + Margin + w.Label + Gap + w.Detail), o.DetailHeader, Alignment.MiddleRight, black, fs, true));
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = -i;
            bool strong = r.Kind != ForestRowKind.Estimate;
            float indent = r.Kind == ForestRowKind.Estimate ? 12 : 0;
            cells.Add(new TextCell(At(y, (rp, _) => rp.FigureRect.Left + Margin + indent), r.Label, Alignment.MiddleLeft, black, fs, strong));
            if (!string.IsNullOrEmpty(r.Detail))
                cells.Add(new TextCell(At(y, (rp, _) => rp.FigureRect.Left + Margin + w.Label + Gap + w.Detail), r.Detail, Alignment.MiddleRight, black, fs));
        }
        return cells;
    }

    /// <summary>The "HR (90% CI)" column (summaries bold), the right-aligned p column and the interaction p column, right of the data area.</summary>
    private static List<TextCell> RightCells(IReadOnlyList<ForestRow> rows, ForestPlotOptions o, ColumnWidths w)
    {
        float fs = o.Style.FontSize;
        var black = Colors.Black;
        float interaction = Gap + w.Estimate + (w.HasP ? Gap + w.P : 0) + Gap + w.Interaction;
        var cells = new List<TextCell> { new(At(1, (rp, _) => rp.DataRect.Right + Gap), EstimateHeader(o), Alignment.MiddleLeft, black, fs, true) };
        if (w.HasP) cells.Add(new TextCell(At(1, (rp, _) => rp.DataRect.Right + Gap + w.Estimate + Gap + w.P), o.PValueHeader, Alignment.MiddleRight, black, fs, true));
        if (w.HasInteraction) cells.Add(new TextCell(At(1, (rp, _) => rp.DataRect.Right + interaction), o.InteractionHeader, Alignment.MiddleRight, black, fs, true));
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = -i;
            if (w.Estimates[i].Length > 0)
                cells.Add(new TextCell(At(y, (rp, _) => rp.DataRect.Right + Gap), w.Estimates[i], Alignment.MiddleLeft, black, fs, r.Kind == ForestRowKind.Summary));
            if (!double.IsNaN(r.PValue))
                cells.Add(new TextCell(At(y, (rp, _) => rp.DataRect.Right + Gap + w.Estimate + Gap + w.P), FigureText.PValue(r.PValue), Alignment.MiddleRight, black, fs));
            if (!double.IsNaN(r.InteractionPValue))
                cells.Add(new TextCell(At(y, (rp, _) => rp.DataRect.Right + interaction), FigureText.PValue(r.InteractionPValue), Alignment.MiddleRight, black, fs));
        }
        return cells;
    }

    /// <summary>"← favours left" and "favours right →" either side of HR = 1 under the x axis; returns the panel's height (0 without either).</summary>
    private static float AddFavours(FigureCanvas canvas, ForestPlotOptions o)
    {
        if (o.FavoursLeft is null && o.FavoursRight is null) return 0;
        float fs = o.Style.FontSize;
        var cells = new List<TextCell>();
        float h = canvas.Text.Height(fs);
        if (o.FavoursLeft is not null)
            cells.Add(new TextCell((rp, rect) => new Pixel(rp.Plot.Axes.Bottom.GetPixel(0, rp.DataRect) - 8, rect.Top + 6 + h / 2),
                                   "← " + o.FavoursLeft, Alignment.MiddleRight, Colors.Black, fs));
        if (o.FavoursRight is not null)
            cells.Add(new TextCell((rp, rect) => new Pixel(rp.Plot.Axes.Bottom.GetPixel(0, rp.DataRect) + 8, rect.Top + 6 + h / 2),
                                   o.FavoursRight + " →", Alignment.MiddleLeft, Colors.Black, fs));
        float favours = h + 12;
        canvas.AddPanel(Edge.Bottom, favours, cells);
        return favours;
    }

    /// <summary>Widths of the text columns and the estimate texts; the detail and p columns are left out when no row has one.</summary>
    private sealed record ColumnWidths(float Label, float Detail, float Estimate, float P, float Interaction, bool HasDetail, bool HasP, bool HasInteraction, string[] Estimates)
    {
        public static ColumnWidths Measure(FigureText text, IReadOnlyList<ForestRow> rows, ForestPlotOptions o)
        {
            float fs = o.Style.FontSize;
            float labelWidth = rows.Select((r, i) => text.Width(r.Label, fs, r.Kind != ForestRowKind.Estimate) + (r.Kind == ForestRowKind.Estimate ? 12 : 0))
                                   .Append(text.Width(o.LabelHeader, fs, true)).Max();
            bool hasDetail = rows.Any(r => !string.IsNullOrEmpty(r.Detail));
            float detailWidth = hasDetail ? rows.Select(r => text.Width(r.Detail ?? "", fs)).Append(text.Width(o.DetailHeader, fs, true)).Max() : 0;
            var estimates = rows.Select(r => EstimateText(r, o.Digits)).ToArray();
            float estimateWidth = estimates.Select((e, i) => text.Width(e, fs, rows[i].Kind == ForestRowKind.Summary)).Append(text.Width(EstimateHeader(o), fs, true)).Max();
            bool hasP = rows.Any(r => !double.IsNaN(r.PValue));
            float pWidth = hasP ? rows.Select(r => text.Width(FigureText.PValue(r.PValue), fs)).Append(text.Width(o.PValueHeader, fs, true)).Max() : 0;
            bool hasInteraction = rows.Any(r => !double.IsNaN(r.InteractionPValue));
            float interactionWidth = hasInteraction
                ? rows.Select(r => text.Width(FigureText.PValue(r.InteractionPValue), fs)).Append(text.Width(o.InteractionHeader, fs, true)).Max() : 0;
            return new ColumnWidths(labelWidth, detailWidth, estimateWidth, pWidth, interactionWidth, hasDetail, hasP, hasInteraction, estimates);
        }
    }

    /// <summary>The estimate column's header: the options' own, else "HR (&lt;level&gt; CI)".</summary>
    private static string EstimateHeader(ForestPlotOptions o) =>
        o.EstimateHeader ?? $"HR ({(100 * o.ConfidenceLevel).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}% CI)";

    /// <summary>Axis range on the hazard-ratio scale: the options, else the finite limits and 1, widened by 10% in log.</summary>
    private static (double Min, double Max) Range(IReadOnlyList<ForestRow> rows, ForestPlotOptions o)
    {
        double min = 1, max = 1;
        foreach (var r in rows)
        {
            if (r.Kind == ForestRowKind.Heading) continue;
            if (r.Lower > 0) min = Math.Min(min, r.Lower);
            if (double.IsFinite(r.Upper)) max = Math.Max(max, r.Upper);
            min = Math.Min(min, r.HazardRatio);
            max = Math.Max(max, r.HazardRatio);
        }
        double pad = 0.08 * Math.Max(Math.Log10(max / min), 0.3);
        double lo = o.XMin ?? Math.Pow(10, Math.Log10(min) - pad);
        double hi = o.XMax ?? Math.Pow(10, Math.Log10(max) + pad);
        if (!(double.IsFinite(lo) && lo > 0)) throw new ArgumentOutOfRangeException(nameof(o.XMin), lo, $"XMin must be finite and > 0; got {lo}.");
        if (!(double.IsFinite(hi) && hi > lo)) throw new ArgumentOutOfRangeException(nameof(o.XMax), hi, $"XMax must be finite and > XMin; got {hi}.");
        return (lo, hi);
    }
}
