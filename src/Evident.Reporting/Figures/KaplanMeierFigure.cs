using Evident.Statistics;
using ScottPlot;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Figures;

/// <summary>
/// Kaplan–Meier curves in the KMunicate layout (Morris et al. 2019, BMJ Open 9:e030215, the design clinicians
/// preferred in their survey): step curves per arm with shaded pointwise confidence bands, censoring ticks, and under
/// the x axis a table aligned with its breaks giving at risk, censored and events per arm. The R counterpart is
/// <c>survminer::ggsurvplot(fit, conf.int = TRUE, risk.table = TRUE)</c> or the KMunicate package's <c>KMunicate()</c>.
/// </summary>
/// <remarks>
/// Presentation only: every number drawn is read from the curves (<see cref="KaplanMeierCurve.Steps"/> and
/// <see cref="KaplanMeierCurve.At(IReadOnlyList{double})"/>). Deterministic: the same input gives byte-identical SVG.
/// Cost O(m + b) per arm for m steps and b breaks.
/// </remarks>
public static class KaplanMeierFigure
{
    private const float DataHeight = 330;

    /// <summary>Renders the figure as a standalone SVG document (with <c>viewBox</c>, ready to inline in HTML).</summary>
    /// <param name="arms">One or more arms with distinct, non-empty names.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">No arm, an empty name, or an invalid option (named in the message).</exception>
    public static string Svg(IReadOnlyList<KaplanMeierArm> arms, KaplanMeierFigureOptions? options = null)
    {
        using var canvas = Build(arms, options ?? new KaplanMeierFigureOptions());
        return canvas.ToSvg();
    }

    /// <summary>Renders the figure as PNG bytes at <see cref="FigureStyle.PngScale"/> times the SVG size (for previews and tests).</summary>
    /// <param name="arms">One or more arms with distinct, non-empty names.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">No arm, an empty name, or an invalid option (named in the message).</exception>
    public static byte[] Png(IReadOnlyList<KaplanMeierArm> arms, KaplanMeierFigureOptions? options = null)
    {
        using var canvas = Build(arms, options ?? new KaplanMeierFigureOptions());
        return canvas.ToPng();
    }

    private static FigureCanvas Build(IReadOnlyList<KaplanMeierArm> arms, KaplanMeierFigureOptions o)
    {
        Validate(arms, o);
        double followUp = 0;
        foreach (var arm in arms)
        {
            var times = arm.Curve.RiskSets.Time;
            if (times.Count > 0) followUp = Math.Max(followUp, times[^1] / o.TimeScale);
        }
        var (breaks, xMax) = TimeAxis.Resolve(o.TimeBreaks, o.MaxTime, followUp);

        var canvas = new FigureCanvas(o.Style, o.Title ?? "Kaplan–Meier estimate");
        try
        {
            var colors = new Color[arms.Count];
            for (int a = 0; a < arms.Count; a++) colors[a] = canvas.SeriesColor(a);
            var drawn = new List<LegendCorner.Segment>();
            for (int a = 0; a < arms.Count; a++)
                AddArm(canvas.Plot, arms[a], colors[a], xMax, o, drawn);
            double bottom = BottomOf(o.YMin, drawn.Count == 0 ? 1 : drawn.Min(d => d.Low));
            var yTicks = SetAxes(canvas.Plot, breaks, xMax, bottom, o);
            float legendWidth = Legends.Place(canvas, o.Legend ?? FreeCorner(canvas, arms, drawn, xMax, bottom, yTicks));
            var rows = RiskTable.Rows(arms, colors, breaks, o.TimeScale, o.RiskTable);
            DataAreaLayout.Apply(canvas, o.Title, o.Subtitle, yTicks.Ticks.Select(t => t.Label), legendWidth, DataHeight, rows, breaks);
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    private static void Validate(IReadOnlyList<KaplanMeierArm> arms, KaplanMeierFigureOptions o)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(o);
        if (arms.Count == 0) throw new ArgumentException("a Kaplan–Meier figure needs at least one arm.", nameof(arms));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in arms)
        {
            ArgumentNullException.ThrowIfNull(arm, nameof(arms));
            ArgumentNullException.ThrowIfNull(arm.Curve, nameof(arms));
            Checks.Name(arm.Name, "arm");
            if (!names.Add(arm.Name)) throw new ArgumentException($"arm name '{arm.Name}' appears twice.", nameof(arms));
        }
        if (!(double.IsFinite(o.TimeScale) && o.TimeScale > 0))
            throw new ArgumentOutOfRangeException(nameof(o.TimeScale), o.TimeScale, $"TimeScale must be finite and > 0; got {o.TimeScale}.");
        Checks.Range(o.YMin, 0, 0.95, "YMin");
    }

    /// <summary>Where the legend covers nothing drawn, from its measured size and the data area's (<see cref="LegendCorner"/>).</summary>
    private static LegendPosition FreeCorner(FigureCanvas canvas, IReadOnlyList<KaplanMeierArm> arms, List<LegendCorner.Segment> drawn, double xMax, double bottom,
                                             ScottPlot.TickGenerators.NumericManual yTicks)
    {
        double areaWidth = LegendCorner.DataAreaWidth(canvas, yTicks.Ticks.Select(t => t.Label));
        // A margin keeps censoring marks (9 px tall) clear of the legend.
        var (width, height) = LegendCorner.Size(canvas, arms.Select(a => a.Name).ToArray(), margin: 10);
        double yPad = (1 - bottom) * 0.02;
        return LegendCorner.Choose(drawn, -xMax * 0.02, xMax * 1.02, bottom - yPad, 1 + yPad, width / areaWidth, height / DataHeight);
    }

    /// <summary>The y axis's bottom: <paramref name="yMin"/>, or the tenth below the lowest curve or band value when that is lower.</summary>
    private static double BottomOf(double yMin, double lowest) =>
        lowest >= yMin ? yMin : Math.Max(0, Math.Floor(Math.Round(lowest * 10, 9)) / 10);

    /// <summary>Ticks at the breaks and at round survival probabilities down to the bottom, limits and labels; returns the y ticks.</summary>
    private static ScottPlot.TickGenerators.NumericManual SetAxes(Plot plot, double[] breaks, double xMax, double bottom, KaplanMeierFigureOptions o)
    {
        TimeAxis.SetTicks(plot, breaks);
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        double yStep = bottom == 0 ? 0.2 : (1 - bottom) > 0.3 ? 0.1 : 0.05;
        for (int k = 0; ; k++)
        {
            double y = Math.Round(1 - k * yStep, 10);
            if (y < bottom - 1e-9) break;
            yTicks.AddMajor(y, y.ToString(y == 0 || y == 1 ? "0.0" : "0.0#", System.Globalization.CultureInfo.InvariantCulture));
        }
        plot.Axes.Left.TickGenerator = yTicks;
        double yPad = (1 - bottom) * 0.02;
        plot.Axes.SetLimits(-xMax * 0.02, xMax * 1.02, bottom - yPad, 1 + yPad);
        plot.XLabel(o.XLabel);
        plot.YLabel(o.YLabel);
        return yTicks;
    }

    /// <summary>
    /// Band, curve and censoring ticks of one arm, cut at <paramref name="xMax"/> (axis units); adds what it drew to
    /// <paramref name="drawn"/> (each step with its drop and its band).
    /// </summary>
    private static void AddArm(Plot plot, KaplanMeierArm arm, Color color, double xMax, KaplanMeierFigureOptions o, List<LegendCorner.Segment> drawn)
    {
        var curve = arm.Curve;
        var table = curve.RiskSets;
        double scale = o.TimeScale;
        double end = table.Count == 0 ? 0 : Math.Min(table.Time[^1], xMax * scale);
        double markGap = xMax / 150;

        // The curve changes only at event times: 1e6 rows with few distinct event times stay small.
        var xs = new List<double> { 0 };
        var ys = new List<double> { 1 };
        var lower = new List<double> { 1 };
        var upper = new List<double> { 1 };
        var censorX = new List<double>();
        var censorY = new List<double>();
        var steps = curve.Steps;
        double last = 1;
        for (int i = 0; i < steps.Count && table.Time[i] <= end; i++)
        {
            var s = steps[i];
            if (s.Events > 0)
            {
                xs.Add(s.Time / scale);
                ys.Add(s.Survival);
                lower.Add(double.IsNaN(s.Lower) ? s.Survival : s.Lower);
                upper.Add(double.IsNaN(s.Upper) ? s.Survival : s.Upper);
                last = s.Survival;
            }
            if (s.Censored > 0 && o.ShowCensorMarks && (censorX.Count == 0 || s.Time / scale - censorX[^1] >= markGap))
            {
                censorX.Add(s.Time / scale);
                censorY.Add(s.Survival);
            }
        }
        xs.Add(end / scale);
        ys.Add(last);
        lower.Add(lower[^1]);
        upper.Add(upper[^1]);

        if (o.ShowConfidenceBands) Steps.AddBand(plot, xs, lower, upper, color);
        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = arm.Name;
        if (censorX.Count > 0)
        {
            var marks = plot.Add.Markers(censorX.ToArray(), censorY.ToArray(), MarkerShape.VerticalBar, 9, color);
            marks.MarkerLineWidth = 1.5f;
            marks.MarkerStyle.CustomRenderer = OwnedPathMarkers.VerticalBar;
        }
        // A step holds its value over [x_i, x_i+1] and drops there: count the drop (and the bands) over the whole step.
        for (int i = 0; i + 1 < xs.Count; i++)
        {
            double low = o.ShowConfidenceBands ? Math.Min(lower[i], lower[i + 1]) : ys[i + 1];
            double high = o.ShowConfidenceBands ? Math.Max(upper[i], upper[i + 1]) : ys[i];
            drawn.Add(new LegendCorner.Segment(xs[i], xs[i + 1], Math.Min(low, ys[i + 1]), Math.Max(high, ys[i])));
        }
    }
}
