using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Results;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The report's "Deaths and overall survival" section, when the protocol marks a death component: overall survival by
/// arm as the primary analysis shows its endpoint (table and Kaplan–Meier figure), then the deaths listing (participant,
/// arm, date, time since randomization, cause).
/// </summary>
internal static class DeathsSection
{
    public static void Write(StringBuilder h, AnalysisResults r)
    {
        if (r.OverallSurvival is not { } os) return;
        h.Append("<section id=\"deaths\" data-section=\"deaths\"><h2>Deaths and overall survival</h2>\n");
        EndpointTables.Section(h, r, os, "overall-survival", "Analysis by arm");
        HtmlReport.KaplanMeier(h, r, os, os.Overall, "km-overall-survival");
        h.Append("<h3>Deaths</h3>\n");
        if (r.Deaths.Count == 0)
        {
            h.Append("<p>No death is recorded on or before the cut-off.</p></section>\n");
            return;
        }
        h.Append("<table data-table=\"deaths\"><caption>Deaths on or before the cut-off, by arm and date</caption><thead><tr><th scope=\"col\">Participant</th><th scope=\"col\" class=\"text\">Arm</th><th scope=\"col\">Date</th><th scope=\"col\">")
         .Append(E(Capitalized(ReportText.Unit(r.Protocol.TimeUnit)))).Append(" since randomization</th><th scope=\"col\" class=\"text\">Cause</th></tr></thead><tbody>");
        foreach (var d in r.Deaths)
            h.Append("<tr><td>").Append(E(d.Participant)).Append("</td><td class=\"text\">").Append(E(r.Protocol.Arm(d.Arm).Label)).Append("</td><td>")
             .Append(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><td>").Append(Fixed(d.Time, 1)).Append("</td><td class=\"text\">")
             .Append(E(d.Cause ?? "not recorded")).Append("</td></tr>");
        h.Append("</tbody></table>\n</section>\n");
    }

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
