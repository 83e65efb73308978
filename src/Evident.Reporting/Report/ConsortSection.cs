using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Oversight;
using Evident.Analysis.Results;
using Evident.Reporting.Figures;

namespace Evident.Reporting.Report;

/// <summary>
/// The report's "Participant flow" section (CONSORT 2010 item 13a): the flow diagram and a table with one column per arm
/// and one for all participants: randomized, off protocol therapy, withdrawn and lost to follow-up (each with its
/// reasons), analysed. Pooled, only the column for all participants is shown (the open report).
/// </summary>
internal static class ConsortSection
{
    public static void Write(StringBuilder h, AnalysisResults r, bool pooled = false)
    {
        if (r.Consort is not { } flow) return;
        var total = flow.Pooled();
        var columns = pooled ? [total] : flow.Arms.Append(total).ToArray();
        h.Append("<section id=\"consort\" data-section=\"consort\"><h2>Participant flow</h2>\n");
        if (!pooled)
        {
            string svg = ConsortFigure.Svg(flow, $"{r.Protocol.Trial.Id}: participant flow");
            h.Append("<figure data-figure=\"consort\">").Append(HtmlReport.Inline(svg)).Append("<figcaption>")
             .Append(E("CONSORT flow diagram: participants randomized on or before the cut-off, by arm allocated; records of stopping protocol therapy, withdrawal and loss to follow-up dated on or before the cut-off, with their reasons."))
             .Append("</figcaption></figure>\n");
        }
        h.Append("<table data-table=\"consort\"><caption>Participants by arm (a participant may be counted under more than one of off protocol therapy, withdrawn and lost to follow-up)</caption><thead><tr><th scope=\"col\">Participants</th>");
        foreach (var arm in columns) h.Append("<th scope=\"col\">").Append(E(arm.Label.Length == 0 ? "All participants" : arm.Label)).Append("</th>");
        h.Append("</tr></thead><tbody>");
        Row(h, "Randomized", columns.Select(a => a.Randomized), "");
        for (int k = 0; k < total.Steps.Count; k++)
        {
            var kind = total.Steps[k].Kind;
            int step = k;
            string label = ConsortFigure.KindLabel(kind) + (flow.Recorded.Contains(kind) ? "" : " (not recorded in the data)");
            Row(h, label, columns.Select(a => a.Steps[step].Participants), "");
            foreach (var reason in total.Steps[k].Reasons)
                Row(h, reason.Reason, columns.Select(a => a.Steps[step].Reasons.FirstOrDefault(x => x.Reason == reason.Reason)?.Participants ?? 0), " class=\"reason\"");
        }
        Row(h, "Analysed (intention to treat)", columns.Select(a => a.Analysed), "");
        h.Append("</tbody></table>\n</section>\n");
    }

    private static void Row(StringBuilder h, string label, IEnumerable<int> counts, string attributes)
    {
        h.Append("<tr").Append(attributes).Append("><th scope=\"row\" class=\"text\">").Append(E(label)).Append("</th>");
        foreach (int n in counts) h.Append("<td>").Append(n.ToString(CultureInfo.InvariantCulture)).Append("</td>");
        h.Append("</tr>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
