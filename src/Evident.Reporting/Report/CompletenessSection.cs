using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Results;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The report's "Completeness of follow-up" section: Clark's completeness index per arm and the participants overdue for
/// a visit, by site. Pooled (the open report), one row for all participants and no arm in the listing.
/// </summary>
internal static class CompletenessSection
{
    public static void Write(StringBuilder h, AnalysisResults r, bool pooled = false)
    {
        if (r.Completeness is not { } c) return;
        string unit = ReportText.Unit(r.Protocol.TimeUnit);
        string asOf = c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        h.Append("<section id=\"completeness\" data-section=\"completeness\"><h2>Completeness of follow-up</h2>\n");
        h.Append("<table data-table=\"completeness\"><caption>Follow-up observed and potential to ").Append(asOf).Append(", in ").Append(E(unit))
         .Append(" (completeness index: observed / potential, Clark et al. 2002)</caption><thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">Observed</th><th scope=\"col\">Potential</th><th scope=\"col\">Completeness</th><th scope=\"col\">Overdue</th></tr></thead><tbody>");
        var rows = pooled ? [("All participants", c.Arms.Sum(a => a.Observed), c.Arms.Sum(a => a.Potential), c.Arms.Sum(a => a.Overdue))]
                          : c.Arms.Select(a => (r.Protocol.Arm(a.Arm).Label, a.Observed, a.Potential, a.Overdue)).ToArray();
        foreach (var (label, observed, potential, overdue) in rows)
            h.Append("<tr><th scope=\"row\" class=\"text\">").Append(E(label)).Append("</th><td>").Append(Fixed(observed, 1)).Append("</td><td>").Append(Fixed(potential, 1))
             .Append("</td><td>").Append(Percent(potential > 0 ? observed / potential : double.NaN, "no potential follow-up")).Append("</td><td>").Append(c.OverdueAfter is null ? "not assessed" : overdue.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        h.Append("</tbody></table>\n");
        if (c.OverdueAfter is not { } after)
            h.Append("<p>Overdue participants are not assessed: the protocol gives no follow-up schedule (follow_up_schedule).</p>\n");
        else if (c.Overdue.Count == 0)
            h.Append("<p>No participant is overdue: every participant followed was last seen within ").Append(Time(after)).Append(' ').Append(E(unit)).Append(" of ").Append(asOf).Append(".</p>\n");
        else
            Overdue(h, r, pooled, unit, asOf, after);
        h.Append("</section>\n");
    }

    private static void Overdue(StringBuilder h, AnalysisResults r, bool pooled, string unit, string asOf, double after)
    {
        h.Append("<table data-table=\"overdue\"><caption>Participants overdue on ").Append(asOf).Append(": last seen more than ").Append(Time(after)).Append(' ').Append(E(unit))
         .Append(" before, alive as far as known, neither withdrawn from follow-up nor lost to follow-up; by site</caption><thead><tr><th scope=\"col\">Site</th><th scope=\"col\" class=\"text\">Participant</th>");
        if (!pooled) h.Append("<th scope=\"col\" class=\"text\">Arm</th>");
        h.Append("<th scope=\"col\">Last contact</th><th scope=\"col\">").Append(E(char.ToUpperInvariant(unit[0]) + unit[1..])).Append(" since</th></tr></thead><tbody>");
        foreach (var o in r.Completeness!.Overdue)
        {
            h.Append("<tr><td>").Append(E(o.Site ?? "not recorded")).Append("</td><td class=\"text\">").Append(E(o.Participant)).Append("</td>");
            if (!pooled) h.Append("<td class=\"text\">").Append(E(r.Protocol.Arm(o.Arm).Label)).Append("</td>");
            h.Append("<td>").Append(o.LastContact.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><td>").Append(Fixed(o.SinceLastContact, 1)).Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
