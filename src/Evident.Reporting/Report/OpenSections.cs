using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Enrolment;
using Evident.Analysis.Results;
using Evident.Reporting.Figures;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The sections over all arms together (<see cref="SectionScope.Trial"/> and <see cref="SectionScope.Pooled"/>): accrual
/// against the plan, baseline characteristics and follow-up of everyone, events per endpoint, adverse events. They read
/// <see cref="AnalysisResults.Pooled"/> and <see cref="Analysis.Oversight.BaselineTable"/>'s overall column only, so
/// nothing in them can tell the arms apart.
/// </summary>
internal static class OpenSections
{
    /// <summary>Sites up to which accrual by site is drawn as lines; with more, the lines are indistinguishable and the table says it.</summary>
    private const int MaxSiteLines = 8;

    public static void Accrual(StringBuilder h, AnalysisResults r)
    {
        if (!r.HasDates || r.Pooled is not { Enrolment: { Months.Count: > 0 } enrolment } pooled) return;
        h.Append("<section id=\"accrual\"><h2>Accrual</h2>\n<p>").Append(enrolment.Randomized).Append(" participants randomized");
        if (pooled.Target is { } target)
            h.Append(" of ").Append(target.Participants).Append(" planned; by the plan (").Append(target.Participants).Append(" over ").Append(Time(target.AccrualDuration))
             .Append(' ').Append(E(ReportText.Unit(target.Unit))).Append(", uniformly) ").Append(Fixed(target.ByMonth[^1], 0)).Append(" would have been randomized by the end of ")
             .Append(enrolment.Months[^1].ToString("MMMM yyyy", CultureInfo.InvariantCulture));
        h.Append(".</p>\n");
        Figure(h, "accrual-strata", EnrolmentFigure.Svg(enrolment.Months, enrolment.Total, enrolment.ByStratum, "Randomized by stratum", target: pooled.Target),
               "Cumulative randomizations by month, in all and by stratum" + (pooled.Target is null ? "." : ", with the protocol's planned accrual (dashed)."));
        if (enrolment.BySite.Count <= MaxSiteLines)
            Figure(h, "accrual-sites", EnrolmentFigure.Svg(enrolment.Months, enrolment.Total, enrolment.BySite, "Randomized by site", target: pooled.Target),
                   "Cumulative randomizations by month, in all and by site.");
        Counts(h, "accrual-strata", "Stratum", enrolment.ByStratum, enrolment.Randomized);
        Counts(h, "accrual-sites", "Site", enrolment.BySite, enrolment.Randomized);
        h.Append("</section>\n");
    }

    public static void Participants(StringBuilder h, AnalysisResults r)
    {
        if (r.Baseline is null && r.Pooled is null) return;
        h.Append("<section id=\"participants-pooled\"><h2>Participants (all arms)</h2>\n");
        if (r.Baseline is { } table)
        {
            h.Append("<table data-table=\"baseline-pooled\"><caption>Baseline characteristics of all participants: participants (% of all)</caption><thead><tr><th scope=\"col\">Characteristic</th><th scope=\"col\">Level</th><th scope=\"col\">All (N = ")
             .Append(table.Participants).Append(")</th></tr></thead><tbody>");
            foreach (var factor in table.Factors)
                for (int i = 0; i < factor.Levels.Count; i++)
                {
                    var level = factor.Levels[i];
                    h.Append("<tr>");
                    if (i == 0) h.Append("<th scope=\"rowgroup\" rowspan=\"").Append(factor.Levels.Count).Append("\">").Append(E(factor.Label)).Append("</th>");
                    h.Append("<td>").Append(E(level.Level)).Append("</td><td>").Append(level.Overall.N);
                    if (!double.IsNaN(level.Overall.Percent)) h.Append(" (").Append(Fixed(level.Overall.Percent, 1)).Append("%)");
                    h.Append("</td></tr>");
                }
            h.Append("</tbody></table>\n");
        }
        if (r.Pooled is { FollowUp: var e })
            h.Append("<p data-follow-up-pooled>Median follow-up for ").Append(E(ReportText.InSentence(r.Primary.Endpoint.Label))).Append(" by reverse Kaplan–Meier, all ")
             .Append(e.N).Append(" participants: ")
             .Append(ParticipantsSection.Median(e, E(ReportText.Unit(r.Protocol.TimeUnit))))
             .Append(".</p>\n");
        h.Append("</section>\n");
    }

    public static void Events(StringBuilder h, AnalysisResults r)
    {
        if (r.Pooled is not { } pooled) return;
        h.Append("<section id=\"events-pooled\"><h2>Events (all arms)</h2>\n<table data-table=\"events-pooled\"><thead><tr><th scope=\"col\">Endpoint</th><th scope=\"col\">Group</th><th scope=\"col\">Participants</th><th scope=\"col\">Events</th></tr></thead><tbody>");
        foreach (var endpoint in pooled.Endpoints)
        {
            var groups = endpoint.Strata.Prepend(endpoint.Overall).ToArray();
            for (int i = 0; i < groups.Length; i++)
            {
                h.Append("<tr>");
                if (i == 0) h.Append("<th scope=\"rowgroup\" rowspan=\"").Append(groups.Length).Append("\">").Append(E(endpoint.Label)).Append("</th>");
                h.Append("<td>").Append(E(groups[i].Label == "Overall" ? "All participants" : groups[i].Label)).Append("</td><td>").Append(groups[i].N)
                 .Append("</td><td>").Append(groups[i].Events).Append("</td></tr>");
            }
        }
        h.Append("</tbody></table>\n<p class=\"meta\">Counts over all arms together; the open report shows nothing by arm.</p></section>\n");
    }

    public static void Safety(StringBuilder h, AnalysisResults r)
    {
        if (r.Pooled?.AdverseEvents is not { } ae) return;
        h.Append("<section id=\"safety-pooled\"><h2>Safety: adverse events of grade ").Append(ae.MinGrade).Append(" or higher (all arms)</h2>\n")
         .Append("<table data-table=\"safety-pooled\"><thead><tr><th scope=\"col\">Term</th><th scope=\"col\">All (N = ").Append(ae.Participants).Append(")</th></tr></thead><tbody>");
        foreach (var term in ae.Terms.Append(ae.AnyTerm))
            h.Append("<tr><td>").Append(E(term.Term)).Append("</td><td>").Append(term.Participants).Append(" (").Append(Percent(term.Proportion)).Append(")</td></tr>");
        h.Append("</tbody></table>\n<p class=\"meta\">Participants with at least one event of the term (worst grade), over all arms.</p></section>\n");
    }

    private static void Counts(StringBuilder h, string name, string heading, IReadOnlyList<EnrolmentSeries> series, int total)
    {
        h.Append("<table data-table=\"").Append(name).Append("\"><thead><tr><th scope=\"col\">").Append(heading)
         .Append("</th><th scope=\"col\">Randomized</th><th scope=\"col\">% of all</th></tr></thead><tbody>");
        foreach (var s in series)
            h.Append("<tr><td>").Append(E(s.Label)).Append("</td><td>").Append(s.Count).Append("</td><td>").Append(Percent((double)s.Count / total)).Append("</td></tr>");
        h.Append("</tbody></table>\n");
    }

    private static void Figure(StringBuilder h, string id, string svg, string caption) =>
        h.Append("<figure data-figure=\"").Append(id).Append("\">").Append(HtmlReport.Inline(svg)).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
