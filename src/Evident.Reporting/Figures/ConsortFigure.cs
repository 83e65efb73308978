using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Oversight;
using Evident.Protocol;

namespace Evident.Reporting.Figures;

/// <summary>
/// The CONSORT flow diagram (CONSORT 2010, figure 1) as SVG: one box for the participants randomized, then per arm
/// (one column each) allocation, off protocol therapy, withdrawn and lost to follow-up with their reasons, and analysed.
/// Every box is as wide as its longest line measured in the figure's font and as tall as the tallest box of its row,
/// and the view box holds them all, so no text is clipped. A kind the data cannot record shows 0 and says so.
/// </summary>
public static class ConsortFigure
{
    private const float Pad = 8, Gap = 28, Arrow = 22;

    /// <summary>The words for a kind of record, as the report's table heads them.</summary>
    /// <param name="kind">The kind.</param>
    public static string KindLabel(OffStudyKind kind) => kind switch
    {
        OffStudyKind.OffTherapy => "Off protocol therapy",
        OffStudyKind.Withdrawn => "Withdrawn",
        _ => "Lost to follow-up",
    };

    /// <summary>The SVG document (with its XML declaration, as the other figures).</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="title">The title above the diagram.</param>
    /// <param name="style">Fonts and colours; the default style when null.</param>
    public static string Svg(ConsortFlow flow, string title, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(title);
        style ??= new FigureStyle();
        using var text = new FigureText(style);
        float size = style.FontSize, line = text.Height(size) * 1.25f;
        var columns = flow.Arms.Select((a, i) => Boxes(flow, a)).ToArray();
        int rows = columns.Length == 0 ? 0 : columns[0].Length;
        var width = columns.Select(c => c.Max(box => Math.Max(box.Skip(1).Select(l => text.Width(l, size)).DefaultIfEmpty(0).Max(), text.Width(box[0], size, bold: true))) + 2 * Pad).ToArray();
        var height = Enumerable.Range(0, rows).Select(r => columns.Max(c => c[r].Length) * line + 2 * Pad).ToArray();
        string top = $"Randomized (n = {Count(flow.Arms.Sum(a => a.Randomized))})";
        float topWidth = text.Width(top, size, bold: true) + 2 * Pad, topHeight = line + 2 * Pad;
        float titleHeight = text.Height(style.TitleFontSize) * 1.4f;
        float total = Math.Max(width.Sum() + Gap * Math.Max(0, width.Length - 1), topWidth) + 2 * Pad;
        float bodyTop = titleHeight + topHeight + 2 * Arrow;
        float figureHeight = bodyTop + height.Sum() + Arrow * Math.Max(0, rows - 1) + 2 * Pad;

        var svg = new StringBuilder();
        svg.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
           .Append(N(total)).Append(' ').Append(N(figureHeight)).Append("\" width=\"").Append(N(total)).Append("\" height=\"").Append(N(figureHeight))
           .Append("\" font-family=\"").Append(E(text.CssFontFamily)).Append("\" font-size=\"").Append(N(size)).Append("\"><title>").Append(E(title)).Append("</title>")
           .Append("<defs><marker id=\"consort-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#333\"/></marker></defs>")
           .Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        svg.Append("<text x=\"").Append(N(total / 2)).Append("\" y=\"").Append(N(titleHeight * 0.75f)).Append("\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"")
           .Append(N(style.TitleFontSize)).Append("\">").Append(E(title)).Append("</text>");
        float topX = (total - topWidth) / 2, topY = titleHeight;
        Box(svg, topX, topY, topWidth, topHeight, [top], line, "#333");
        float x = (total - width.Sum() - Gap * Math.Max(0, width.Length - 1)) / 2;
        for (int a = 0; a < columns.Length; a++)
        {
            float centre = x + width[a] / 2;
            float branch = topY + topHeight + Arrow;
            Line(svg, total / 2, topY + topHeight, total / 2, branch, arrow: false);
            Line(svg, total / 2, branch, centre, branch, arrow: false);
            Line(svg, centre, branch, centre, bodyTop, arrow: true);
            float y = bodyTop;
            for (int r = 0; r < rows; r++)
            {
                string colour = style.Colors[a % style.Colors.Count];
                Box(svg, x, y, width[a], height[r], columns[a][r], line, r == 0 ? colour : "#333");
                if (r < rows - 1) Line(svg, centre, y + height[r], centre, y + height[r] + Arrow, arrow: true);
                y += height[r] + Arrow;
            }
            x += width[a] + Gap;
        }
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The lines of each box of one arm: allocation, each kind with its reasons, analysed.</summary>
    private static string[][] Boxes(ConsortFlow flow, ConsortArm arm)
    {
        var boxes = new List<string[]> { new[] { $"Allocated to {arm.Label}", $"n = {Count(arm.Randomized)}" } };
        foreach (var step in arm.Steps)
        {
            var lines = new List<string> { $"{KindLabel(step.Kind)} (n = {Count(step.Participants)})" };
            if (!flow.Recorded.Contains(step.Kind)) lines.Add("not recorded in the data");
            lines.AddRange(step.Reasons.Select(r => $"{r.Reason}: {Count(r.Participants)}"));
            boxes.Add(lines.ToArray());
        }
        boxes.Add([$"Analysed (n = {Count(arm.Analysed)})", "intention to treat"]);
        return boxes.ToArray();
    }

    private static void Box(StringBuilder svg, float x, float y, float width, float height, IReadOnlyList<string> lines, float line, string stroke)
    {
        svg.Append("<g><rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
           .Append("\" rx=\"3\" fill=\"#fff\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"/>");
        for (int i = 0; i < lines.Count; i++)
            svg.Append("<text x=\"").Append(N(x + Pad)).Append("\" y=\"").Append(N(y + Pad + line * (i + 0.8f))).Append('"')
               .Append(i == 0 ? " font-weight=\"bold\"" : "").Append('>').Append(E(lines[i])).Append("</text>");
        svg.Append("</g>");
    }

    private static void Line(StringBuilder svg, float x1, float y1, float x2, float y2, bool arrow) =>
        svg.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
           .Append("\" stroke=\"#333\" stroke-width=\"1.2\"").Append(arrow ? " marker-end=\"url(#consort-arrow)\"" : "").Append("/>");

    private static string N(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
