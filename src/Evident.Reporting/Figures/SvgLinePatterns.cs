using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// Dashed and dotted lines in SVG output as real <c>stroke-dasharray</c> attributes.
/// </summary>
/// <remarks>
/// ScottPlot draws a <see cref="LinePattern"/> through a Skia dash path effect. Skia's SVG canvas cannot write a path
/// effect as an attribute: for a path it bakes the dashes into filled outline geometry (bulky, and not a line any more),
/// and for a shape drawn with a paint that still carries the effect (ScottPlot reuses the line's paint for square and
/// circle markers) it drops the effect and prints "Unsupported path effect in addPaint." to the process's native
/// stderr, out of reach of <see cref="Console.SetError"/>. So for SVG every patterned line is drawn solid in a reserved
/// tag colour, one per (real colour, pattern), and the SVG text is then rewritten: each <c>stroke="#tag"</c> becomes the
/// real colour plus <c>stroke-dasharray</c> (and <c>stroke-dashoffset</c> for a non-zero phase) with ScottPlot's own
/// intervals, which Skia applies in unscaled pixels along each sub-path, exactly as SVG does. The alpha stays on the
/// tag colour, so Skia still writes <c>stroke-opacity</c>. PNG output never goes through this class.
/// Covered: lines and outlines of plottables (<see cref="IHasLine"/>, <see cref="IHasOutline"/>, which also feed their
/// legend symbols), the grid lines and the axis frames.
/// </remarks>
internal sealed partial class SvgLinePatterns : IDisposable
{
    /// <summary>Tag colours are <c>#5AD7kk</c>, kk = 01…FF; a colour in the figure's palette is never used as a tag.</summary>
    private const byte TagRed = 0x5A, TagGreen = 0xD7;

    private readonly List<(LineStyle Style, Color Color, LinePattern Pattern)> _saved = [];
    private readonly Dictionary<byte, (string Color, string Dash)> _byTag = [];

    private SvgLinePatterns() { }

    /// <summary>
    /// Replaces every patterned line style reachable from <paramref name="plot"/> by a solid line in a tag colour until
    /// <see cref="Dispose"/>; colours listed in <paramref name="palette"/> (<c>#RRGGBB</c>) are never used as tags.
    /// </summary>
    public static SvgLinePatterns Apply(Plot plot, IEnumerable<string> palette)
    {
        var result = new SvgLinePatterns();
        try
        {
            result.TagAll(plot, palette);
        }
        catch
        {
            result.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>Rewrites the tag colours in <paramref name="svg"/> (rendered while this instance was applied) into the real colours and dash arrays.</summary>
    public string Rewrite(string svg) =>
        _byTag.Count == 0
            ? svg
            : TagAttribute().Replace(svg, m =>
            {
                byte tag = byte.Parse(m.Groups["tag"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (!_byTag.TryGetValue(tag, out var real)) return m.Value;
                string attribute = m.Groups["attr"].Value;
                return attribute == "stroke" ? $"stroke=\"{real.Color}\" {real.Dash}" : $"{attribute}=\"{real.Color}\"";
            });

    /// <summary>Puts the real colours and patterns back.</summary>
    public void Dispose()
    {
        for (int i = _saved.Count - 1; i >= 0; i--)
        {
            var (style, color, pattern) = _saved[i];
            style.Color = color;
            style.Pattern = pattern;
        }
        _saved.Clear();
    }

    private void TagAll(Plot plot, IEnumerable<string> palette)
    {
        var styles = new List<LineStyle>();
        foreach (var plottable in plot.GetPlottables())
        {
            if (plottable is IHasLine line) styles.Add(line.LineStyle);
            if (plottable is IHasOutline outline) styles.Add(outline.OutlineStyle);
        }
        if (plot.Grid is ScottPlot.Grids.DefaultGrid grid)
        {
            foreach (var g in new[] { grid.XAxisStyle, grid.YAxisStyle })
            {
                styles.Add(g.MajorLineStyle);
                styles.Add(g.MinorLineStyle);
            }
        }
        foreach (var axis in plot.Axes.GetAxes()) styles.Add(axis.FrameLineStyle);

        var reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var hex in palette) reserved.Add(hex);
        foreach (var style in styles) reserved.Add(Rgb(style.Color));

        var tags = new Dictionary<(string Color, string Dash), byte>();
        byte next = 1;
        var seen = new HashSet<LineStyle>(ReferenceEqualityComparer.Instance);
        foreach (var style in styles)
        {
            if (!seen.Add(style) || DashArray(style.Pattern) is not string dash) continue;
            string color = Rgb(style.Color);
            if (!tags.TryGetValue((color, dash), out byte tag))
            {
                while (next != 0 && reserved.Contains(Rgb(new Color(TagRed, TagGreen, next)))) next++;
                if (next == 0) throw new InvalidOperationException("more distinct dashed line styles than SVG tag colours.");
                tag = next++;
                tags[(color, dash)] = tag;
                _byTag[tag] = (color, dash);
            }
            _saved.Add((style, style.Color, style.Pattern));
            style.Color = new Color(TagRed, TagGreen, tag, style.Color.A);
            style.Pattern = LinePattern.Solid;
        }
    }

    /// <summary>The SVG dash attributes for a pattern, or null for a solid line.</summary>
    private static string? DashArray(LinePattern pattern)
    {
        var intervals = pattern.Intervals;
        if (intervals is null || intervals.Length == 0 || intervals.All(v => v <= 0)) return null;
        var text = new StringBuilder("stroke-dasharray=\"");
        for (int i = 0; i < intervals.Length; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(intervals[i].ToString("R", CultureInfo.InvariantCulture));
        }
        text.Append('"');
        if (pattern.Phase != 0) text.Append(" stroke-dashoffset=\"").Append(pattern.Phase.ToString("R", CultureInfo.InvariantCulture)).Append('"');
        return text.ToString();
    }

    private static string Rgb(Color c) => $"#{c.R:X2}{c.G:X2}{c.B:X2}";

    [GeneratedRegex(@"(?<attr>stroke|fill)=""#5AD7(?<tag>[0-9A-F]{2})""", RegexOptions.IgnoreCase)]
    private static partial Regex TagAttribute();
}
