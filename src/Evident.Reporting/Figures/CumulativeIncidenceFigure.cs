using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// Cumulative incidence functions (Aalen–Johansen; Kalbfleisch &amp; Prentice 1980, Gray 1988) per cause × arm as step
/// functions from 0, with pointwise confidence bands: colour encodes the arm (the same colours as the Kaplan–Meier
/// figures), line pattern the cause, so a report's figures read alike. The R counterpart is <c>plot(cmprsk::cuminc(...))</c> or <c>tidycmprsk</c>'s
/// <c>ggcuminc()</c>.
/// </summary>
/// <remarks>Presentation only; deterministic (same input → byte-identical SVG).</remarks>
public static class CumulativeIncidenceFigure
{
    private const float DataHeight = 320;
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>Renders the figure as a standalone SVG document.</summary>
    /// <param name="series">One or more curves with non-empty cause and arm names, no (cause, arm) pair twice.</param>
    /// <param name="options">Options, with the analysis's confidence level.</param>
    /// <exception cref="ArgumentException">No series, an empty or repeated name, or an invalid option.</exception>
    public static string Svg(IReadOnlyList<IncidenceSeries> series, CumulativeIncidenceFigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var canvas = Build(series, options);
        return canvas.ToSvg();
    }

    /// <summary>Renders the figure as PNG bytes at <see cref="FigureStyle.PngScale"/> times the SVG size.</summary>
    /// <param name="series">One or more curves with non-empty cause and arm names, no (cause, arm) pair twice.</param>
    /// <param name="options">Options, with the analysis's confidence level.</param>
    /// <exception cref="ArgumentException">As for <see cref="Svg"/>.</exception>
    public static byte[] Png(IReadOnlyList<IncidenceSeries> series, CumulativeIncidenceFigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var canvas = Build(series, options);
        return canvas.ToPng();
    }

    private static FigureCanvas Build(IReadOnlyList<IncidenceSeries> series, CumulativeIncidenceFigureOptions o)
    {
        var (causes, arms) = Validate(series, o);
        double followUp = 0, top = 0;
        foreach (var s in series)
        {
            if (double.IsFinite(s.Curve.LastFollowUp)) followUp = Math.Max(followUp, s.Curve.LastFollowUp);
            foreach (var p in s.Curve.Steps) top = Math.Max(top, p.Estimate);
        }
        var (breaks, xMax) = TimeAxis.Resolve(o.TimeBreaks, o.MaxTime, followUp / o.TimeScale);

        var canvas = new FigureCanvas(o.Style, o.Title ?? "Cumulative incidence");
        try
        {
            foreach (var s in series)
                top = Math.Max(top, AddCurve(canvas, s, causes, arms, xMax * o.TimeScale, o));
            var yTicks = SetAxes(canvas.Plot, breaks, xMax, o.YMax ?? Math.Min(1, Math.Max(0.05, Math.Ceiling(top * 1.15 / 0.05) * 0.05)), o);
            float legendWidth = Legends.Place(canvas, o.Legend);
            var rows = new List<RiskTableRow>();
            if (o.AtRisk is { Count: > 0 } atRisk)
            {
                var colors = atRisk.Select(a => arms.IndexOf(a.Name) is int i and >= 0 ? canvas.SeriesColor(i) : Colors.Black).ToArray();
                rows.AddRange(RiskTable.Rows(atRisk, colors, breaks, o.TimeScale, RiskTableLayout.AtRiskWithEvents));
            }
            DataAreaLayout.Apply(canvas, o.Title, o.Subtitle, yTicks.Ticks.Select(t => t.Label), legendWidth, DataHeight, rows, breaks);
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    /// <summary>Checks the series and options; returns the causes and the arms in order of first appearance.</summary>
    private static (List<string> Causes, List<string> Arms) Validate(IReadOnlyList<IncidenceSeries> series, CumulativeIncidenceFigureOptions o)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(o);
        if (series.Count == 0) throw new ArgumentException("a cumulative incidence figure needs at least one curve.", nameof(series));
        var pairs = new HashSet<(string, string)>();
        var causes = new List<string>();
        var arms = new List<string>();
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(series));
            ArgumentNullException.ThrowIfNull(s.Curve, nameof(series));
            Checks.Name(s.Cause, "cause");
            Checks.Name(s.Arm, "arm");
            if (!pairs.Add((s.Cause, s.Arm))) throw new ArgumentException($"cause '{s.Cause}' in arm '{s.Arm}' appears twice.", nameof(series));
            if (!causes.Contains(s.Cause)) causes.Add(s.Cause);
            if (!arms.Contains(s.Arm)) arms.Add(s.Arm);
        }
        if (!(double.IsFinite(o.TimeScale) && o.TimeScale > 0))
            throw new ArgumentOutOfRangeException(nameof(o.TimeScale), o.TimeScale, $"TimeScale must be finite and > 0; got {o.TimeScale}.");
        if (o.YMax is double ym) Checks.Range(ym, 1e-6, 1, "YMax");
        Checks.Range(o.ConfidenceLevel, 1e-6, 1 - 1e-6, "ConfidenceLevel");
        return (causes, arms);
    }

    /// <summary>
    /// One curve as a step function from (0, 0) to its last follow-up, cut at <paramref name="tMax"/> (data units), with its
    /// band: colour by arm, pattern by cause. Returns the highest value drawn (the band's top when shown).
    /// </summary>
    private static double AddCurve(FigureCanvas canvas, IncidenceSeries s, List<string> causes, List<string> arms, double tMax, CumulativeIncidenceFigureOptions o)
    {
        double z = Statistics.NormalTail.CriticalValue(o.ConfidenceLevel);
        var xs = new List<double> { 0 };
        var ys = new List<double> { 0 };
        var lower = new List<double> { 0 };
        var upper = new List<double> { 0 };
        foreach (var p in s.Curve.Steps)
        {
            if (p.Time > tMax) break;
            xs.Add(p.Time / o.TimeScale);
            ys.Add(p.Estimate);
            var (low, high) = Band(p.Estimate, p.Variance, z);
            lower.Add(low);
            upper.Add(high);
        }
        double end = double.IsFinite(s.Curve.LastFollowUp) ? Math.Min(s.Curve.LastFollowUp, tMax) : 0;
        xs.Add(end / o.TimeScale);
        ys.Add(ys[^1]);
        lower.Add(lower[^1]);
        upper.Add(upper[^1]);
        var color = canvas.SeriesColor(arms.IndexOf(s.Arm));
        if (o.ShowConfidenceBands) Steps.AddBand(canvas.Plot, xs, lower, upper, color);
        var line = canvas.Plot.Add.Scatter(xs.ToArray(), ys.ToArray(), color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LinePattern = Patterns[causes.IndexOf(s.Cause) % Patterns.Length];
        line.LegendText = arms.Count == 1 ? s.Cause : causes.Count == 1 ? s.Arm : $"{s.Cause}, {s.Arm}";
        return o.ShowConfidenceBands ? upper.Max() : ys.Max();
    }

    /// <summary>
    /// The pointwise interval of an incidence F with variance v on the log(−log) scale: F^exp(±z·√v / (F·|ln F|)), which
    /// stays inside (0, 1); the point itself where F is 0 or 1 or the variance is not finite.
    /// </summary>
    internal static (double Lower, double Upper) Band(double f, double variance, double z)
    {
        if (!(f > 0 && f < 1) || !(variance >= 0) || !double.IsFinite(variance)) return (f, f);
        double se = Math.Sqrt(variance) / (f * Math.Abs(Math.Log(f)));
        return (Math.Pow(f, Math.Exp(z * se)), Math.Pow(f, Math.Exp(-z * se)));
    }

    /// <summary>Ticks at the breaks and at round probabilities up to <paramref name="yMax"/>, limits and labels; returns the y ticks.</summary>
    private static ScottPlot.TickGenerators.NumericManual SetAxes(Plot plot, double[] breaks, double xMax, double yMax, CumulativeIncidenceFigureOptions o)
    {
        double yStep = yMax > 0.8 ? 0.2 : yMax > 0.2 ? 0.1 : yMax > 0.1 ? 0.05 : yMax > 0.04 ? 0.01 : yMax / 4;
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k * yStep <= yMax + 1e-9; k++) yTicks.AddMajor(k * yStep, FigureText.Tick(k * yStep));
        plot.Axes.Left.TickGenerator = yTicks;
        TimeAxis.SetTicks(plot, breaks);
        plot.Axes.SetLimits(-xMax * 0.02, xMax * 1.02, -yMax * 0.02, yMax * 1.02);
        plot.XLabel(o.XLabel);
        plot.YLabel(o.YLabel);
        return yTicks;
    }
}
