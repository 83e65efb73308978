using System.Text;
using Evident.Analysis.Results;

namespace Evident.Reporting.Report;

/// <summary>
/// One section of the reports, rendered on its own by <see cref="HtmlReport.Section"/> (the live dashboard embeds them)
/// and in <see cref="All"/>'s order by <see cref="HtmlReport.Render"/>. Each section says what it shows of the arms
/// (<see cref="Scope"/>), and that alone decides whether it is in the open report, the closed report or both: a new
/// section joins the right report by saying so. A section with nothing to show for the results writes nothing.
/// </summary>
public sealed class ReportSection
{
    private readonly Action<StringBuilder, AnalysisResults> write;

    private ReportSection(string id, SectionScope scope, Action<StringBuilder, AnalysisResults> write) => (Id, Scope, this.write) = (id, scope, write);

    /// <summary>The section's id (the <c>id</c> of its <c>&lt;section&gt;</c> element, or of its first one).</summary>
    public string Id { get; }

    /// <summary>What it shows of the arms.</summary>
    public SectionScope Scope { get; }

    /// <summary>Randomizations by month against the plan, by stratum and by site.</summary>
    public static readonly ReportSection Accrual = new("accrual", SectionScope.Trial, OpenSections.Accrual);

    /// <summary>Baseline characteristics and median follow-up over all participants.</summary>
    public static readonly ReportSection PooledParticipants = new("participants-pooled", SectionScope.Pooled, OpenSections.Participants);

    /// <summary>Baseline characteristics by arm and median follow-up per arm.</summary>
    public static readonly ReportSection Participants = new("participants", SectionScope.ByArm, ParticipantsSection.Write);

    /// <summary>Participants and events of each endpoint over all arms, overall and per stratum.</summary>
    public static readonly ReportSection PooledEvents = new("events-pooled", SectionScope.Pooled, OpenSections.Events);

    /// <summary>The primary analysis table (per stratum and overall: N, events, milestone estimate, HR, log-rank p) and RMST, then each secondary analysis.</summary>
    public static readonly ReportSection Primary = new("primary", SectionScope.ByArm, HtmlReport.Primary);

    /// <summary>Kaplan–Meier figures overall and per stratum (KMunicate).</summary>
    public static readonly ReportSection KaplanMeier = new("kaplan-meier", SectionScope.ByArm, HtmlReport.KaplanMeierFigures);

    /// <summary>The forest plot and subgroup table.</summary>
    public static readonly ReportSection Forest = new("forest", SectionScope.ByArm, HtmlReport.Forest);

    /// <summary>Cumulative incidence by cause (tables with Gray's test, figures).</summary>
    public static readonly ReportSection CompetingRisks = new("competing-risks", SectionScope.ByArm, CompetingRisksSection.Write);

    /// <summary>Group-sequential boundaries with the observed Z at each look (figure and table).</summary>
    public static readonly ReportSection Monitoring = new("monitoring", SectionScope.ByArm, HtmlReport.Monitoring);

    /// <summary>Participants with adverse events over all arms.</summary>
    public static readonly ReportSection PooledSafety = new("safety-pooled", SectionScope.Pooled, OpenSections.Safety);

    /// <summary>Adverse-event tables by arm.</summary>
    public static readonly ReportSection Safety = new("safety", SectionScope.ByArm, HtmlReport.Safety);

    /// <summary>The CONSORT participant flow, by arm (figure and table).</summary>
    public static readonly ReportSection Consort = new("consort", SectionScope.ByArm, (h, r) => ConsortSection.Write(h, r));

    /// <summary>The CONSORT participant flow pooled over the arms (a table without arm-level numbers), for the open report.</summary>
    public static readonly ReportSection ConsortPooled = new("consort-pooled", SectionScope.Pooled, (h, r) => ConsortSection.Write(h, r, pooled: true));

    /// <summary>Participants by highest adverse-event grade, the serious adverse events and events by organ class and term, by arm.</summary>
    public static readonly ReportSection AdverseEvents = new("adverse-events", SectionScope.ByArm, (h, r) => AdverseEventSection.Write(h, r));

    /// <summary>The same pooled over the arms (no arm in the listing), for the open report.</summary>
    public static readonly ReportSection AdverseEventsPooled = new("adverse-events-pooled", SectionScope.Pooled, (h, r) => AdverseEventSection.Write(h, r, pooled: true));

    /// <summary>Overall survival by arm (table and Kaplan–Meier figure) and the deaths listing, when the protocol marks a death component.</summary>
    public static readonly ReportSection Deaths = new("deaths", SectionScope.ByArm, DeathsSection.Write);

    /// <summary>Completeness of follow-up per arm and the participants overdue for a visit, by site.</summary>
    public static readonly ReportSection Completeness = new("completeness", SectionScope.ByArm, (h, r) => CompletenessSection.Write(h, r));

    /// <summary>The same pooled over the arms (no arm in the listing), for the open report.</summary>
    public static readonly ReportSection CompletenessPooled = new("completeness-pooled", SectionScope.Pooled, (h, r) => CompletenessSection.Write(h, r, pooled: true));

    /// <summary>Every section, in the order the reports show them.</summary>
    public static IReadOnlyList<ReportSection> All { get; } =
    [
        Accrual, ConsortPooled, Consort, PooledParticipants, Participants, CompletenessPooled, Completeness, PooledEvents,
        Primary, KaplanMeier, Forest, CompetingRisks, Monitoring, PooledSafety, Safety, AdverseEventsPooled, AdverseEvents, Deaths,
    ];

    /// <summary>Whether the section belongs in <paramref name="kind"/>: the open report shows no arm-level number.</summary>
    /// <param name="kind">The report.</param>
    public bool In(ReportKind kind) => Scope == SectionScope.Trial || (kind == ReportKind.Open) == (Scope == SectionScope.Pooled);

    /// <summary>Appends the section's HTML (nothing when the results have no such part), each table in a <see cref="TableScroll"/> wrapper.</summary>
    internal void Write(StringBuilder html, AnalysisResults results)
    {
        var part = new StringBuilder(1 << 14);
        write(part, results);
        html.Append(TableScroll.Wrap(part.ToString()));
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
