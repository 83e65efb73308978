using Evident.Statistics;
using ScottPlot;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Figures;

/// <summary>
/// The numbers-at-risk table under a survival figure (KMunicate, Morris et al. 2019), read from the curves with
/// <see cref="KaplanMeierCurve.At(IReadOnlyList{double})"/> (R: <c>summary(fit, times = breaks, extend = TRUE)</c>):
/// at risk = n(t); events and censored are cumulative over [0, t].
/// </summary>
internal static class RiskTable
{
    public static IReadOnlyList<RiskTableRow> Rows(IReadOnlyList<KaplanMeierArm> arms, IReadOnlyList<Color> colors,
                                                    double[] breaks, double timeScale, RiskTableLayout layout)
    {
        var rows = new List<RiskTableRow>();
        if (layout == RiskTableLayout.None) return rows;
        if (layout == RiskTableLayout.AtRiskWithEvents)
            rows.Add(new RiskTableRow("Number at risk (events)", Colors.Black, Array.Empty<string>(), Bold: true));
        for (int a = 0; a < arms.Count; a++)
        {
            var (atRisk, events, censored) = Counts(arms[a].Curve, breaks, timeScale);
            var color = colors[a];
            if (layout == RiskTableLayout.AtRiskWithEvents)
            {
                var cells = new string[breaks.Length];
                for (int j = 0; j < cells.Length; j++) cells[j] = $"{FigureText.Count(atRisk[j])} ({FigureText.Count(events[j])})";
                rows.Add(new RiskTableRow(arms[a].Name, color, cells, Bold: true));
            }
            else
            {
                rows.Add(new RiskTableRow(arms[a].Name, color, Array.Empty<string>(), Bold: true));
                rows.Add(new RiskTableRow("At risk", color, Format(atRisk), Indent: true));
                rows.Add(new RiskTableRow("Censored", color, Format(censored), Indent: true));
                rows.Add(new RiskTableRow("Events", color, Format(events), Indent: true));
            }
        }
        return rows;
    }

    /// <summary>n(t), cumulative events and cumulative censorings at each break (axis units × <paramref name="timeScale"/>).</summary>
    public static (int[] AtRisk, int[] Events, int[] Censored) Counts(KaplanMeierCurve curve, double[] breaks, double timeScale)
    {
        var times = new double[breaks.Length];
        for (int j = 0; j < times.Length; j++) times[j] = breaks[j] * timeScale;
        var points = curve.At(times);
        var atRisk = new int[times.Length];
        var events = new int[times.Length];
        var censored = new int[times.Length];
        int cumulativeEvents = 0, cumulativeCensored = 0, step = 0;
        var table = curve.RiskSets;
        for (int j = 0; j < times.Length; j++)
        {
            cumulativeEvents += points[j].Events;
            while (step < table.Count && table.Time[step] <= times[j]) cumulativeCensored += table.Censored[step++];
            atRisk[j] = points[j].AtRisk;
            events[j] = cumulativeEvents;
            censored[j] = cumulativeCensored;
        }
        return (atRisk, events, censored);
    }

    private static string[] Format(int[] values)
    {
        var cells = new string[values.Length];
        for (int j = 0; j < cells.Length; j++) cells[j] = FigureText.Count(values[j]);
        return cells;
    }

    /// <summary>
    /// Adds the table as a panel under the x axis: labels right of the figure's left margin, cells centred on the
    /// break's pixel. Returns the panel height and the width the labels need left of the data area.
    /// </summary>
    public static (float Height, float LabelWidth) Add(FigureCanvas canvas, IReadOnlyList<RiskTableRow> rows, double[] breaks, float leftMargin)
    {
        if (rows.Count == 0) return (0, 0);
        var text = canvas.Text;
        float fs = canvas.Style.FontSize;
        float line = text.Height(fs) + 6;
        float indent = 12;
        float labelWidth = 0;
        // Headings (rows without cells) may run under the first columns; only labelled rows must clear them.
        foreach (var r in rows) if (r.Cells.Count > 0) labelWidth = Math.Max(labelWidth, text.Width(r.Label, fs, r.Bold) + (r.Indent ? indent : 0));
        float firstCell = 0;
        foreach (var r in rows) if (r.Cells.Count > 0) firstCell = Math.Max(firstCell, text.Width(r.Cells[0], fs));

        var cells = new List<TextCell>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            float y = 10 + i * line + line / 2;
            float x = leftMargin + (row.Indent ? indent : 0);
            cells.Add(new TextCell((rp, rect) => new Pixel(rp.FigureRect.Left + x, rect.Top + y), row.Label, Alignment.MiddleLeft,
                                   row.Indent ? Colors.Black : row.Color, fs, row.Bold));
            for (int j = 0; j < row.Cells.Count; j++)
            {
                double at = breaks[j];
                cells.Add(new TextCell((rp, rect) => new Pixel(rp.Plot.Axes.Bottom.GetPixel(at, rp.DataRect), rect.Top + y),
                                       row.Cells[j], Alignment.MiddleCenter, row.Color, fs));
            }
        }
        float height = 10 + rows.Count * line + 4;
        canvas.AddPanel(Edge.Bottom, height, cells);
        return (height, labelWidth + firstCell / 2 + 14);
    }
}
