using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>Round x-axis breaks for follow-up time and the axis range they imply.</summary>
internal static class TimeAxis
{
    // Steps clinicians expect on a months axis (3, 6, 12 …) merged with the usual 1–2–2.5–5 series.
    private static readonly double[] Steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 3, 5, 6, 10, 12, 20, 24, 25, 36, 48, 50, 60, 100, 120, 200, 250, 500, 1000];

    /// <summary>Breaks 0, s, 2s, … up to the first multiple of s ≥ <paramref name="maxTime"/>, with at most 8 intervals.</summary>
    public static double[] NiceBreaks(double maxTime)
    {
        if (!(maxTime > 0)) return [0, 1];
        double step = Steps[^1];
        foreach (var s in Steps)
        {
            if (Math.Ceiling(maxTime / s - 1e-9) <= 8) { step = s; break; }
        }
        while (Math.Ceiling(maxTime / step - 1e-9) > 8) step *= 10;
        int count = (int)Math.Ceiling(maxTime / step - 1e-9);
        var breaks = new double[Math.Max(count, 1) + 1];
        for (int i = 0; i < breaks.Length; i++) breaks[i] = Math.Round(i * step, 10);
        return breaks;
    }

    /// <summary>The user's breaks (checked) or nice ones, cut at the axis maximum; returns breaks and that maximum.</summary>
    public static (double[] Breaks, double Max) Resolve(IReadOnlyList<double>? breaks, double? maxTime, double followUp)
    {
        if (maxTime is double m && !(double.IsFinite(m) && m > 0))
            throw new ArgumentOutOfRangeException(nameof(maxTime), m, $"MaxTime must be finite and > 0; got {m}.");
        double[] b = breaks is null ? NiceBreaks(maxTime ?? followUp) : Checks.Breaks(breaks, "TimeBreaks");
        double max = maxTime ?? Math.Max(b[^1], b.Length == 1 ? Math.Max(followUp, 1) : 0);
        var kept = b.Where(x => x <= max + 1e-12).ToArray();
        if (kept.Length == 0) throw new ArgumentException($"TimeBreaks has no break within [0, {max}].", nameof(breaks));
        return (kept, max);
    }

    /// <summary>Puts a labelled tick at each break on the plot's x axis.</summary>
    public static void SetTicks(Plot plot, double[] breaks)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var b in breaks) ticks.AddMajor(b, FigureText.Tick(b));
        plot.Axes.Bottom.TickGenerator = ticks;
    }
}
