using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// A ScottPlot <see cref="Plot"/> dressed in the house style (left and bottom axes only, light horizontal grid, the
/// resolved font) with a fixed layout computed by the figure, and its rendering to SVG and PNG. Owns the plot.
/// </summary>
internal sealed partial class FigureCanvas : IDisposable
{
    public FigureCanvas(FigureStyle style, string title)
    {
        Checks.Style(style);
        Text = new FigureText(style);
        Width = style.Width;
        Title = title;
        // A new plot creates native Skia objects (paints, typefaces): under the gate, as every drawing call is.
        lock (SkiaGate.Sync)
        {
            Plot = new Plot();
            // Not Plot.Font.Set: it replaces the typeface globally and bold text is then drawn regular.
            Plot.Axes.Top.FrameLineStyle.Width = 0;
            Plot.Axes.Right.FrameLineStyle.Width = 0;
            foreach (var axis in new IAxis[] { Plot.Axes.Bottom, Plot.Axes.Left })
            {
                axis.TickLabelStyle.FontName = Text.FontName;
                axis.TickLabelStyle.FontSize = style.FontSize;
                axis.Label.FontName = Text.FontName;
                axis.Label.FontSize = style.FontSize;
                axis.Label.Bold = false;
                axis.FrameLineStyle.Color = Colors.Black;
                axis.MajorTickStyle.Color = Colors.Black;
                axis.MinorTickStyle.Length = 0;
            }
            Plot.Grid.XAxisStyle.IsVisible = false;
            Plot.Grid.YAxisStyle.MajorLineStyle.Color = Colors.Black.WithAlpha(0.08);
            Plot.Grid.YAxisStyle.MinorLineStyle.Width = 0;
            Plot.Legend.FontName = Text.FontName;
            Plot.Legend.FontSize = style.FontSize;
            Plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.25);
            Plot.Legend.ShadowColor = Colors.Transparent;
        }
    }

    public Plot Plot { get; }

    public FigureText Text { get; }

    public FigureStyle Style => Text.Style;

    public int Width { get; }

    public int Height => Style.Height ?? _defaultHeight;

    private int _defaultHeight = 480;

    /// <summary>The height used when <see cref="FigureStyle.Height"/> is null, computed by the figure from its layout.</summary>
    public void SetDefaultHeight(int height) => _defaultHeight = Math.Clamp(height, 150, 4000);

    public string Title { get; }

    public Color SeriesColor(int index) => Color.FromHex(Style.Colors[index % Style.Colors.Count]);

    /// <summary>Adds a title (bold) and subtitle above the data area, left-aligned with the figure; returns its height.</summary>
    public float AddHeader(string? title, string? subtitle, float left)
    {
        var cells = new List<TextCell>();
        float line = Text.Height(Style.TitleFontSize) + 4;
        float sub = Text.Height(Style.FontSize) + 4;
        float y = 8;
        if (!string.IsNullOrEmpty(title))
        {
            float top = y;
            cells.Add(new TextCell((rp, r) => new Pixel(rp.FigureRect.Left + left, rp.FigureRect.Top + top), title,
                                   Alignment.UpperLeft, Colors.Black, Style.TitleFontSize, Bold: true));
            y += line;
        }
        if (!string.IsNullOrEmpty(subtitle))
        {
            float top = y;
            cells.Add(new TextCell((rp, r) => new Pixel(rp.FigureRect.Left + left, rp.FigureRect.Top + top), subtitle,
                                   Alignment.UpperLeft, Colors.Black.WithAlpha(0.75), Style.FontSize));
            y += sub;
        }
        float height = y + 10;
        Plot.Axes.AddPanel(new TextPanel(Edge.Top, height, cells, Text.FontName));
        return height;
    }

    public void AddPanel(Edge edge, float size, IReadOnlyList<TextCell> cells) =>
        Plot.Axes.AddPanel(new TextPanel(edge, size, cells, Text.FontName));

    /// <summary>Fixes the data area's distance from each edge of the figure (ScottPlot's automatic layout cannot see the text panels' needs).</summary>
    public void Layout(float left, float right, float bottom, float top) =>
        Plot.Layout.Fixed(new PixelPadding(left, right, bottom, top));

    /// <summary>Width of the left axis: tick marks, the widest tick label, the rotated title, and padding.</summary>
    public float YAxisBand(IEnumerable<string> tickLabels) =>
        14 + Text.MaxWidth(tickLabels, Style.FontSize) + 12 + Text.Height(Style.FontSize) + 16;

    /// <summary>Height of an axis's tick labels plus its title, as ScottPlot lays them out.</summary>
    public float AxisBand(bool withLabel) =>
        6 + Text.Height(Style.FontSize) + 4 + (withLabel ? Text.Height(Style.FontSize) + 8 : 0);

    /// <summary>
    /// The figure as a standalone SVG document: a <c>viewBox</c> (so it scales with the page), <c>role="img"</c> and a
    /// <c>&lt;title&gt;</c>, the CSS font fallback list, dashed and dotted lines as <c>stroke-dasharray</c> (see
    /// <see cref="SvgLinePatterns"/>; Skia's SVG canvas cannot write a dash path effect), and clip-path ids renamed
    /// from Skia's process-wide counter to names derived from the content, so the same figure gives byte-identical SVG
    /// and two different figures inlined in one HTML page never share an id.
    /// </summary>
    public string ToSvg()
    {
        string svg;
        lock (SkiaGate.Sync)
        {
            using var patterns = SvgLinePatterns.Apply(Plot, Style.Colors);
            svg = patterns.Rewrite(Plot.GetSvgXml(Width, Height));
        }
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var local)) ids[m.Value] = local = "c" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return "@@" + local;
        });
        svg = FontFamily().Replace(svg, $"font-family=\"{Text.CssFontFamily}\"");
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(svg)))[..10];
        svg = svg.Replace("@@", "ev" + hash + "-", StringComparison.Ordinal);
        string root = $"<svg role=\"img\" viewBox=\"0 0 {Width} {Height}\" ";
        int at = svg.IndexOf("<svg ", StringComparison.Ordinal);
        int close = svg.IndexOf('>', at);
        svg = svg[..at] + root + svg[(at + 5)..(close + 1)] + $"\n\t<title>{Escape(Title)}</title>" + svg[(close + 1)..];
        return svg;
    }

    /// <summary>The figure as PNG at <see cref="FigureStyle.PngScale"/> times the SVG's pixel size.</summary>
    public byte[] ToPng()
    {
        Plot.ScaleFactor = Style.PngScale;
        try
        {
            lock (SkiaGate.Sync)
            {
                    return Plot.GetImageBytes(Width * Style.PngScale, Height * Style.PngScale, ImageFormat.Png);
            }
        }
        finally
        {
            Plot.ScaleFactor = 1;
        }
    }

    public void Dispose()
    {
        lock (SkiaGate.Sync) Plot.Dispose();
        Text.Dispose();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=id=""|url\(#)cl_[0-9A-Za-z]+")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"font-family=""[^""]*""")]
    private static partial Regex FontFamily();
}
