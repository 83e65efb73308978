namespace Evident.Reporting.Report;

/// <summary>The sections of report.html that <see cref="HtmlReport.Section"/> renders on their own.</summary>
public enum ReportSection
{
    /// <summary>The primary analysis table (per stratum and overall: N, events, milestone estimate, HR, log-rank p) and RMST.</summary>
    Primary,

    /// <summary>Kaplan–Meier figures overall and per stratum (KMunicate).</summary>
    KaplanMeier,

    /// <summary>The forest plot and subgroup table.</summary>
    Forest,

    /// <summary>Cumulative incidence by cause (tables with Gray's test, figures).</summary>
    CompetingRisks,

    /// <summary>Group-sequential boundaries with the observed Z at each look (figure and table).</summary>
    Monitoring,

    /// <summary>Adverse-event tables.</summary>
    Safety,

    /// <summary>The CONSORT participant flow, by arm (figure and table); <see cref="ConsortPooled"/> is its open-report form.</summary>
    Consort,

    /// <summary>The CONSORT participant flow pooled over the arms (a table without arm-level numbers), for the open report.</summary>
    ConsortPooled,

    /// <summary>Participants by highest adverse-event grade, the serious adverse events and events by organ class and term, by arm.</summary>
    AdverseEvents,

    /// <summary>The same pooled over the arms (no arm in the listing), for the open report.</summary>
    AdverseEventsPooled,

    /// <summary>Overall survival by arm (table and Kaplan–Meier figure) and the deaths listing, when the protocol marks a death component.</summary>
    Deaths,

    /// <summary>Completeness of follow-up per arm and the participants overdue for a visit, by site.</summary>
    Completeness,

    /// <summary>The same pooled over the arms (no arm in the listing), for the open report.</summary>
    CompletenessPooled,
}
