namespace Evident.Reporting.Figures;

/// <summary>
/// Size, typography and colours shared by every figure. Immutable; the defaults give a figure that stays readable when
/// a report scales it to the text width of an A4 page (about 17 cm: 13 px text at 760 px width prints at about 8.5 pt).
/// </summary>
public sealed record FigureStyle
{
    /// <summary>Width of the figure in CSS pixels (SVG user units), 200–4000. Default 760.</summary>
    public int Width { get; init; } = 760;

    /// <summary>
    /// Height of the figure in CSS pixels, 150–4000, or null for the figure's own default (which grows with the rows of
    /// a risk table or forest plot).
    /// </summary>
    public int? Height { get; init; }

    /// <summary>
    /// Font families in order of preference. The first one installed is used to measure and draw text; the SVG names
    /// all of them, then <c>sans-serif</c>, so a browser without the first one substitutes a close match. When none is
    /// installed ScottPlot's default font is used (text in the PNG may then be blank on a machine with no fonts at all;
    /// the SVG still carries the text).
    /// </summary>
    public IReadOnlyList<string> FontFamilies { get; init; } = Array.AsReadOnly(["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"]);

    /// <summary>Size of body text (tick labels, legends, tables) in pixels, 6–40. Default 13.</summary>
    public float FontSize { get; init; } = 13;

    /// <summary>Size of the title in pixels, 6–60. Default 17.</summary>
    public float TitleFontSize { get; init; } = 17;

    /// <summary>Series colours as <c>#RRGGBB</c>, used in order and recycled. Default <see cref="OkabeIto.Series"/>.</summary>
    public IReadOnlyList<string> Colors { get; init; } = OkabeIto.Series;

    /// <summary>Pixel density of PNG output relative to the SVG: 1–4. Default 2 (a 760 px figure becomes a 1520 px PNG).</summary>
    public int PngScale { get; init; } = 2;
}
