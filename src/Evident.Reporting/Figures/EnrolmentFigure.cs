using System.Globalization;
using Evident.Analysis.Enrolment;
using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// Cumulative accrual over calendar time: one step line per group (strata or sites) with the total as a thick black
/// line, months on the x axis. The data-monitoring committee's "are we recruiting as planned, and evenly across strata
/// and sites?" picture (the R counterpart is a <c>ggplot(geom_step)</c> of cumulative counts by month).
/// </summary>
/// <remarks>Presentation only; deterministic (same input → byte-identical SVG).</remarks>
public static class EnrolmentFigure
{
    private const float DataHeight = 280;
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>Renders the accrual of <paramref name="series"/> (and the total) as a standalone SVG document.</summary>
    /// <param name="months">First day of each month (the x axis), at least one.</param>
    /// <param name="total">Cumulative total per month (same length), or null to leave the total out.</param>
    /// <param name="series">Cumulative counts per group, each the same length as <paramref name="months"/>.</param>
    /// <param name="title">Title above the plot.</param>
    /// <param name="style">Size, fonts and colours; null for the defaults.</param>
    /// <param name="target">The protocol's planned accrual over the same months, drawn as a grey dashed line; null for none.</param>
    /// <exception cref="ArgumentException">No month, or a series (or the plan) whose length differs from the months'.</exception>
    public static string Svg(IReadOnlyList<DateOnly> months, IReadOnlyList<int>? total, IReadOnlyList<EnrolmentSeries> series, string title,
                             FigureStyle? style = null, AccrualTarget? target = null)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(series);
        if (months.Count == 0) throw new ArgumentException("an accrual figure needs at least one month.", nameof(months));
        if (total is not null && total.Count != months.Count) throw new ArgumentException($"total has {total.Count} values for {months.Count} months.", nameof(total));
        foreach (var s in series)
            if (s.Cumulative.Count != months.Count) throw new ArgumentException($"series '{s.Label}' has {s.Cumulative.Count} values for {months.Count} months.", nameof(series));
        if (target is not null && target.ByMonth.Count != months.Count) throw new ArgumentException($"the plan has {target.ByMonth.Count} values for {months.Count} months.", nameof(target));

        using var canvas = new FigureCanvas(style ?? new FigureStyle(), title);
        var plot = canvas.Plot;
        // Month i covers [i, i + 1); the count at the end of month i is drawn at x = i + 1, starting from 0 at x = 0.
        double[] x = Enumerable.Range(0, months.Count + 1).Select(i => (double)i).ToArray();
        int top = 1;
        for (int k = 0; k < series.Count; k++)
        {
            var line = plot.Add.Scatter(x, Counts(series[k].Cumulative), canvas.SeriesColor(k));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LinePattern = Patterns[k / canvas.Style.Colors.Count % Patterns.Length];
            line.LegendText = $"{series[k].Label} ({series[k].Count})";
            top = Math.Max(top, series[k].Count);
        }
        if (target is not null) top = Math.Max(top, AddPlan(plot, x, target));
        if (total is not null)
        {
            var line = plot.Add.Scatter(x, Counts(total), Colors.Black);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 3;
            line.MarkerSize = 0;
            line.LegendText = $"All ({(total.Count == 0 ? 0 : total[^1])})";
            top = Math.Max(top, total[^1]);
        }

        var (yTicks, yLabels, yTop) = YTicks(top);
        var entries = plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText ?? "").ToArray();
        float legendWidth = Legends.Place(canvas, LegendPosition.Right);
        double dataWidth = canvas.Width - canvas.YAxisBand(yLabels) - legendWidth - 24;
        plot.Axes.Bottom.TickGenerator = MonthTicks(canvas, months, dataWidth);
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.SetLimits(0, months.Count + 0.2, 0, yTop);
        plot.XLabel("Month of randomization");
        plot.YLabel("Participants randomized");
        // Tall enough for the legend in one column: a taller one would wrap into columns the width does not allow for.
        float dataHeight = (float)Math.Max(DataHeight, LegendCorner.Size(canvas, entries).Height);
        DataAreaLayout.Apply(canvas, title, null, yLabels, legendWidth, dataHeight);
        return canvas.ToSvg();
    }

    /// <summary>The plan as a grey dashed line; returns its last value rounded up. It is linear within a month, so it is drawn straight from 0.</summary>
    private static int AddPlan(Plot plot, double[] x, AccrualTarget target)
    {
        var line = plot.Add.Scatter(x, [0, .. target.ByMonth], Colors.Gray);
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"Planned ({target.Participants} over {FigureText.Tick(target.AccrualDuration)} {Report.ReportText.Unit(target.Unit)})";
        return (int)Math.Ceiling(target.ByMonth[^1]);
    }

    private static double[] Counts(IReadOnlyList<int> cumulative)
    {
        var y = new double[cumulative.Count + 1];
        for (int i = 0; i < cumulative.Count; i++) y[i + 1] = cumulative[i];
        return y;
    }

    /// <summary>
    /// The y axis's ticks up to a nice ceiling above <paramref name="top"/>, with their labels kept: NumericManual.Ticks
    /// stays empty until ScottPlot regenerates it at render time, so the layout could not measure the widest label from
    /// it (the axis title was then pushed off the figure's left edge).
    /// </summary>
    private static (ScottPlot.TickGenerators.NumericManual Ticks, List<string> Labels, double Top) YTicks(int top)
    {
        double yTop = NiceCeiling(top * 1.08);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var labels = new List<string>();
        double step = NiceCeiling(yTop / 5);
        for (double y = 0; y <= yTop + 1e-9; y += step)
        {
            labels.Add(FigureText.Tick(y));
            ticks.AddMajor(y, labels[^1]);
        }
        return (ticks, labels, yTop);
    }

    /// <summary>A labelled tick every <see cref="MonthStep"/> months ("Jun 2024"), spaced so the labels never touch.</summary>
    private static ScottPlot.TickGenerators.NumericManual MonthTicks(FigureCanvas canvas, IReadOnlyList<DateOnly> months, double dataWidth)
    {
        string Label(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        int step = MonthStep(months.Count, dataWidth, canvas.Text.MaxWidth(months.Select(Label), canvas.Style.FontSize) + 14);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var first = new DateOnly(months[0].Year, months[0].Month, 1);
        for (int i = 0; i <= months.Count; i += step) ticks.AddMajor(i, Label(first.AddMonths(i)));
        return ticks;
    }

    /// <summary>Months between labelled ticks: the smallest of 1, 3, 6, 12, 24, … whose labels, each <paramref name="labelWidth"/> wide, fit <paramref name="dataWidth"/> side by side.</summary>
    private static int MonthStep(int months, double dataWidth, double labelWidth)
    {
        double perMonth = dataWidth / Math.Max(1, months);
        foreach (int step in new[] { 1, 3, 6, 12 })
            if (step * perMonth >= labelWidth) return step;
        int years = 24;
        while (years * perMonth < labelWidth) years += 12;
        return years;
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ <paramref name="value"/> (≥ 1).</summary>
    private static double NiceCeiling(double value)
    {
        if (value <= 1) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (double m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * magnitude >= value - 1e-9) return m * magnitude;
        return 10 * magnitude;
    }
}
