using Evident.Protocol;

namespace Evident.Analysis.Results;

/// <summary>
/// Every number of a trial's analysis, computed once by <see cref="TrialAnalysis.Run"/>; the report, results.json and the
/// clinician summary only format these. Immutable.
/// </summary>
/// <param name="Protocol">The protocol analysed with (its hash goes in the footer).</param>
/// <param name="Cutoff">The data cut-off applied, or null.</param>
/// <param name="Synthetic">Whether the data are synthetic.</param>
/// <param name="SoftwareVersion">Evident's version.</param>
/// <param name="DataSource">The files read.</param>
/// <param name="Participants">Participants analysed.</param>
/// <param name="ExcludedAfterCutoff">Participants left out because they were randomized after the cut-off.</param>
/// <param name="Primary">The primary analysis.</param>
/// <param name="Secondary">The secondary analyses, in the protocol's order (empty without).</param>
/// <param name="Subgroups">Hazard ratios by subgroup (empty without a subgroup analysis).</param>
/// <param name="CompetingRisks">Cumulative incidence by cause, one per competing-risks analysis in the protocol's order (empty without).</param>
/// <param name="Safety">Adverse events, or null.</param>
/// <param name="Monitoring">Interim monitoring of the first compared arm, or null (every compared arm: <see cref="MonitoringByArm"/>).</param>
/// <param name="Notes">Analyses that could not be done, and why.</param>
/// <param name="Warnings">
/// Things the reader must know although the analysis ran, e.g. a safety term of interest that never occurs in the
/// adverse-event data (a misspelling would otherwise show as 0 events with p = 1). Shown in the report, in results.json and on
/// standard error.
/// </param>
public sealed record AnalysisResults(
    TrialProtocol Protocol,
    DateOnly? Cutoff,
    bool Synthetic,
    string SoftwareVersion,
    string DataSource,
    int Participants,
    int ExcludedAfterCutoff,
    PrimaryResult Primary,
    IReadOnlyList<PrimaryResult> Secondary,
    IReadOnlyList<SubgroupResult> Subgroups,
    IReadOnlyList<CompetingRisksResult> CompetingRisks,
    SafetyResult? Safety,
    MonitoringResult? Monitoring,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The baseline characteristics of the participants analysed, by arm; null only for results built without it.</summary>
    public Oversight.BaselineTable? Baseline { get; init; }

    /// <summary>Median follow-up of the primary endpoint per arm by reverse Kaplan–Meier, at the primary analysis's level.</summary>
    public IReadOnlyList<Oversight.ArmFollowUp> FollowUp { get; init; } = [];

    /// <summary>Interim monitoring of every compared arm against the control, in the primary analysis's order; the first is <see cref="Monitoring"/>.</summary>
    public IReadOnlyList<MonitoringResult> MonitoringByArm { get; init; } = [];

    /// <summary>The numbers over all arms together that the open report shows; null only for results built without them.</summary>
    public Pooled.PooledResults? Pooled { get; init; }

    /// <summary>False when the data give follow-up as time since randomization without calendar dates: no accrual by month.</summary>
    public bool HasDates { get; init; } = true;

    /// <summary>The SHA-256 of the data read (<see cref="Input.DataHash"/>), or null when they were not read from files.</summary>
    public string? DataSha256 { get; init; }

    /// <summary>The CONSORT flow per arm (randomized, off therapy, withdrawn, lost to follow-up, analysed); null only for results built without it.</summary>
    public Oversight.ConsortFlow? Consort { get; init; }

    /// <summary>Highest adverse-event grade per participant, serious adverse events and events by organ class; null when the data hold no adverse event.</summary>
    public Oversight.AdverseEventOverview? AdverseEvents { get; init; }

    /// <summary>Overall survival (Kaplan–Meier by arm, log-rank, hazard ratio as the primary analysis) when the protocol marks a death component; otherwise null.</summary>
    public PrimaryResult? OverallSurvival { get; init; }

    /// <summary>The deaths on or before the cut-off, by arm and date; empty without a death component or without deaths.</summary>
    public IReadOnlyList<Oversight.DeathEntry> Deaths { get; init; } = [];

    /// <summary>Completeness of follow-up per arm and the participants overdue for a visit; null only for results built without it.</summary>
    public Oversight.FollowUpCompleteness? Completeness { get; init; }
}
