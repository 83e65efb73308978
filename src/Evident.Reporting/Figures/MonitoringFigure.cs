using Evident.Design;
using Evident.Design.Monitoring;
using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// Group-sequential monitoring on the Z scale: the planned efficacy bounds (and futility bounds, and the mirrored
/// lower bounds of a two-sided design) against the information fraction as lines with markers, the observed Z at
/// each look as points, and a reference line at Z = 0 (Lan &amp; DeMets 1983 spending; Jennison &amp; Turnbull 2000,
/// ch. 7). The R counterpart is <c>plot(rpact::getDesignGroupSequential(...))</c> with the observed statistics added.
/// </summary>
/// <remarks>Presentation only; deterministic (same input → byte-identical SVG).</remarks>
public static class MonitoringFigure
{
    private const float DataHeight = 320;

    /// <summary>Renders the design's boundaries with the observed Z values as a standalone SVG document.</summary>
    /// <param name="design">The design (its <see cref="GroupSequentialDesign.Information"/> and bounds are drawn).</param>
    /// <param name="observedInformation">Information fraction of each look so far, in (0, 1], non-decreasing; may be empty.</param>
    /// <param name="observedZ">Z at each look so far, finite, same length (positive favours the experimental arm).</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">Lengths differ, a fraction outside (0, 1], a non-finite Z, or an invalid option.</exception>
    public static string Svg(GroupSequentialDesign design, IReadOnlyList<double> observedInformation, IReadOnlyList<double> observedZ,
                             MonitoringFigureOptions? options = null)
    {
        using var canvas = Build(design, observedInformation, observedZ, options ?? new MonitoringFigureOptions());
        return canvas.ToSvg();
    }

    /// <summary>Renders the figure as PNG bytes at <see cref="FigureStyle.PngScale"/> times the SVG size.</summary>
    /// <param name="design">The design.</param>
    /// <param name="observedInformation">Information fraction of each look so far, in (0, 1]; may be empty.</param>
    /// <param name="observedZ">Z at each look so far, finite, same length.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">As for <see cref="Svg(GroupSequentialDesign, IReadOnlyList{double}, IReadOnlyList{double}, MonitoringFigureOptions?)"/>.</exception>
    public static byte[] Png(GroupSequentialDesign design, IReadOnlyList<double> observedInformation, IReadOnlyList<double> observedZ,
                             MonitoringFigureOptions? options = null)
    {
        using var canvas = Build(design, observedInformation, observedZ, options ?? new MonitoringFigureOptions());
        return canvas.ToPng();
    }

    /// <summary>
    /// Renders an interim analysis: the boundaries of <see cref="InterimAnalysis.Design"/> (recomputed at the observed
    /// information fractions) and the observed Z of every look, as SVG.
    /// </summary>
    /// <param name="analysis">The result of <see cref="InterimMonitoring.Analyse"/>.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static string Svg(InterimAnalysis analysis, MonitoringFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return Svg(analysis.Design, analysis.Looks.Select(l => l.InformationFraction).ToArray(), analysis.Looks.Select(l => l.Z).ToArray(), options);
    }

    /// <summary>As <see cref="Svg(InterimAnalysis, MonitoringFigureOptions?)"/>, as PNG bytes.</summary>
    /// <param name="analysis">The result of <see cref="InterimMonitoring.Analyse"/>.</param>
    /// <param name="options">Options; null for the defaults.</param>
    public static byte[] Png(InterimAnalysis analysis, MonitoringFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return Png(analysis.Design, analysis.Looks.Select(l => l.InformationFraction).ToArray(), analysis.Looks.Select(l => l.Z).ToArray(), options);
    }

    private static FigureCanvas Build(GroupSequentialDesign design, IReadOnlyList<double> info, IReadOnlyList<double> z, MonitoringFigureOptions o)
    {
        Validate(design, info, z, o);
        var canvas = new FigureCanvas(o.Style, o.Title ?? "Group-sequential monitoring");
        try
        {
            int stoppedAt = StoppingLook(design, z);
            var (low, high) = AddBoundaries(canvas.Plot, design, stoppedAt);
            if (z.Count > 0)
            {
                AddObserved(canvas, info, z, o);
                low = Math.Min(low, z.Min());
                high = Math.Max(high, z.Max());
            }
            var (yTicks, yLow, yHigh) = SetAxes(canvas.Plot, Math.Min(low, -0.5), high, o);
            float legendWidth = Legends.Place(canvas, o.Legend ?? FreeCorner(canvas, design, info, z, o, yLow, yHigh, yTicks));
            DataAreaLayout.Apply(canvas, o.Title, o.Subtitle, yTicks.Ticks.Select(tk => tk.Label), legendWidth, DataHeight);
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    private static void Validate(GroupSequentialDesign design, IReadOnlyList<double> info, IReadOnlyList<double> z, MonitoringFigureOptions o)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(o);
        if (info.Count != z.Count)
            throw new ArgumentException($"observedInformation has {info.Count} values but observedZ has {z.Count}.", "observedZ");
        for (int i = 0; i < info.Count; i++)
        {
            if (!(info[i] > 0 && info[i] <= 1))
                throw new ArgumentOutOfRangeException("observedInformation", info[i], $"observedInformation[{i}] must be in (0, 1]; got {info[i]}.");
            Checks.Finite(z[i], $"observedZ[{i}]");
        }
    }

    /// <summary>
    /// The index of the look at which the observed Z crossed a boundary (efficacy: Z ≥ bound, or |Z| ≥ bound two-sided;
    /// futility: Z ≤ bound), or −1 when none was crossed: the looks after it were never reached.
    /// </summary>
    internal static int StoppingLook(GroupSequentialDesign design, IReadOnlyList<double> z)
    {
        for (int k = 0; k < Math.Min(z.Count, design.CriticalValues.Count); k++)
        {
            double c = design.CriticalValues[k];
            if (design.TwoSided ? Math.Abs(z[k]) >= c : z[k] >= c) return k;
            if (design.FutilityBounds is { } fb && k < fb.Count && k < design.CriticalValues.Count - 1 && z[k] <= fb[k]) return k;
        }
        return -1;
    }

    /// <summary>
    /// The reference line at Z = 0, the efficacy bounds (mirrored when two-sided) and the futility bounds up to the look
    /// the trial stopped at, and the bounds of the looks never reached in grey; returns the Z range they span.
    /// </summary>
    private static (double Low, double High) AddBoundaries(Plot plot, GroupSequentialDesign design, int stoppedAt)
    {
        var t = design.Information.ToArray();
        var c = design.CriticalValues.ToArray();
        int reached = stoppedAt < 0 ? t.Length : stoppedAt + 1;
        plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.55), LinePattern.Solid);
        string notReached = $"Not reached (stopped at look {reached})";
        AddBound(plot, t, c, reached, Color.FromHex(OkabeIto.Vermillion), LinePattern.Solid, MarkerShape.FilledCircle, design.TwoSided ? "Efficacy boundary (±)" : "Efficacy boundary", notReached);
        if (design.TwoSided) AddBound(plot, t, c.Select(v => -v).ToArray(), reached, Color.FromHex(OkabeIto.Vermillion), LinePattern.Solid, MarkerShape.FilledCircle, null, null);
        double low = design.TwoSided ? -c.Max() : 0, high = c.Max();
        if (design.FutilityBounds is { Count: > 0 } fb)
        {
            int k = Math.Min(fb.Count, t.Length);
            var fy = fb.Take(k).ToArray();
            AddBound(plot, t[..k], fy, Math.Min(reached, k), Color.FromHex(OkabeIto.Blue), LinePattern.Dashed, MarkerShape.FilledSquare, "Futility boundary", null);
            low = Math.Min(low, fy.Min());
        }
        return (low, high);
    }

    /// <summary>One boundary: its first <paramref name="reached"/> looks in colour, the rest (never reached) in grey with open markers.</summary>
    private static void AddBound(Plot plot, double[] t, double[] bound, int reached, Color color, LinePattern pattern, MarkerShape marker, string? legend, string? restLegend)
    {
        var line = plot.Add.Scatter(t[..reached], bound[..reached], color);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.MarkerSize = 8;
        line.MarkerShape = marker;
        if (legend is not null) line.LegendText = legend;
        if (reached >= t.Length) return;
        var rest = plot.Add.Scatter(t[(reached - 1)..], bound[(reached - 1)..], Colors.Gray.WithAlpha(0.7));
        rest.LineWidth = 1.5f;
        rest.LinePattern = LinePattern.Dotted;
        rest.MarkerSize = 8;
        rest.MarkerShape = MarkerShape.OpenCircle;
        if (restLegend is not null) rest.LegendText = restLegend;
    }

    /// <summary>Where the legend covers no boundary, observed point or "Z = …" label (<see cref="LegendCorner"/>).</summary>
    private static LegendPosition FreeCorner(FigureCanvas canvas, GroupSequentialDesign design, IReadOnlyList<double> info, IReadOnlyList<double> z,
                                             MonitoringFigureOptions o, double yLow, double yHigh, ScottPlot.TickGenerators.NumericManual yTicks)
    {
        float size = canvas.Style.FontSize;
        double areaWidth = LegendCorner.DataAreaWidth(canvas, yTicks.Ticks.Select(t => t.Label));
        double perPixelX = 1.04 / areaWidth, perPixelY = (yHigh - yLow) / DataHeight;
        // The reference line at Z = 0 runs across the whole plot.
        var drawn = new List<LegendCorner.Segment> { new(0, 1.04, -2 * perPixelY, 2 * perPixelY) };
        void Polyline(IReadOnlyList<double> x, IReadOnlyList<double> y)
        {
            for (int i = 0; i < x.Count; i++)
            {
                int j = Math.Min(i + 1, x.Count - 1);
                drawn.Add(new LegendCorner.Segment(x[i] - 6 * perPixelX, x[j] + 6 * perPixelX, Math.Min(y[i], y[j]) - 6 * perPixelY, Math.Max(y[i], y[j]) + 6 * perPixelY));
            }
        }
        Polyline(design.Information, design.CriticalValues);
        if (design.TwoSided) Polyline(design.Information, design.CriticalValues.Select(v => -v).ToArray());
        if (design.FutilityBounds is { Count: > 0 } fb) Polyline(design.Information.Take(fb.Count).ToArray(), fb);
        if (z.Count > 0) Polyline(info, z);
        if (o.LabelObserved)
            for (int i = 0; i < z.Count; i++)
            {
                // "Z = 2.34" hangs below and right of its point (offset 8, 6 px).
                double labelWidth = canvas.Text.Width("Z = " + FigureText.Fixed(z[i], 2), size) * perPixelX;
                drawn.Add(new LegendCorner.Segment(info[i], info[i] + (8 * perPixelX) + labelWidth, z[i] - (6 + size * 1.4) * perPixelY, z[i]));
            }
        var entries = canvas.Plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText ?? "").Where(t => t.Length > 0).ToList();
        var (width, height) = LegendCorner.Size(canvas, entries);
        return LegendCorner.Choose(drawn, 0, 1.04, yLow, yHigh, width / areaWidth, height / DataHeight);
    }

    /// <summary>The observed Z at each look, joined by a dotted line, each labelled unless the options say not to.</summary>
    private static void AddObserved(FigureCanvas canvas, IReadOnlyList<double> info, IReadOnlyList<double> z, MonitoringFigureOptions o)
    {
        var observed = canvas.Plot.Add.Scatter(info.ToArray(), z.ToArray(), Colors.Black);
        observed.LineWidth = 1;
        observed.LinePattern = LinePattern.Dotted;
        observed.MarkerSize = 10;
        observed.MarkerShape = MarkerShape.FilledDiamond;
        observed.MarkerStyle.CustomRenderer = OwnedPathMarkers.FilledDiamond;
        observed.LegendText = "Observed Z";
        if (!o.LabelObserved) return;
        for (int i = 0; i < z.Count; i++)
        {
            var label = canvas.Plot.Add.Text("Z = " + FigureText.Fixed(z[i], 2), info[i], z[i]);
            label.LabelFontSize = o.Style.FontSize;
            label.LabelFontName = canvas.Text.FontName;
            label.LabelFontColor = Colors.Black;
            label.LabelAlignment = Alignment.UpperLeft;
            label.OffsetX = 8;
            label.OffsetY = 6;
        }
    }

    /// <summary>Whole-number Z ticks over [low, high] padded, information-fraction ticks by quarters, limits and labels; returns the y ticks and limits.</summary>
    private static (ScottPlot.TickGenerators.NumericManual Ticks, double Low, double High) SetAxes(Plot plot, double low, double high, MonitoringFigureOptions o)
    {
        double span = high - low;
        double yLow = Math.Floor(low - 0.08 * span), yHigh = Math.Ceiling(high + 0.12 * span);
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        int stepY = yHigh - yLow > 8 ? 2 : 1;
        for (double y = yLow; y <= yHigh + 1e-9; y += stepY) yTicks.AddMajor(y, FigureText.Tick(y));
        plot.Axes.Left.TickGenerator = yTicks;
        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var x in new[] { 0, 0.25, 0.5, 0.75, 1 }) xTicks.AddMajor(x, FigureText.Tick(x));
        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.SetLimits(0, 1.04, yLow, yHigh);
        plot.XLabel(o.XLabel);
        plot.YLabel(o.YLabel);
        return (yTicks, yLow, yHigh);
    }
}
