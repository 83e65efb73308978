using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Results;

namespace Evident.Reporting.Report;

/// <summary>
/// What frames every report page, on screen and on paper: the document head (viewport for phones, "SYNTHETIC" first in
/// the title when the data are synthetic, the shared style sheet), the provenance block under the title (which report,
/// for whom, the cut-off, the data and protocol SHA-256 and the software version), and the same provenance in the
/// margins of every printed page (CSS paged-media margin boxes, with "page N of M").
/// </summary>
public static class ReportFrame
{
    /// <summary>The report's name as a reader sees it.</summary>
    /// <param name="kind">The report.</param>
    public static string KindName(ReportKind kind) => kind == ReportKind.Open ? "open report (all arms pooled)" : "closed report (by arm)";

    /// <summary>results.json's <c>report.kind</c>: <c>open</c> or <c>closed</c>.</summary>
    /// <param name="kind">The report.</param>
    public static string KindKey(ReportKind kind) => kind == ReportKind.Open ? "open" : "closed";

    /// <summary>The document's title: "SYNTHETIC — " first when the data are synthetic.</summary>
    /// <param name="results">The results.</param>
    /// <param name="title">The page's own title.</param>
    public static string Title(AnalysisResults results, string title)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Synthetic ? $"SYNTHETIC — {title}" : title;
    }

    /// <summary>Appends the doctype, the head (title, viewport, style sheet, printed-page margins) and opens the body.</summary>
    /// <param name="h">The page.</param>
    /// <param name="results">The results (synthetic, cut-off, hashes, version).</param>
    /// <param name="title">The page's own title.</param>
    /// <param name="bodyClass">A class for the body, or null.</param>
    public static void Head(StringBuilder h, AnalysisResults results, string title, string? bodyClass = null)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(results);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append("<title>").Append(E(Title(results, title))).Append("</title>\n<style>").Append(HtmlReport.Css).Append(PrintedPage(results, title)).Append("</style></head>\n<body");
        if (bodyClass is not null) h.Append(" class=\"").Append(bodyClass).Append('"');
        h.Append(">\n");
    }

    /// <summary>Appends the provenance block: which report and for whom, the cut-off, the hashes and the version.</summary>
    /// <param name="h">The page.</param>
    /// <param name="results">The results.</param>
    /// <param name="kind">The report.</param>
    public static void Provenance(StringBuilder h, AnalysisResults results, ReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(results);
        string audience = kind == ReportKind.Open
            ? "Open report: every number is over all arms together; it may go to the steering committee."
            : "Closed report: results by arm, for the data monitoring committee only.";
        h.Append("<dl class=\"provenance\" data-provenance=\"").Append(KindKey(kind)).Append("\"><dt>Report</dt><dd>").Append(E(audience))
         .Append("</dd><dt>Data cut-off</dt><dd>").Append(E(Cutoff(results))).Append("</dd><dt>Data SHA-256</dt><dd><code>").Append(E(results.DataSha256 ?? "not available (data not read from files)"))
         .Append("</code></dd><dt>Protocol SHA-256</dt><dd><code>").Append(E(results.Protocol.Hash)).Append("</code></dd><dt>Software</dt><dd>Evident ")
         .Append(E(results.SoftwareVersion)).Append("</dd></dl>\n");
    }

    /// <summary>The data cut-off as the reports print it.</summary>
    /// <param name="results">The results.</param>
    public static string Cutoff(AnalysisResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Cutoff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none (all data)";
    }

    /// <summary>The printed page's margins: title and cut-off at the top, the hashes at the bottom, page N of M.</summary>
    private static string PrintedPage(AnalysisResults r, string title)
    {
        string top = $"{Title(r, title)} · data cut-off {Cutoff(r)} · Evident {r.SoftwareVersion}";
        string bottom = $"Data SHA-256 {r.DataSha256 ?? "not available"}\nProtocol SHA-256 {r.Protocol.Hash}";
        return "\n@page{@top-left{content:" + CssString(top) + ";font-size:7pt;color:#333;white-space:pre-wrap}" +
               "@bottom-left{content:" + CssString(bottom) + ";font-size:6.5pt;color:#333;white-space:pre;font-family:monospace}" +
               "@bottom-right{content:\"page \" counter(page) \" of \" counter(pages);font-size:7pt;color:#333}}\n";
    }

    /// <summary>A CSS string literal: quotes and backslashes escaped, a newline as <c>\A</c>, <c>&lt;</c> escaped so the text cannot close the style element.</summary>
    private static string CssString(string text)
    {
        var s = new StringBuilder("\"");
        foreach (char c in text)
            s.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\A ",
                '<' => "\\3C ",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        return s.Append('"').ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
