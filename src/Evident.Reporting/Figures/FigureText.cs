using System.Globalization;
using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>Fonts, text measurement and number formatting shared by the figures (invariant culture throughout).</summary>
internal sealed class FigureText : IDisposable
{
    private readonly Paint _paint;
    private readonly LabelStyle _label;

    /// <summary>
    /// Creates the paint and resolves the font under <see cref="SkiaGate"/>: ScottPlot's typeface cache is shared by
    /// every thread, and filling it while another thread draws was one way the test hosts died in libSkiaSharp.
    /// </summary>
    public FigureText(FigureStyle style)
    {
        Style = style;
        lock (SkiaGate.Sync)
        {
            _paint = Paint.NewDisposablePaint();
            _label = new LabelStyle();
            FontName = ResolveFont(style.FontFamilies);
            _label.FontName = FontName;
        }
    }

    public FigureStyle Style { get; }

    /// <summary>The installed family used for drawing and measuring.</summary>
    public string FontName { get; }

    /// <summary>The CSS font-family list written into the SVG: the resolved family, the preferences, sans-serif.</summary>
    public string CssFontFamily
    {
        get
        {
            var names = new List<string> { FontName };
            foreach (var f in Style.FontFamilies) if (!names.Contains(f, StringComparer.OrdinalIgnoreCase)) names.Add(f);
            return string.Join(", ", names.Select(n => n.Contains(' ') ? $"'{n}'" : n)) + ", sans-serif";
        }
    }

    public float Width(string text, float size, bool bold = false)
    {
        if (text.Length == 0) return 0;
        lock (SkiaGate.Sync)
        {
            _label.FontSize = size;
            _label.Bold = bold;
            return _label.Measure(text, _paint).Width;
        }
    }

    public float Height(float size)
    {
        lock (SkiaGate.Sync)
        {
            _label.FontSize = size;
            _label.Bold = false;
            return _label.Measure("Ag0", _paint).Height;
        }
    }

    public float MaxWidth(IEnumerable<string> texts, float size, bool bold = false)
    {
        float max = 0;
        foreach (var t in texts) max = Math.Max(max, Width(t, size, bold));
        return max;
    }

    private static string ResolveFont(IReadOnlyList<string> families)
    {
        foreach (var family in families)
        {
            var typeface = Fonts.GetTypeface(family, false, false);
            if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase)) return family;
        }
        return Fonts.Default;
    }

    /// <summary>
    /// Fixed-point with <paramref name="digits"/> decimals, invariant culture, U+2212 for minus; NaN and ±∞ are
    /// "not estimable" (<see cref="Report.ReportNumbers.NotEstimable"/>), never NA or ∞.
    /// </summary>
    public static string Fixed(double value, int digits)
    {
        if (!double.IsFinite(value)) return Report.ReportNumbers.NotEstimable;
        string s = value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return s.StartsWith('-') ? "−" + s[1..] : s;
    }

    /// <summary>
    /// An estimate with its interval: "0.45 (0.31–0.66)"; "1.20 (CI not estimable)" when a limit is not finite (a monotone
    /// likelihood), "not estimable" without an estimate.
    /// </summary>
    public static string Interval(double estimate, double lower, double upper, int digits) =>
        !double.IsFinite(estimate) ? Report.ReportNumbers.NotEstimable
        : double.IsFinite(lower) && double.IsFinite(upper) ? $"{Fixed(estimate, digits)} ({Fixed(lower, digits)}–{Fixed(upper, digits)})"
        : $"{Fixed(estimate, digits)} (CI {Report.ReportNumbers.NotEstimable})";

    /// <summary>A p-value as journals print it: "&lt;0.001", else three decimals ("0.012"); NaN gives "".</summary>
    public static string PValue(double p) =>
        double.IsNaN(p) ? "" : p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A tick label: shortest round-trip form of the value, with U+2212 for minus.</summary>
    public static string Tick(double value)
    {
        string s = Math.Round(value, 10).ToString("0.##########", CultureInfo.InvariantCulture);
        return s.StartsWith('-') ? "−" + s[1..] : s;
    }

    public void Dispose()
    {
        lock (SkiaGate.Sync) _paint.Dispose();
    }

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
