using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>
/// One piece of text drawn by a <see cref="TextPanel"/>: where (a function of the render pass and the panel's
/// rectangle, so cells follow the axes), what, and how.
/// </summary>
internal sealed record TextCell(Func<RenderPack, PixelRect, Pixel> Position, string Text, Alignment Alignment,
                                Color Color, float FontSize, bool Bold = false);
