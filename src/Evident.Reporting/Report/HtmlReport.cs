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
/// analysis) when there are any; footer with the data cut-off,
/// software version and protocol hash. Presentation only: every number is read from <see cref="AnalysisResults"/>.
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
        ul.learnings li{margin-bottom:.4rem}tr.reason th{font-weight:normal;padding-left:1.6rem;color:#333}tr.organ-class th{font-weight:bold}
        @media print{body{max-width:none;margin:0;font-size:10pt}h2{page-break-after:avoid;break-after:avoid}
        section{page-break-inside:auto}table{page-break-inside:avoid;break-inside:avoid}.synthetic{border-width:1px}}
        @page{size:A4;margin:15mm}
        """;

    /// <summary>Renders the report.</summary>
    /// <param name="results">The results.</param>
    public static string Render(AnalysisResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var p = results.Protocol;
        var h = new StringBuilder(1 << 20);
        string title = $"{p.Trial.Id}: {p.Trial.ShortTitle ?? p.Trial.Title}";
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        h.Append("<title>").Append(E(title)).Append(" — report</title>\n<style>").Append(Css).Append("</style></head>\n<body>\n");
        if (results.Synthetic)
            h.Append("<p class=\"synthetic\" data-synthetic>SYNTHETIC DATA: every participant in this report is simulated. These are not the results of a real trial.</p>\n");
        h.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">").Append(E(p.Trial.Title));
        if (p.Trial.Registration is not null) h.Append(" · ").Append(E(p.Trial.Registration));
        if (p.Trial.Sponsor is not null) h.Append(" · ").Append(E(p.Trial.Sponsor));
        h.Append("</p>\n<p class=\"meta\">").Append(results.Participants.ToString(CultureInfo.InvariantCulture)).Append(" participants analysed");
        if (results.ExcludedAfterCutoff > 0) h.Append(" (").Append(results.ExcludedAfterCutoff).Append(" randomized after the cut-off left out)");
        h.Append("; data cut-off ").Append(results.Cutoff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none").Append("; data ").Append(E(results.DataSource)).Append(".</p>\n");

        if (results.Warnings.Count > 0)
        {
            h.Append("<section id=\"warnings\" class=\"warning\" data-warnings><h2>Warnings</h2><ul>");
            foreach (string warning in results.Warnings) h.Append("<li>").Append(E(warning)).Append("</li>");
            h.Append("</ul></section>\n");
        }
        ConsortSection.Write(h, results);
        ParticipantsSection.Write(h, results);
        CompletenessSection.Write(h, results);
        Primary(h, results);
        KaplanMeierFigures(h, results);
        Forest(h, results);
        CompetingRisks(h, results);
        Monitoring(h, results);
        Safety(h, results);
        AdverseEventSection.Write(h, results);
        DeathsSection.Write(h, results);
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
        var h = new StringBuilder(1 << 16);
        switch (section)
        {
            case ReportSection.Primary: Primary(h, results); break;
            case ReportSection.KaplanMeier: KaplanMeierFigures(h, results); break;
            case ReportSection.Forest: Forest(h, results); break;
            case ReportSection.CompetingRisks: CompetingRisks(h, results); break;
            case ReportSection.Monitoring: Monitoring(h, results); break;
            case ReportSection.Safety: Safety(h, results); break;
            case ReportSection.Consort: ConsortSection.Write(h, results); break;
            case ReportSection.ConsortPooled: ConsortSection.Write(h, results, pooled: true); break;
            case ReportSection.AdverseEvents: AdverseEventSection.Write(h, results); break;
            case ReportSection.AdverseEventsPooled: AdverseEventSection.Write(h, results, pooled: true); break;
            case ReportSection.Deaths: DeathsSection.Write(h, results); break;
            case ReportSection.Completeness: CompletenessSection.Write(h, results); break;
            case ReportSection.CompletenessPooled: CompletenessSection.Write(h, results, pooled: true); break;
            default: throw new ArgumentOutOfRangeException(nameof(section), section, "not a report section.");
        }
        return h.ToString();
    }

    /// <summary>The primary analysis, then each secondary analysis in a section of its own.</summary>
    private static void Primary(StringBuilder h, AnalysisResults r)
    {
        EndpointTables.Section(h, r, r.Primary, "primary", "Primary analysis");
        foreach (var secondary in r.Secondary)
            EndpointTables.Section(h, r, secondary, $"secondary-{secondary.Endpoint.Id}", "Secondary analysis");
    }

    private static void KaplanMeierFigures(StringBuilder h, AnalysisResults r)
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

    private static void Forest(StringBuilder h, AnalysisResults r)
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
            rows.Add(ForestRow.Heading(factor.Key));
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
                EstimateHeader = $"HR ({Level(level)} CI)",
            });
            Figure(h, index == 0 ? "forest" : $"forest-{index}", svg,
                   $"Cox hazard ratios ({experimental} vs {control.Label}) overall (stratified) and within each subgroup (stratified by the other stratification factors); squares sized by events.");
        }
        h.Append("<table data-table=\"subgroups\"><thead><tr><th scope=\"col\">Subgroup</th><th scope=\"col\">Level</th><th scope=\"col\">Events/N</th><th scope=\"col\">HR (")
         .Append(Level(level)).Append(" CI)</th><th scope=\"col\">p</th><th scope=\"col\">Interaction p (LR)</th><th scope=\"col\">Missing</th></tr></thead><tbody>");
        string? previous = null;
        foreach (var s in subgroups)
        {
            bool first = s.Factor != previous;
            previous = s.Factor;
            h.Append("<tr><td>").Append(E(s.FactorLabel)).Append("</td><td>").Append(E(s.Level)).Append("</td><td>").Append(s.Events).Append('/').Append(s.N)
             .Append("</td><td>").Append(Fixed(s.HazardRatio.HazardRatio)).Append(" (").Append(Fixed(s.HazardRatio.ConfLow)).Append(" to ").Append(Fixed(s.HazardRatio.ConfHigh))
             .Append(")</td><td>").Append(PValue(s.HazardRatio.PValue)).Append("</td><td>").Append(first ? PValue(s.Interaction?.PValue ?? double.NaN) : "")
             .Append("</td><td>").Append(first ? s.Missing.ToString(CultureInfo.InvariantCulture) : "").Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    private static void CompetingRisks(StringBuilder h, AnalysisResults r)
    {
        if (r.CompetingRisks is not { } cr) return;
        string at = cr.Milestone is double m ? ReportText.Milestone(m, r.Protocol.TimeUnit).Phrase + " " : "";
        h.Append("<section id=\"competing-risks\"><h2>").Append(E(cr.Title)).Append("</h2>\n");
        foreach (var (label, causes) in new[] { new KeyValuePair<string, IReadOnlyList<CauseResult>>("All participants", cr.Overall) }.Concat(cr.Strata))
        {
            h.Append("<h3>").Append(E(label)).Append("</h3><table data-table=\"competing-risks\"><thead><tr><th scope=\"col\">Cause</th>");
            foreach (var arm in r.Protocol.Arms) h.Append("<th scope=\"col\">").Append(E(arm.Label)).Append(": events, ").Append(E(at)).Append("incidence</th>");
            h.Append("<th scope=\"col\">Gray's test p</th></tr></thead><tbody>");
            foreach (var cause in causes)
            {
                h.Append("<tr><td>").Append(E(cause.Label)).Append("</td>");
                foreach (var arm in cause.Arms)
                    h.Append("<td>").Append(arm.Events).Append(", ").Append(arm.AtMilestone is { } pt ? Percent(pt.Estimate) : cr.Milestone is double cm && !arm.EstimableAt(cm) ? ReportText.NotEstimable : arm.Events == 0 ? Percent(0) : "NA").Append("</td>");
                h.Append("<td>").Append(PValue(cause.GrayTest?.Test.PValue ?? double.NaN)).Append("</td></tr>");
            }
            h.Append("</tbody></table>\n");
        }
        int index = 0;
        foreach (var cause in cr.Overall)
        {
            var series = cause.Arms.Where(a => a.Curve is not null).Select(a => new IncidenceSeries(cause.Label, r.Protocol.Arm(a.ArmId).Label, a.Curve!)).ToArray();
            if (series.Length == 0) continue;
            string svg = CumulativeIncidenceFigure.Svg(series, new CumulativeIncidenceFigureOptions
            {
                Title = cause.Label,
                XLabel = $"{Capitalized(ReportText.Unit(r.Protocol.TimeUnit))} since randomization",
                TimeBreaks = Breaks(r),
                ConfidenceLevel = r.Protocol.Analyses.Primary.ConfidenceLevel,
            });
            Figure(h, $"cif-{index++}", svg, $"Cumulative incidence of {ReportText.InSentence(cause.Label)} as first event, by arm (Aalen–Johansen; other first events compete), with pointwise {Level(r.Protocol.Analyses.Primary.ConfidenceLevel)} confidence bands.");
        }
        h.Append("</section>\n");
    }

    private static void Monitoring(StringBuilder h, AnalysisResults r)
    {
        if (r.Monitoring is not { } monitoring) return;
        var analysis = monitoring.Analysis;
        h.Append("<section id=\"monitoring\"><h2>Interim monitoring</h2>\n");
        Figure(h, "monitoring", MonitoringFigure.Svg(analysis, new MonitoringFigureOptions { Title = "Group-sequential boundaries and observed log-rank Z" }),
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
         .Append(Fixed(analysis.MaxEvents, 0)).Append(".</p></section>\n");
    }

    private static void Safety(StringBuilder h, AnalysisResults r)
    {
        if (r.Safety is not { } safety) return;
        h.Append("<section id=\"safety\"><h2>Safety: adverse events of grade ").Append(safety.MinGrade).Append(" or higher</h2>\n");
        SafetyTable(h, r, safety.Table, safety.Terms, safety.StrataLabels, "safety");
        if (safety.Severe is { } severe)
        {
            h.Append("<h3>Grade ").Append(severe.MinGrade).Append("–5 events of the terms of interest</h3>\n");
            SafetyTable(h, r, severe, safety.TermsOfInterest, safety.StrataLabels, "safety-severe");
        }
        h.Append("<p class=\"meta\">Participants with at least one event of the term (worst grade); risk difference with Wald interval; Fisher's exact test pooled; Cochran–Mantel–Haenszel test across strata.</p></section>\n");
    }

    private static void SafetyTable(StringBuilder h, AnalysisResults r, SafetyTable table, IReadOnlyList<string> terms, IReadOnlyList<string> strata, string name)
    {
        var arms = r.Protocol.Arms;
        bool byStratum = strata.Count > 1;
        h.Append("<table data-table=\"").Append(name).Append("\"><thead><tr><th scope=\"col\">Term</th>");
        foreach (var arm in arms) h.Append("<th scope=\"col\">").Append(E(arm.Label)).Append(" (N = ").Append(table.ArmSizes[arms.ToList().IndexOf(arm)]).Append(")</th>");
        if (byStratum)
            foreach (string s in strata)
                foreach (var arm in arms) h.Append("<th scope=\"col\">").Append(E(s)).Append(": ").Append(E(arm.Id)).Append("</th>");
        h.Append("<th scope=\"col\">Risk difference (").Append(Level(r.Protocol.Analyses.Primary.ConfidenceLevel)).Append(" CI)</th><th scope=\"col\">Fisher p</th><th scope=\"col\">CMH p</th></tr></thead><tbody>");
        foreach (var row in table.Terms.Append(table.AnyTerm))
        {
            h.Append("<tr><td>").Append(E(row.Term < 0 ? "Any of the above" : terms[row.Term])).Append("</td>");
            for (int a = 0; a < arms.Count; a++) h.Append("<td>").Append(row.Participants[a]).Append(" (").Append(Percent(row.Proportions[a])).Append(")</td>");
            if (byStratum)
                for (int s = 0; s < strata.Count; s++)
                    for (int a = 0; a < arms.Count; a++)
                        h.Append("<td>").Append(row.ParticipantsByStratum[a][s]).Append('/').Append(table.ArmSizesByStratum[a][s]).Append("</td>");
            var c = row.Comparisons.FirstOrDefault();
            h.Append("<td>").Append(c is null ? "" : $"{Percent(c.RiskDifference.Difference)} ({Percent(c.RiskDifference.Lower)} to {Percent(c.RiskDifference.Upper)})")
             .Append("</td><td>").Append(c is null ? "" : PValue(c.Fisher.PValue)).Append("</td><td>").Append(PValue(c?.MantelHaenszel?.Test.PValue ?? double.NaN)).Append("</td></tr>");
        }
        h.Append("</tbody></table>\n");
    }

    private static void Figure(StringBuilder h, string id, string svg, string caption) =>
        h.Append("<figure data-figure=\"").Append(id).Append("\">").Append(Inline(svg)).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");

    /// <summary>A standalone SVG document (as the figures render it) as an element to embed in HTML: without the XML declaration.</summary>
    /// <param name="svg">The SVG document.</param>
    public static string Inline(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    private static IReadOnlyList<double>? Breaks(AnalysisResults r) => r.Protocol.TimeUnit == TimeUnit.Months ? [0, 12, 24, 36, 48, 60] : null;

    private static bool Estimable(CoxCoefficient hr) => double.IsFinite(hr.HazardRatio) && hr.HazardRatio > 0 && hr.ConfLow >= 0 && !double.IsNaN(hr.ConfHigh);

    private static string Decision(Evident.Design.Monitoring.MonitoringDecision d) => d switch
    {
        Evident.Design.Monitoring.MonitoringDecision.StopForEfficacy => "Stop for efficacy",
        Evident.Design.Monitoring.MonitoringDecision.StopForFutility => "Stop for futility",
        Evident.Design.Monitoring.MonitoringDecision.FinalNoRejection => "Final: H0 not rejected",
        _ => "Continue",
    };

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
