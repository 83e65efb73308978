using System.Net;
using System.Text;
using Evident.Analysis.Results;
using Evident.Statistics.Safety;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The safety section's table by stratum (report.html): for each term and compared arm, the proportions and risk
/// difference within each stratum and the Breslow–Day–Tarone p-value of homogeneity of the odds ratios, so that a
/// difference confined to one stratum, or reversed in another, is visible beside the pooled tests.
/// </summary>
internal static class SafetyStrataSection
{
    public static void Write(StringBuilder h, AnalysisResults r, SafetyResult safety)
    {
        if (safety.ByStratum.Count == 0) return;
        var arms = r.Protocol.Arms;
        string level = Level(r.Protocol.Analyses.Primary.ConfidenceLevel);
        h.Append("<h3>By stratum</h3>\n<table data-table=\"safety-strata\"><thead><tr><th scope=\"col\">Term</th><th scope=\"col\" class=\"text\">Comparison</th>");
        foreach (string stratum in safety.StrataLabels)
            h.Append("<th scope=\"col\">").Append(E(stratum)).Append(": risk difference, ").Append(level).Append(" CI</th>");
        h.Append("<th scope=\"col\">Breslow–Day–Tarone p</th></tr></thead><tbody>");
        foreach (var c in safety.ByStratum)
        {
            h.Append("<tr><td>").Append(E(c.Term < 0 ? "Any of the above" : safety.Terms[c.Term])).Append("</td><td class=\"text\">")
             .Append(E($"{arms[c.Arm].Label} vs {arms[c.ReferenceArm].Label}")).Append("</td>");
            for (int s = 0; s < safety.StrataLabels.Count; s++)
            {
                h.Append("<td>");
                if (c.ByStratum[s] is { } d)
                    h.Append(Percent(d.Difference)).Append(", ").Append(Percent(d.Lower)).Append(" to ").Append(Percent(d.Upper));
                else h.Append(NotEstimable).Append(": an arm has no participant in this stratum");
                h.Append("</td>");
            }
            h.Append("<td>").Append(E(Homogeneity(c.Homogeneity))).Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    /// <summary>The Breslow–Day–Tarone p-value, or why it is not estimable.</summary>
    private static string Homogeneity(BreslowDayTest test) => test.Status switch
    {
        BreslowDayStatus.Computed => PValue(test.Tarone!.PValue),
        BreslowDayStatus.TooFewStrata => NotEstimable + ": fewer than two strata have participants in both arms and some with and some without the event",
        _ => NotEstimable + ": the common odds ratio is 0 or infinite",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
