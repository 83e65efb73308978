using System.Diagnostics;
using Evident.Analysis;
using Evident.Analysis.Capture;
using Evident.Analysis.Enrolment;
using Evident.Analysis.Forecast;
using Evident.Data;
using Evident.Reporting.Report;
using Evident.Randomization;
using Evident.Storage;
using Evident.Analysis.Results;
using Evident.Analysis.Input;

namespace Evident.Server.Dashboard;

/// <summary>
/// What the DSMB dashboard shows, computed live from the database on each request: the captured trial is mapped onto
/// its protocol exactly as <c>evident export</c> writes it (<see cref="CapturedTrial"/>) and analysed by
/// <see cref="TrialAnalysis.Run"/> — the same code as <c>evident analyze</c> — with today's date (from the service's
/// clock) as the data cut-off; the tables and figures are report.html's own sections (<see cref="HtmlReport.Section"/>).
/// UNBLINDED: only the unblinded statistician may be shown it.
/// </summary>
/// <param name="Trial">The trial.</param>
/// <param name="AsOf">The cut-off: today's UTC date for the live data, the cut's cut-off for a frozen cut (<see cref="Cut"/>).</param>
/// <param name="Enrolment">Accrual by month, stratum and site (the table of sites by strata; the accrual figures are the report's <see cref="ReportSection.Accrual"/>).</param>
/// <param name="Results">The interim analysis, or null when it cannot be computed yet (see <paramref name="Unavailable"/>).</param>
/// <param name="Unavailable">Why the analysis cannot be computed yet (no participant, no primary event), else null.</param>
/// <param name="Sections">The closed report's sections as HTML fragments, those of <see cref="Shown"/>; empty without results.</param>
/// <param name="Invalidated">Randomizations invalidated and left out of every count.</param>
/// <param name="Elapsed">Time taken to read, map and analyse.</param>
public sealed record InterimDashboard(
    StoredTrial Trial,
    DateOnly AsOf,
    EnrolmentSummary Enrolment,
    AnalysisResults? Results,
    string? Unavailable,
    IReadOnlyDictionary<ReportSection, string> Sections,
    int Invalidated,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Each planned look's predicted date from the blinded data (<see cref="TrialForecast"/>, observed accrual,
    /// exponential events, 90% intervals, 2,000 continuations, seed 1), or null (see <see cref="ForecastUnavailable"/>).
    /// </summary>
    public TrialForecastResult? Forecast { get; init; }

    /// <summary>Why no forecast can be made (nobody randomized, no planned events), else null.</summary>
    public string? ForecastUnavailable { get; init; }

    /// <summary>The frozen data cut shown, or null for the live data.</summary>
    public StoredDataCut? Cut { get; init; }

    /// <summary>
    /// The sections shown, in order, with their headings for the page's table of contents: every section of the closed
    /// report a data-monitoring committee reads (accrual against target, CONSORT flow, baseline by arm and median
    /// follow-up, completeness and the overdue list, the primary analysis, its curves, the subgroups, the boundaries, competing risks,
    /// adverse events, highest grade, serious events and organ classes, deaths), rendered by the report's own code.
    /// </summary>
    public static readonly IReadOnlyList<(ReportSection Section, string Id, string Heading)> Shown =
    [
        (ReportSection.Accrual, "accrual", "Accrual against target"),
        (ReportSection.Consort, "consort", "Participant flow"),
        (ReportSection.Participants, "participants", "Baseline and follow-up"),
        (ReportSection.Completeness, "completeness", "Completeness of follow-up"),
        (ReportSection.Primary, "primary", "Primary analysis"),
        (ReportSection.KaplanMeier, "kaplan-meier", "Kaplan–Meier curves"),
        (ReportSection.Forest, "forest", "Subgroups"),
        (ReportSection.Monitoring, "monitoring", "Group-sequential boundaries"),
        (ReportSection.CompetingRisks, "competing-risks", "Competing risks"),
        (ReportSection.Deaths, "deaths", "Deaths and overall survival"),
        (ReportSection.Safety, "safety", "Safety"),
        (ReportSection.AdverseEvents, "adverse-events", "Adverse events: highest grade, serious events, organ classes"),
    ];

    /// <summary>Reads the trial from <paramref name="store"/> and computes the dashboard as of today.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="time">The service's clock.</param>
    /// <returns>The dashboard, or null when the trial does not exist.</returns>
    public static async Task<InterimDashboard?> BuildAsync(TrialStore store, string trialId, TimeProvider time)
    {
        var clock = Stopwatch.StartNew();
        if (await store.GetTrialAsync(trialId) is null) return null;
        var captured = CapturedTrial.Map(await store.ReadCapturedAsync(trialId));
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return Build(captured.Trial, captured.Data, asOf, captured.Invalidated, null, clock);
    }

    /// <summary>The dashboard of a frozen data cut: its files analysed at its cut-off (<see cref="FrozenCut"/>).</summary>
    /// <param name="cut">The frozen cut, read and checked.</param>
    internal static InterimDashboard FromCut(FrozenCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var clock = Stopwatch.StartNew();
        var data = cut.Data with { Participants = cut.Data.Participants.Where(p => p.Randomized <= cut.Cut.Cutoff).ToArray() };
        return Build(cut.Trial, data, cut.Cut.Cutoff, 0, cut.Cut, clock);
    }

    private static InterimDashboard Build(StoredTrial trial, TrialData data, DateOnly asOf, int invalidated, StoredDataCut? cut, Stopwatch clock)
    {
        var protocol = trial.Protocol;
        var enrolment = EnrolmentSummary.Summarize(protocol, data, asOf);
        AnalysisResults? results = null;
        string? unavailable = null;
        var sections = new Dictionary<ReportSection, string>();
        if (enrolment.Randomized == 0)
        {
            unavailable = "nobody has been randomized yet.";
        }
        else
        {
            try
            {
                results = TrialAnalysis.Run(protocol, data, new AnalysisOptions { Cutoff = asOf });
                foreach (var (section, _, _) in Shown) sections[section] = HtmlReport.Section(results, section);
            }
            catch (DataInputException e)
            {
                unavailable = e.Message;
            }
        }
        var (forecast, noForecast) = ForecastOf(protocol, data, asOf);
        return new InterimDashboard(trial, asOf, enrolment, results, unavailable, sections, invalidated, clock.Elapsed)
        {
            Forecast = forecast,
            ForecastUnavailable = noForecast,
            Cut = cut,
        };
    }

    private static (TrialForecastResult?, string?) ForecastOf(Evident.Protocol.TrialProtocol protocol, Evident.Analysis.Input.TrialData data, DateOnly asOf)
    {
        if (data.Participants.Count == 0) return (null, "nobody has been randomized yet.");
        try
        {
            return (TrialForecast.Run(protocol, data, new ForecastSettings { Cutoff = asOf, Replicates = 2000 }), null);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
    }
}
