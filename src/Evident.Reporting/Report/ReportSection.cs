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

    /// <summary>Every section, in the order the reports show them.</summary>
    public static IReadOnlyList<ReportSection> All { get; } =
        [Accrual, PooledParticipants, Participants, PooledEvents, Primary, KaplanMeier, Forest, CompetingRisks, Monitoring, PooledSafety, Safety];

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
