using System.Net;
using System.Text;
using Evident.Analysis.Results;
using Evident.Reporting.Figures;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The competing-risks sections of report.html, one per analysis (<c>analyses.competing_risks</c>), each named by its
/// endpoint: a table of events and cumulative incidence at every milestone per cause and arm with Gray's test, overall
/// and per stratum, and a cumulative incidence figure per cause. The first keeps the ids the dashboard links to
/// (<c>competing-risks</c>, figures <c>cif-0</c>, …); later ones are <c>competing-risks-&lt;endpoint&gt;</c> and
/// <c>cif-&lt;endpoint&gt;-0</c>, ….
/// </summary>
internal static class CompetingRisksSection
{
    public static void Write(StringBuilder h, AnalysisResults r)
    {
        for (int k = 0; k < r.CompetingRisks.Count; k++) Write(h, r, r.CompetingRisks[k], first: k == 0);
    }

    private static void Write(StringBuilder h, AnalysisResults r, CompetingRisksResult cr, bool first)
    {
        string id = first ? "competing-risks" : $"competing-risks-{cr.EndpointId}";
        h.Append("<section id=\"").Append(E(id)).Append("\" data-endpoint=\"").Append(E(cr.EndpointId)).Append("\"><h2>").Append(E(cr.Title)).Append("</h2>\n");
        foreach (var (label, causes) in new[] { new KeyValuePair<string, IReadOnlyList<CauseResult>>("All participants", cr.Overall) }.Concat(cr.Strata))
            Table(h, r, cr, label, causes);
        int index = 0;
        double level = r.Protocol.Analyses.Primary.ConfidenceLevel;
        foreach (var cause in cr.Overall)
        {
            var series = cause.Arms.Where(a => a.Curve is not null).Select(a => new IncidenceSeries(cause.Label, r.Protocol.Arm(a.ArmId).Label, a.Curve!)).ToArray();
            if (series.Length == 0) continue;
            string svg = CumulativeIncidenceFigure.Svg(series, new CumulativeIncidenceFigureOptions
            {
                Title = cause.Label,
                XLabel = $"{HtmlReport.Capitalized(ReportText.Unit(r.Protocol.TimeUnit))} since randomization",
                TimeBreaks = HtmlReport.Breaks(r),
                ConfidenceLevel = level,
            });
            HtmlReport.Figure(h, first ? $"cif-{index++}" : $"cif-{cr.EndpointId}-{index++}", svg,
                $"Cumulative incidence of {ReportText.InSentence(cause.Label)} as first event, by arm (Aalen–Johansen; other first events compete), with pointwise {Level(level)} confidence bands.");
        }
        h.Append("</section>\n");
    }

    /// <summary>
    /// Per cause: each arm's events and incidence at each milestone ("not estimable" past the arm's follow-up), and Gray's
    /// p; with three or more arms, across all arms and then for each comparison on its two arms.
    /// </summary>
    private static void Table(StringBuilder h, AnalysisResults r, CompetingRisksResult cr, string label, IReadOnlyList<CauseResult> causes)
    {
        string at = string.Concat(cr.Milestones.Select(m => ", " + ReportText.Milestone(m, r.Protocol.TimeUnit).Phrase + " incidence"));
        h.Append("<h3>").Append(E(label)).Append("</h3><table data-table=\"competing-risks\"><thead><tr><th scope=\"col\">Cause</th>");
        foreach (var arm in r.Protocol.Arms) h.Append("<th scope=\"col\">").Append(E(arm.Label)).Append(": events").Append(E(at)).Append("</th>");
        // With three or more arms the test across all arms backs no claim about two of them: each comparison's own
        // two-arm test gets a column of its own.
        bool many = r.Protocol.Arms.Count > 2;
        h.Append("<th scope=\"col\">").Append(many ? "Gray's test p, all arms" : "Gray's test p").Append("</th>");
        if (many && causes.Count > 0)
            foreach (var c in causes[0].Comparisons)
                h.Append("<th scope=\"col\">Gray's test p, ").Append(E(r.Protocol.Arm(c.ArmId).Label)).Append(" vs ").Append(E(r.Protocol.Arm(c.ControlId).Label)).Append("</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var cause in causes)
        {
            h.Append("<tr><td>").Append(E(cause.Label)).Append("</td>");
            foreach (var arm in cause.Arms)
            {
                h.Append("<td>").Append(arm.Events);
                foreach (var point in arm.Milestones) h.Append(", ").Append(point is not null ? Percent(point.Estimate) : double.IsNaN(arm.LastFollowUp) ? NotEstimableBecause(NoParticipants) : ReportText.NotEstimable);
                h.Append("</td>");
            }
            h.Append("<td>").Append(PValue(cause.GrayTest?.Test.PValue ?? double.NaN, cause.Arms.Sum(a => a.Events) == 0 ? NoEvents : null)).Append("</td>");
            if (many)
                foreach (var c in cause.Comparisons) h.Append("<td>").Append(PValue(c.GrayTest?.Test.PValue ?? double.NaN)).Append("</td>");
            h.Append("</tr>");
        }
        h.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
