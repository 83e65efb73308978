using System.Net;
using System.Text;
using Evident.Analysis.Oversight;
using Evident.Analysis.Results;
using Evident.Statistics.Survival;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The report's "Participants" section: the baseline characteristics by arm (counts with the percentage of the arm, a
/// missing value counted as "Not recorded") and the median follow-up per arm by reverse Kaplan–Meier.
/// </summary>
internal static class ParticipantsSection
{
    public static void Write(StringBuilder h, AnalysisResults r)
    {
        if (r.Baseline is null && r.FollowUp.Count == 0) return;
        h.Append("<section id=\"participants\"><h2>Participants</h2>\n");
        if (r.Baseline is { } table) Baseline(h, r, table);
        if (r.FollowUp.Count > 0) FollowUp(h, r);
        h.Append("</section>\n");
    }

    private static void Baseline(StringBuilder h, AnalysisResults r, BaselineTable table)
    {
        h.Append("<table data-table=\"baseline\"><caption>Baseline characteristics by arm: participants (% of the arm)</caption><thead><tr><th scope=\"col\">Characteristic</th><th scope=\"col\">Level</th>");
        foreach (var arm in r.Protocol.Arms) h.Append("<th scope=\"col\">").Append(E(arm.Label)).Append("</th>");
        h.Append("<th scope=\"col\">All</th></tr></thead><tbody>");
        foreach (var factor in table.Factors)
            for (int i = 0; i < factor.Levels.Count; i++)
            {
                var level = factor.Levels[i];
                h.Append("<tr>");
                if (i == 0) h.Append("<th scope=\"rowgroup\" rowspan=\"").Append(factor.Levels.Count).Append("\">").Append(E(factor.Label)).Append("</th>");
                h.Append("<td>").Append(E(level.Level)).Append("</td>");
                foreach (var count in level.Arms.Append(level.Overall)) h.Append("<td>").Append(Count(count)).Append("</td>");
                h.Append("</tr>");
            }
        h.Append("</tbody></table>\n");
    }

    private static void FollowUp(StringBuilder h, AnalysisResults r)
    {
        string level = Level(r.Protocol.Analyses.Primary.ConfidenceLevel);
        string unit = ReportText.Unit(r.Protocol.TimeUnit);
        h.Append("<table data-table=\"follow-up\"><caption>Median follow-up for ").Append(E(ReportText.InSentence(r.Primary.Endpoint.Label)))
         .Append(" by reverse Kaplan–Meier, in ").Append(E(unit)).Append("</caption><thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">N</th><th scope=\"col\">Median follow-up (")
         .Append(level).Append(" CI)</th></tr></thead><tbody>");
        foreach (var arm in r.FollowUp)
        {
            var e = arm.Estimate;
            h.Append("<tr><td>").Append(E(arm.Label)).Append("</td><td>").Append(e.N).Append("</td><td>")
             .Append(Median(e, "")).Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    /// <summary>
    /// The median follow-up with its interval, e.g. "14.2 (10.1 to 18.0)", the level after <paramref name="unit"/> when
    /// given ("14.2 months (95% CI …)"). A limit the reverse Kaplan–Meier curve does not reach (short follow-up) is
    /// "not estimable", never a number; a median it does not reach is "not reached".
    /// </summary>
    internal static string Median(FollowUpEstimate e, string unit)
    {
        if (double.IsNaN(e.Median)) return "not reached";
        string limits = Limits(e.ConfLow, e.ConfHigh, 1);
        return unit.Length == 0 ? $"{Fixed(e.Median, 1)} ({limits})" : $"{Fixed(e.Median, 1)} {unit} ({Level(e.ConfidenceLevel)} CI {limits})";
    }

    private static string Count(BaselineCount count) => double.IsNaN(count.Percent) ? $"{count.N}" : $"{count.N} ({Fixed(count.Percent, 1)}%)";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
