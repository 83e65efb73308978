using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Oversight;
using Evident.Analysis.Results;
using Evident.Statistics.Safety;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The report's "Adverse events: highest grade and serious events" section: participants by their highest grade per arm,
/// the listing of serious adverse events, and participants by system organ class and term. Pooled (the open report),
/// one column for all participants and no arm in the listing.
/// </summary>
internal static class AdverseEventSection
{
    public static void Write(StringBuilder h, AnalysisResults r, bool pooled = false)
    {
        h.Append("<section id=\"adverse-events\" data-section=\"adverse-events\"><h2>Adverse events: highest grade and serious events</h2>\n");
        if (r.AdverseEvents is not { } overview)
        {
            h.Append("<p>No adverse event is recorded in the data.</p></section>\n");
            return;
        }
        var columns = pooled ? [Enumerable.Range(0, r.Protocol.Arms.Count).ToArray()]
                             : Enumerable.Range(0, r.Protocol.Arms.Count).Select(a => new[] { a }).Append(Enumerable.Range(0, r.Protocol.Arms.Count).ToArray()).ToArray();
        var table = overview.MaximumGrade;
        int[] size = columns.Select(c => c.Sum(table.Participants)).ToArray();
        Head(h, r, "max-grade", "Participants by the highest grade of any adverse event (CTCAE), n (% of the arm)", "Highest grade", columns, size);
        for (int grade = 0; grade <= MaximumGradeTable.HighestGrade; grade++)
        {
            int g = grade;
            Row(h, grade == 0 ? "No adverse event" : $"Grade {grade}", columns.Select(c => c.Sum(a => table.Count(a, g))).ToArray(), size, "");
        }
        h.Append("</tbody></table>\n");
        Serious(h, r, overview, pooled);
        if (overview.ByOrganClass.Count > 0)
        {
            Head(h, r, "organ-class", "Participants with an adverse event (any grade) by system organ class and term, n (% of the arm)", "System organ class / term", columns, size);
            foreach (var row in overview.ByOrganClass)
                Row(h, row.Term ?? row.OrganClass, columns.Select(c => c.Sum(a => row.Participants[a])).ToArray(), size, row.Term is null ? " class=\"organ-class\"" : " class=\"reason\"");
            h.Append("</tbody></table>\n");
        }
        h.Append("</section>\n");
    }

    private static void Serious(StringBuilder h, AnalysisResults r, AdverseEventOverview overview, bool pooled)
    {
        h.Append("<h3>Serious adverse events</h3>\n");
        if (!overview.SeriousRecorded)
        {
            h.Append("<p>The data do not record whether an adverse event is serious.</p>\n");
            return;
        }
        if (overview.Serious.Count == 0)
        {
            h.Append("<p>No serious adverse event is recorded.</p>\n");
            return;
        }
        h.Append("<table data-table=\"serious-adverse-events\"><thead><tr><th scope=\"col\">Participant</th>");
        if (!pooled) h.Append("<th scope=\"col\" class=\"text\">Arm</th>");
        h.Append("<th scope=\"col\" class=\"text\">Term</th><th scope=\"col\" class=\"text\">System organ class</th><th scope=\"col\">Grade</th><th scope=\"col\">Onset</th></tr></thead><tbody>");
        foreach (var e in overview.Serious)
        {
            h.Append("<tr><td>").Append(E(e.Participant)).Append("</td>");
            if (!pooled) h.Append("<td class=\"text\">").Append(E(r.Protocol.Arm(e.Arm).Label)).Append("</td>");
            h.Append("<td class=\"text\">").Append(E(e.Term)).Append("</td><td class=\"text\">").Append(E(e.OrganClass ?? "")).Append("</td><td>").Append(e.Grade)
             .Append("</td><td>").Append(e.Onset?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not recorded").Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    private static void Head(StringBuilder h, AnalysisResults r, string name, string caption, string first, int[][] columns, int[] size)
    {
        h.Append("<table data-table=\"").Append(name).Append("\"><caption>").Append(E(caption)).Append("</caption><thead><tr><th scope=\"col\">").Append(E(first)).Append("</th>");
        for (int c = 0; c < columns.Length; c++)
        {
            string label = columns[c].Length == 1 ? r.Protocol.Arms[columns[c][0]].Label : "All participants";
            h.Append("<th scope=\"col\">").Append(E(label)).Append(" (N = ").Append(size[c]).Append(")</th>");
        }
        h.Append("</tr></thead><tbody>");
    }

    private static void Row(StringBuilder h, string label, int[] counts, int[] size, string attributes)
    {
        h.Append("<tr").Append(attributes).Append("><th scope=\"row\" class=\"text\">").Append(E(label)).Append("</th>");
        for (int c = 0; c < counts.Length; c++)
            h.Append("<td>").Append(CountAndPercent(counts[c], size[c] == 0 ? double.NaN : (double)counts[c] / size[c])).Append("</td>");
        h.Append("</tr>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
