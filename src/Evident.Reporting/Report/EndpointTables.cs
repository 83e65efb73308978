using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis.Results;
using Evident.Protocol;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>The tables of one endpoint's analysis in report.html (the primary and each secondary analysis).</summary>
internal static class EndpointTables
{
    /// <summary>
    /// One analysis's section: arms, milestones, each comparison's hazard ratio and log-rank test, the global test with
    /// more than two arms, and the RMST.
    /// </summary>
    public static void Section(StringBuilder h, AnalysisResults r, PrimaryResult primary, string id, string heading)
    {
        var endpoint = primary.Endpoint;
        var plan = primary.Plan;
        double level = plan.ConfidenceLevel;
        var milestones = endpoint.Milestones.Select(m => ReportText.Milestone(m, r.Protocol.TimeUnit).Phrase + " " + ReportText.Short(r, endpoint.Label)).ToArray();
        h.Append("<section id=\"").Append(id).Append("\"><h2>").Append(E(heading)).Append(": ").Append(E(endpoint.Label)).Append("</h2>\n");
        h.Append("<table data-table=\"").Append(id == "primary" ? "primary" : "secondary").Append("\"><thead><tr><th scope=\"col\">Group</th><th scope=\"col\" class=\"text\">Arm</th><th scope=\"col\">N</th><th scope=\"col\">Events</th>");
        foreach (string milestone in milestones) h.Append("<th scope=\"col\">").Append(E(milestone)).Append(" (").Append(Level(level)).Append(" CI)</th>");
        h.Append("<th scope=\"col\">HR (").Append(Level(level)).Append(" CI)</th><th scope=\"col\">Log-rank p vs ").Append(E(ReportText.InSentence(r.Protocol.Control.Label))).Append("</th></tr></thead><tbody>\n");
        foreach (var group in primary.Strata.Append(primary.Overall))
        {
            for (int a = 0; a < group.Arms.Count; a++)
            {
                var arm = group.Arms[a];
                var comparison = group.Comparisons.FirstOrDefault(c => c.ArmId == arm.ArmId);
                h.Append("<tr><td>").Append(a == 0 ? E(group.Label == "Overall" ? "Overall (stratified)" : group.Label) : "").Append("</td><td class=\"text\">").Append(E(arm.Label))
                 .Append("</td><td>").Append(arm.N).Append("</td><td>").Append(arm.Events).Append("</td>");
                foreach (var point in arm.Milestones) h.Append("<td>").Append(E(ReportText.MilestoneEstimate(point, arm))).Append("</td>");
                h.Append("<td>").Append(comparison is null ? (arm.ArmId == r.Protocol.Control.Id ? "1 (reference)" : "") : E(HazardRatio(comparison.HazardRatio.HazardRatio, comparison.HazardRatio.ConfLow, comparison.HazardRatio.ConfHigh)))
                 .Append("</td><td>").Append(comparison is null ? "" : P(comparison.LogRank?.PValue ?? double.NaN)).Append("</td></tr>\n");
            }
        }
        h.Append("</tbody></table>\n");
        GlobalLogRank(h, primary);
        PrimaryTest(h, r, primary);
        Rmst(h, r, primary);
        h.Append("<p class=\"meta\">Kaplan–Meier estimates with Greenwood standard errors (").Append(E(plan.ConfidenceType.ToString().ToLowerInvariant()))
         .Append("-scale intervals); hazard ratios from Cox models (").Append(E(plan.Ties.ToString())).Append(" ties), overall stratified by ")
         .Append(E(string.Join(", ", plan.StratifyBy.DefaultIfEmpty("nothing")))).Append("; each arm's log-rank test against the control on those two arms' participants, overall stratified; hazard ratios ").Append(plan.HazardRatioModel == HazardRatioModel.Joint ? "from one model over every arm" : "from one model per comparison on its two arms").Append(".</p></section>\n");
    }

    /// <summary>
    /// A hazard ratio with its interval, "0.45 (0.30 to 0.68)" (the column's heading gives the level), or "not estimable"
    /// when the data do not allow it (an arm or subgroup without events, short follow-up), never "NA" as a number.
    /// </summary>
    internal static string HazardRatio(double hr, double low, double high) =>
        !double.IsFinite(hr) ? NotEstimable : $"{Fixed(hr)} ({Limit(low)} to {Limit(high)})";

    /// <summary>A p-value, or "not estimable" when there is none.</summary>
    internal static string P(double p) => double.IsFinite(p) ? PValue(p) : NotEstimable;

    private static string Limit(double x) => double.IsFinite(x) ? Fixed(x) : NotEstimable;

    internal const string NotEstimable = ReportNumbers.NotEstimable;

    /// <summary>With more than two arms, the k-arm log-rank test of each group, labelled as the global test.</summary>
    private static void GlobalLogRank(StringBuilder h, PrimaryResult primary)
    {
        if (primary.Overall.Arms.Count < 3) return;
        h.Append("<table data-table=\"global-logrank\"><thead><tr><th scope=\"col\">Global log-rank test, all ").Append(primary.Overall.Arms.Count)
         .Append(" arms</th><th scope=\"col\">χ²</th><th scope=\"col\">df</th><th scope=\"col\">p</th></tr></thead><tbody>");
        foreach (var group in primary.Strata.Append(primary.Overall))
            h.Append("<tr><td>").Append(E(group.Label == "Overall" ? "Overall (stratified)" : group.Label)).Append("</td><td>").Append(group.LogRank is { } t ? Fixed(t.Statistic) : NotEstimable)
             .Append("</td><td>").Append(group.LogRank is { } d ? d.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture) : NotEstimable)
             .Append("</td><td>").Append(PValue(group.LogRank?.PValue ?? double.NaN)).Append("</td></tr>");
        h.Append("</tbody></table>\n");
    }

    /// <summary>
    /// The plan's pre-specified primary test when it is not the log-rank test (whose p is in the table above): each
    /// comparison's statistic and p in each group, or why it is not estimable.
    /// </summary>
    private static void PrimaryTest(StringBuilder h, AnalysisResults r, PrimaryResult primary)
    {
        var test = primary.Plan.Test;
        if (test.Kind == Design.Simulation.SimulationTestKind.LogRank) return;
        string statistic = test.Kind switch
        {
            Design.Simulation.SimulationTestKind.FlemingHarrington => "χ² (1 df)",
            Design.Simulation.SimulationTestKind.MaxCombo => "Largest |z|",
            _ => "z",
        };
        h.Append("<table data-table=\"primary-test\"><thead><tr><th scope=\"col\" class=\"text\">Primary test: ").Append(E(PrimaryTestText.Name(test, r.Protocol.TimeUnit)))
         .Append("</th><th scope=\"col\">").Append(statistic).Append("</th><th scope=\"col\">p</th></tr></thead><tbody>");
        foreach (var group in primary.Strata.Append(primary.Overall))
        {
            foreach (var c in group.Comparisons)
            {
                h.Append("<tr><td class=\"text\">").Append(E(group.Label == "Overall" ? "Overall (stratified)" : group.Label)).Append(": ")
                 .Append(E(r.Protocol.Arm(c.ArmId).Label)).Append(" vs ").Append(E(ReportText.InSentence(r.Protocol.Control.Label))).Append("</td>");
                if (PrimaryTestText.Reason(c.PrimaryTest.Status) is { } reason)
                    h.Append("<td colspan=\"2\">not estimable: ").Append(E(reason)).Append("</td></tr>");
                else
                    h.Append("<td>").Append(Fixed(c.PrimaryTest.Statistic)).Append("</td><td>").Append(PValue(c.PrimaryTest.PValue)).Append("</td></tr>");
            }
        }
        h.Append("</tbody></table>\n");
    }

    /// <summary>RMST per arm and each comparison's difference from the control, naming the two arms.</summary>
    private static void Rmst(StringBuilder h, AnalysisResults r, PrimaryResult primary)
    {
        var differences = primary.Overall.Comparisons.Where(c => c.Rmst is not null).ToArray();
        if (differences.Length == 0 || primary.Endpoint.RmstHorizon is not double tau) return;
        string unit = ReportText.Unit(r.Protocol.TimeUnit);
        h.Append("<table data-table=\"rmst\"><thead><tr><th scope=\"col\" class=\"text\">Restricted mean survival time, τ = ").Append(Time(tau)).Append(' ').Append(unit)
         .Append("</th><th scope=\"col\">Estimate</th><th scope=\"col\">SE</th></tr></thead><tbody>");
        var arms = primary.Overall.Arms.Where(a => a.Curve is not null).ToArray();
        for (int i = 0; i < primary.Rmst.Count; i++)
            h.Append("<tr><td class=\"text\">").Append(E(arms[i].Label)).Append("</td><td>").Append(Fixed(primary.Rmst[i].Rmst)).Append("</td><td>").Append(Fixed(primary.Rmst[i].StdError, 3)).Append("</td></tr>");
        foreach (var c in differences)
        {
            h.Append("<tr><td class=\"text\">Difference, ").Append(E(r.Protocol.Arm(c.ArmId).Label)).Append(" − ").Append(E(r.Protocol.Control.Label));
            if (c.Rmst!.Difference is not { } d)
            {
                h.Append("</td><td colspan=\"2\">not estimable: τ is beyond the shortest of the two arms' longest follow-up (").Append(Time(c.Rmst.TauLimit)).Append(' ').Append(unit).Append(")</td></tr>");
                continue;
            }
            h.Append(" (").Append(Level(d.ConfidenceLevel)).Append(" CI); p</td><td>")
             .Append(Fixed(d.Difference)).Append(" (").Append(Fixed(d.Lower)).Append(" to ").Append(Fixed(d.Upper)).Append(")</td><td>").Append(PValue(d.PValue)).Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
