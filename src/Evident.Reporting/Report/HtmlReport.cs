using System.Globalization;
using System.Net;
using System.Text;
using Evident.Analysis;
using Evident.Reporting.Figures;
using Evident.Statistics;
using Evident.Protocol;
using Evident.Analysis.Results;
using Evident.Statistics.Cox;
using Evident.Statistics.Safety;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// <c>report.html</c>, the report a data-monitoring committee reads: one self-contained HTML document (inline CSS, inline
/// SVG figures, no scripts, no network) with print CSS for paper. Sections: primary analysis table, Kaplan–Meier curves
/// overall and per stratum (KMunicate), forest plot (overall, strata, subgroups), relapse by site (cumulative incidence
/// and Gray's test), interim monitoring (boundaries with the observed Z), safety tables; warnings (above the primary
/// analysis) when there are any; footer with the data cut-off, software version and protocol hash. The closed report
/// (by arm) and the open report (pooled) are the sections of <see cref="ReportSection.All"/> that belong in each; both
/// carry the cut-off and the data and protocol hashes on every printed page (<see cref="ReportFrame"/>). Presentation only: every number is read from <see cref="AnalysisResults"/>.
/// </summary>
public static class HtmlReport
{
    /// <summary>The style sheet shared by the report and the clinician summary (screen and print).</summary>
    public const string Css = """
        body{font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;color:#1a1a1a;max-width:62rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2rem}
        h3{font-size:1.05rem}
        .synthetic{background:#fff3cd;border:2px solid #E69F00;padding:.5rem .8rem;font-weight:bold;letter-spacing:.02em}
        .warning{background:#fdecea;border-left:4px solid #D55E00;padding:.1rem .8rem}.warning h2{border:none;margin-top:.6rem}
        table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .6rem;text-align:right}
        th:first-child,td:first-child,td.text,th.text{text-align:left}thead th{border-bottom:2px solid #333}
        figure{margin:1rem 0;page-break-inside:avoid;break-inside:avoid}figure svg{max-width:100%;height:auto}
        figcaption{font-size:.85rem;color:#444}.meta{color:#444;font-size:.9rem}
        footer{margin-top:2.5rem;border-top:1px solid #999;padding-top:.5rem;font-size:.8rem;color:#333;word-break:break-all}
        ul.learnings li{margin-bottom:.4rem}p,li,dd,figcaption,h1,h2,h3{overflow-wrap:anywhere}tr.reason th{font-weight:normal;padding-left:1.6rem;color:#333}tr.organ-class th{font-weight:bold}
        @media print{body{max-width:none;margin:0;font-size:10pt}h2{page-break-after:avoid;break-after:avoid}
        section{page-break-inside:auto}table{page-break-inside:avoid;break-inside:avoid}.synthetic{border-width:1px}}
        .provenance{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;font-size:.8rem;color:#333;background:#f4f7fa;border:1px solid #c8d3dd;padding:.4rem .7rem;margin:.6rem 0}
        .provenance dt{font-weight:bold}.provenance dd{margin:0;overflow-wrap:anywhere}
        .table-scroll{max-width:100%;overflow-x:auto;margin:.6rem 0 1rem;background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)),linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) 100% 0,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.3),rgba(0,0,0,0)),radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) 100% 0;background-repeat:no-repeat;background-size:2.5rem 100%,2.5rem 100%,.9rem 100%,.9rem 100%;background-attachment:local,local,scroll,scroll}
        .table-scroll table{margin:0}.scroll-hint{display:none;font-size:.8rem;color:#555;margin:.6rem 0 0}.scroll-hint+.table-scroll{margin-top:.2rem}
        @media (max-width:40rem){body{padding:0 .6rem;margin:.8rem auto}.scroll-hint{display:block}table{font-size:.85rem}th,td{padding:.2rem .4rem}h1{font-size:1.35rem}}
        @media print{.table-scroll{overflow:visible;background:none}.scroll-hint{display:none}table{font-size:8.5pt}th,td{padding:.15rem .35rem}}
        @page{size:A4;margin:18mm 15mm 20mm}
        """;

    /// <summary>Renders the closed report (by arm) or the open report (every arm pooled, no arm-level number).</summary>
    /// <param name="results">The results.</param>
    /// <param name="kind">Which report: its sections are those <see cref="ReportSection.In"/> it.</param>
    public static string Render(AnalysisResults results, ReportKind kind = ReportKind.Closed)
    {
        ArgumentNullException.ThrowIfNull(results);
        var p = results.Protocol;
        var h = new StringBuilder(1 << 20);
        string title = $"{p.Trial.Id}: {p.Trial.ShortTitle ?? p.Trial.Title}";
        ReportFrame.Head(h, results, $"{title} — {ReportFrame.KindName(kind)}");
        if (results.Synthetic)
            h.Append("<p class=\"synthetic\" data-synthetic>SYNTHETIC DATA: every participant in this report is simulated. These are not the results of a real trial.</p>\n");
        h.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">").Append(E(p.Trial.Title));
        if (p.Trial.Registration is not null) h.Append(" · ").Append(E(p.Trial.Registration));
        if (p.Trial.Sponsor is not null) h.Append(" · ").Append(E(p.Trial.Sponsor));
        h.Append("</p>\n");
        ReportFrame.Provenance(h, results, kind);
        h.Append("<p class=\"meta\">").Append(results.Participants.ToString(CultureInfo.InvariantCulture)).Append(" participants analysed");
        if (results.ExcludedAfterCutoff > 0) h.Append(" (").Append(results.ExcludedAfterCutoff).Append(" randomized after the cut-off left out)");
        h.Append("; data cut-off ").Append(results.Cutoff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none").Append("; data ").Append(E(results.DataSource)).Append(".</p>\n");

        if (results.Warnings.Count > 0)
        {
            h.Append("<section id=\"warnings\" class=\"warning\" data-warnings><h2>Warnings</h2><ul>");
            foreach (string warning in results.Warnings) h.Append("<li>").Append(E(warning)).Append("</li>");
            h.Append("</ul></section>\n");
        }
        foreach (var section in ReportSection.All)
            if (section.In(kind)) section.Write(h, results);
        if (results.Notes.Count > 0)
        {
            h.Append("<section><h2>Notes</h2><ul>");
            foreach (string note in results.Notes) h.Append("<li>").Append(E(note)).Append("</li>");
            h.Append("</ul></section>\n");
        }
        h.Append("<footer data-footer>").Append(E(ClinicianPage.FooterText(results))).Append("</footer>\n</body></html>\n");
        return h.ToString();
    }

    /// <summary>
    /// One section of the report as an HTML fragment (a <c>&lt;section&gt;</c> element, or empty when the analysis has no
    /// such part), exactly as <see cref="Render"/> writes it: the live monitoring dashboard embeds these, so the
    /// committee sees the same tables and figures as in report.html. Uses the classes of <see cref="Css"/>.
    /// </summary>
    /// <param name="results">The results.</param>
    /// <param name="section">Which section.</param>
    public static string Section(AnalysisResults results, ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(section);
        var h = new StringBuilder(1 << 16);
        section.Write(h, results);
        return h.ToString();
    }

    /// <summary>The primary analysis, then each secondary analysis in a section of its own.</summary>
    internal static void Primary(StringBuilder h, AnalysisResults r)
    {
        EndpointTables.Section(h, r, r.Primary, "primary", "Primary analysis");
        foreach (var secondary in r.Secondary)
            EndpointTables.Section(h, r, secondary, $"secondary-{secondary.Endpoint.Id}", "Secondary analysis");
    }

    internal static void KaplanMeierFigures(StringBuilder h, AnalysisResults r)
    {
        h.Append("<section id=\"kaplan-meier\"><h2>Kaplan–Meier curves</h2>\n");
        int index = 0;
        foreach (var primary in r.Secondary.Prepend(r.Primary))
        foreach (var group in new[] { primary.Overall }.Concat(primary.Strata))
            if (KaplanMeier(h, r, primary, group, $"km-{index}")) index++;
        h.Append("</section>\n");
    }

    /// <summary>The Kaplan–Meier figure of one group of an analysis (KMunicate); false when no arm has a curve.</summary>
    internal static bool KaplanMeier(StringBuilder h, AnalysisResults r, PrimaryResult primary, GroupResult group, string id)
    {
        var arms = group.Arms.Where(a => a.Curve is not null).Select(a => new KaplanMeierArm(a.Label, a.Curve!)).ToArray();
        if (arms.Length == 0) return false;
        string label = group.Label == "Overall" ? "All participants" : group.Label;
        string svg = KaplanMeierFigure.Svg(arms, new KaplanMeierFigureOptions
        {
            Title = $"{primary.Endpoint.Label}: {label}",
            YLabel = $"{primary.Endpoint.Label} probability",
            XLabel = $"{Capitalized(ReportText.Unit(r.Protocol.TimeUnit))} since randomization",
            TimeBreaks = Breaks(r),
            YMin = 0.5,
        });
        Figure(h, id, svg, $"Kaplan–Meier estimate of {ReportText.InSentence(primary.Endpoint.Label)} ({label}) with pointwise {Level(primary.Plan.ConfidenceLevel)} confidence bands, censoring marks and numbers at risk, censored and with events (KMunicate layout).");
        return true;
    }

    internal static void Forest(StringBuilder h, AnalysisResults r)
    {
        var primary = r.Primary;
        if (primary.Overall.Comparisons.Count == 0 || r.Subgroups.Count == 0) return;
        h.Append("<section id=\"forest\"><h2>Hazard ratios by subgroup</h2>\n");
        for (int k = 0; k < primary.Overall.Comparisons.Count; k++) Forest(h, r, primary.Overall.Comparisons[k], k);
        h.Append("</section>\n");
    }

    /// <summary>The forest plot and subgroup table of one comparison.</summary>
    private static void Forest(StringBuilder h, AnalysisResults r, ArmComparison comparison, int index)
    {
        var primary = r.Primary;
        double level = r.Protocol.Analyses.Primary.ConfidenceLevel;
        var subgroups = r.Subgroups.Where(s => s.ArmId == comparison.ArmId).ToArray();
        var rows = new List<ForestRow>();
        if (Estimable(comparison.HazardRatio))
        {
            var arms = primary.Overall.Arms.Where(a => a.ArmId == comparison.ArmId || a.ArmId == r.Protocol.Control.Id).ToArray();
            rows.Add(ForestRow.FromCox("Overall (stratified)", comparison.HazardRatio, ForestRowKind.Summary) with { Detail = $"{arms.Sum(a => a.Events)}/{arms.Sum(a => a.N)}" });
        }
        foreach (var factor in subgroups.GroupBy(s => s.FactorLabel))
        {
            var estimable = factor.Where(s => Estimable(s.HazardRatio)).ToArray();
            if (estimable.Length == 0) continue;
            rows.Add(ForestRow.Heading(factor.Key) with { InteractionPValue = factor.First().Interaction?.PValue ?? double.NaN });
            foreach (var s in estimable)
                rows.Add(ForestRow.FromCox(s.Level, s.HazardRatio) with { Detail = $"{s.Events}/{s.N}", Weight = Math.Max(1, s.Events) });
        }
        var control = r.Protocol.Control;
        string experimental = r.Protocol.Arm(comparison.ArmId).Label;
        if (primary.Overall.Comparisons.Count > 1) h.Append("<h3>").Append(E(experimental)).Append(" vs ").Append(E(control.Label)).Append("</h3>\n");
        if (rows.Count > 0)
        {
            string svg = ForestPlot.Svg(rows, new ForestPlotOptions
            {
                Title = primary.Overall.Comparisons.Count > 1 ? $"{primary.Endpoint.Label}: hazard ratio by subgroup, {experimental} vs {control.Label}"
                                                              : $"{primary.Endpoint.Label}: hazard ratio by subgroup",
                FavoursLeft = $"Favours {experimental}",
                FavoursRight = $"Favours {control.Label}",
                ConfidenceLevel = level,
            });
            Figure(h, index == 0 ? "forest" : $"forest-{index}", svg,
                   $"Cox hazard ratios of {experimental} vs {control.Label} with {Level(level)} confidence intervals, overall, stratified, and within each subgroup, stratified by the other stratification factors; squares sized by events; interaction p: likelihood-ratio test of arm × subgroup.");
        }
        h.Append("<table data-table=\"subgroups\"><thead><tr><th scope=\"col\">Subgroup</th><th scope=\"col\">Level</th><th scope=\"col\">Events/N</th><th scope=\"col\">HR (")
         .Append(Level(level)).Append(" CI)</th><th scope=\"col\">p</th><th scope=\"col\">Interaction p (LR)</th><th scope=\"col\">Missing</th></tr></thead><tbody>");
        string? previous = null;
        foreach (var s in subgroups)
        {
            bool first = s.Factor != previous;
            previous = s.Factor;
            h.Append("<tr><td>").Append(E(s.FactorLabel)).Append("</td><td>").Append(E(s.Level)).Append("</td><td>").Append(s.Events).Append('/').Append(s.N)
             .Append("</td><td>").Append(EndpointTables.HazardRatio(s.HazardRatio.HazardRatio, s.HazardRatio.ConfLow, s.HazardRatio.ConfHigh))
             .Append("</td><td>").Append(EndpointTables.P(s.HazardRatio.PValue)).Append("</td><td>").Append(first ? EndpointTables.P(s.Interaction?.PValue ?? double.NaN) : "")
             .Append("</td><td>").Append(first ? s.Missing.ToString(CultureInfo.InvariantCulture) : "").Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    internal static void Monitoring(StringBuilder h, AnalysisResults r)
    {
        var all = r.MonitoringByArm.Count > 0 ? r.MonitoringByArm : r.Monitoring is { } only ? [only] : [];
        if (all.Count == 0) return;
        h.Append("<section id=\"monitoring\"><h2>Interim monitoring</h2>\n");
        foreach (var monitoring in all) Monitoring(h, r, monitoring, all.Count > 1, first: monitoring == all[0]);
        h.Append("</section>\n");
    }

    /// <summary>One compared arm's boundaries, observed Z and looks; headed by the comparison when there are several.</summary>
    private static void Monitoring(StringBuilder h, AnalysisResults r, MonitoringResult monitoring, bool several, bool first)
    {
        var analysis = monitoring.Analysis;
        string comparison = $"{r.Protocol.Arm(monitoring.ArmId).Label} vs {r.Protocol.Control.Label}";
        if (several) h.Append("<h3>").Append(E(comparison)).Append("</h3>\n");
        Figure(h, first ? "monitoring" : $"monitoring-{monitoring.ArmId}",
               MonitoringFigure.Svg(analysis, new MonitoringFigureOptions { Title = several ? $"Group-sequential boundaries and observed log-rank Z, {comparison}" : "Group-sequential boundaries and observed log-rank Z" }),
               "Efficacy (and futility) boundaries recomputed at the observed information fractions (Lan–DeMets spending) with the observed stratified log-rank Z at each look; positive Z favours the experimental arm.");
        h.Append("<table data-table=\"monitoring\"><thead><tr><th scope=\"col\">Look</th><th scope=\"col\">Date</th><th scope=\"col\">Events</th><th scope=\"col\">Information</th><th scope=\"col\">Z</th><th scope=\"col\">Efficacy bound</th><th scope=\"col\">Futility bound</th><th scope=\"col\">Decision</th><th scope=\"col\">HR (repeated CI)</th></tr></thead><tbody>");
        for (int k = 0; k < analysis.Looks.Count; k++)
        {
            var look = analysis.Looks[k];
            h.Append("<tr><td>").Append(look.Look).Append("</td><td>").Append(monitoring.LookDates[k].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><td>")
             .Append(Fixed(look.Events, 0)).Append("</td><td>").Append(Fixed(look.InformationFraction, 3)).Append("</td><td>").Append(Fixed(look.Z, 3)).Append("</td><td>")
             .Append(Fixed(look.EfficacyBound, 3)).Append("</td><td>").Append(Fixed(look.FutilityBound, 3)).Append("</td><td>").Append(E(Decision(look.Decision)))
             .Append("</td><td>").Append(Fixed(look.HazardRatio)).Append(" (").Append(Fixed(look.RciLower)).Append(" to ").Append(Fixed(look.RciUpper)).Append(")</td></tr>");
        }
        h.Append("</tbody></table>\n<p class=\"meta\">Looks are reconstructed at the calendar dates on which the planned event counts were reached, plus the data cut-off; planned events at the final analysis: ")
         .Append(Fixed(analysis.MaxEvents, 0)).Append(".</p>\n");
    }

    internal static void Safety(StringBuilder h, AnalysisResults r)
    {
        if (r.Safety is not { } safety) return;
        h.Append("<section id=\"safety\"><h2>Safety: adverse events of grade ").Append(safety.MinGrade).Append(" or higher</h2>\n");
        SafetyTable(h, r, safety.Table, safety.Terms, safety.StrataLabels, "safety");
        if (safety.Severe is { } severe)
        {
            h.Append("<h3>Grade ").Append(severe.MinGrade).Append("–5 events of the terms of interest</h3>\n");
            SafetyTable(h, r, severe, safety.TermsOfInterest, safety.StrataLabels, "safety-severe");
        }
        SafetyStrataSection.Write(h, r, safety);
        h.Append("<p class=\"meta\">Participants with at least one event of the term (worst grade); risk difference with Wald interval; Fisher's exact test pooled; Cochran–Mantel–Haenszel test across strata; Breslow–Day test of equal odds ratios across strata with Tarone's correction.</p></section>\n");
    }

    /// <summary>
    /// The safety table by arm with its comparisons, then (with more than one stratum) the counts per stratum and arm in a
    /// table of their own: side by side the two would not fit a 1280 px screen or an A4 page.
    /// </summary>
    private static void SafetyTable(StringBuilder h, AnalysisResults r, SafetyTable table, IReadOnlyList<string> terms, IReadOnlyList<string> strata, string name)
    {
        var arms = r.Protocol.Arms;
        h.Append("<table data-table=\"").Append(name).Append("\"><thead><tr><th scope=\"col\">Term</th>");
        for (int a = 0; a < arms.Count; a++) h.Append("<th scope=\"col\">").Append(E(arms[a].Label)).Append(" (N = ").Append(table.ArmSizes[a]).Append(")</th>");
        foreach (var c in table.AnyTerm.Comparisons)
        {
            string vs = table.AnyTerm.Comparisons.Count > 1 ? $", {arms[c.Arm].Label} vs {arms[c.ReferenceArm].Label}" : "";
            h.Append("<th scope=\"col\">Risk difference").Append(E(vs)).Append(" (").Append(Level(r.Protocol.Analyses.Primary.ConfidenceLevel)).Append(" CI)</th><th scope=\"col\">Fisher p")
             .Append(E(vs)).Append("</th><th scope=\"col\">CMH p").Append(E(vs)).Append("</th>");
        }
        h.Append("</tr></thead><tbody>");
        foreach (var row in table.Terms.Append(table.AnyTerm))
        {
            h.Append("<tr><td>").Append(E(TermLabel(row, terms))).Append("</td>");
            for (int a = 0; a < arms.Count; a++) h.Append("<td>").Append(CountAndPercent(row.Participants[a], row.Proportions[a])).Append("</td>");
            foreach (var c in row.Comparisons)
                h.Append("<td>").Append($"{Percent(c.RiskDifference.Difference)} ({Percent(c.RiskDifference.Lower)} to {Percent(c.RiskDifference.Upper)})")
                 .Append("</td><td>").Append(PValue(c.Fisher.PValue)).Append("</td><td>").Append(PValue(c.MantelHaenszel?.Test.PValue ?? double.NaN, row.Participants.Sum() == 0 ? NoEvents : null)).Append("</td>");
            h.Append("</tr>");
        }
        h.Append("</tbody></table>\n");
        if (strata.Count < 2) return;
        h.Append("<table data-table=\"").Append(name).Append("-strata\"><caption>Participants with the event / participants, by stratum and arm</caption><thead><tr><th scope=\"col\">Term</th>");
        foreach (string s in strata)
            foreach (var arm in arms) h.Append("<th scope=\"col\">").Append(E(s)).Append(": ").Append(E(arm.Label)).Append("</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var row in table.Terms.Append(table.AnyTerm))
        {
            h.Append("<tr><td>").Append(E(TermLabel(row, terms))).Append("</td>");
            for (int s = 0; s < strata.Count; s++)
                for (int a = 0; a < arms.Count; a++)
                    h.Append("<td>").Append(row.ParticipantsByStratum[a][s]).Append('/').Append(table.ArmSizesByStratum[a][s]).Append("</td>");
            h.Append("</tr>");
        }
        h.Append("</tbody></table>\n");
    }

    private static string TermLabel(SafetyTermSummary row, IReadOnlyList<string> terms) => row.Term < 0 ? "Any of the above" : terms[row.Term];

    internal static void Figure(StringBuilder h, string id, string svg, string caption) =>
        h.Append("<figure data-figure=\"").Append(id).Append("\">").Append(Inline(svg)).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");

    /// <summary>A standalone SVG document (as the figures render it) as an element to embed in HTML: without the XML declaration.</summary>
    /// <param name="svg">The SVG document.</param>
    public static string Inline(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    internal static IReadOnlyList<double>? Breaks(AnalysisResults r) => r.Protocol.TimeUnit == TimeUnit.Months ? [0, 12, 24, 36, 48, 60] : null;

    private static bool Estimable(CoxCoefficient hr) => double.IsFinite(hr.HazardRatio) && hr.HazardRatio > 0 && hr.ConfLow >= 0 && !double.IsNaN(hr.ConfHigh);

    private static string Decision(Evident.Design.Monitoring.MonitoringDecision d) => d switch
    {
        Evident.Design.Monitoring.MonitoringDecision.StopForEfficacy => "Stop for efficacy",
        Evident.Design.Monitoring.MonitoringDecision.StopForFutility => "Stop for futility",
        Evident.Design.Monitoring.MonitoringDecision.FinalNoRejection => "Final: H0 not rejected",
        _ => "Continue",
    };

    internal static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
