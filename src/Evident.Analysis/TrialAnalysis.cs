using System.Reflection;
using Evident.Analysis.Input;
using Evident.Analysis.Plan;
using Evident.Analysis.Results;
using Evident.Data;
using Evident.Protocol;

namespace Evident.Analysis;

/// <summary>
/// Runs a protocol's statistical analysis plan on a trial's data: the orchestration between the data layer and the
/// kernels. It maps follow-up to times, applies the data cut-off, and calls the kernels — Kaplan–Meier
/// (<c>survfit</c>), stratified log-rank (<c>survdiff</c>), stratified Cox (<c>coxph</c>), RMST (Royston–Parmar 2013),
/// Aalen–Johansen with Gray's test (<c>cmprsk::cuminc</c>), adverse-event tables with Fisher and CMH tests, and
/// group-sequential monitoring (Lan–DeMets 1983) — and collects their results. It formats nothing.
/// </summary>
/// <remarks>
/// Time = (end − start) in days ÷ the length of the protocol's time unit (a month is 365.25/12 days). With a cut-off,
/// participants randomized after it are left out and follow-up beyond it is censored at it. Strata of the primary
/// analysis are the combinations of the levels of <c>analyses.primary.stratify_by</c>.
/// <para>
/// Failures: an estimate the data do not allow (a hazard ratio or log-rank test where an arm has no participant or
/// no one had an event) carries an <see cref="Models.EstimateStatus"/> and is written as null; an analysis the data do
/// not allow (safety without a participant in an arm, monitoring whose looks do not fit the design) is left out with
/// a note saying why; a hard failure of a kernel (<see cref="Statistics.Cox.CoxConvergenceException"/>) is thrown.
/// </para>
/// </remarks>
public static class TrialAnalysis
{
    /// <summary>Analyses <paramref name="data"/> as <paramref name="protocol"/> prescribes.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="data">The data, mapped onto the protocol (<see cref="TrialDataLoader"/>).</param>
    /// <param name="options">Cut-off and labelling; null = none.</param>
    /// <exception cref="DataInputException">No participant remains, or the primary endpoint has no event at all.</exception>
    /// <exception cref="Statistics.Cox.CoxConvergenceException">A Cox information matrix is not finite.</exception>
    public static AnalysisResults Run(TrialProtocol protocol, TrialData data, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new AnalysisOptions();
        if (options.Cutoff is { } cutoff && !data.HasDates)
            throw new DataInputException($"{data.Source}: the data cut-off {cutoff:yyyy-MM-dd} needs calendar dates, but the data give follow-up as time since randomization (data.simple.follow_up_time); " +
                                         "leave the cut-off out, or give 'randomized', 'last_contact' and a 'date' per event.", data.Source);
        var context = new AnalysedTrial(protocol, data, options);
        if (context.Rows.Length == 0)
            throw new DataInputException($"{data.Source}: no participant was randomized on or before the cut-off {options.Cutoff:yyyy-MM-dd}.", data.Source);
        var notes = new List<string>();
        var warnings = new List<string>();
        var primary = PrimaryAnalyser.Run(context);
        var secondary = protocol.Analyses.Secondary.Select(plan => PrimaryAnalyser.Run(new AnalysedTrial(protocol, data, options, plan))).ToArray();
        // In the order their notes are written.
        var competingRisks = CompetingRisksAnalyser.Run(context, notes);
        var safety = SafetyAnalyser.Run(context, notes, warnings);
        var monitoring = MonitoringAnalyser.Run(context, notes);
        return new AnalysisResults(protocol, options.Cutoff, options.Synthetic, SoftwareVersion, data.Source, context.Rows.Length,
                                   data.Participants.Count - context.Rows.Length, primary, secondary,
                                   SubgroupAnalyser.Run(context),
                                   competingRisks, safety, monitoring.FirstOrDefault(), notes.AsReadOnly(), warnings.AsReadOnly())
        {
            Baseline = OversightAnalyser.Baseline(context),
            FollowUp = OversightAnalyser.FollowUp(context),
            MonitoringByArm = monitoring,
            Pooled = PooledAnalyser.Run(context, secondary.Prepend(primary), safety),
            DataSha256 = data.Sha256,
            HasDates = data.HasDates,
            Consort = OversightAnalyser.Consort(context),
            AdverseEvents = OversightAnalyser.AdverseEvents(context),
            OverallSurvival = OverallSurvivalAnalyser.Run(protocol, data, options),
            Deaths = OversightAnalyser.Deaths(context),
            // Completeness and the overdue list measure time up to a calendar date; data without dates have none.
            Completeness = data.HasDates ? OversightAnalyser.Completeness(context) : null,
        };
    }

    /// <summary>Evident's version (the informational version without build metadata).</summary>
    public static string SoftwareVersion
    {
        get
        {
            string version = typeof(TrialAnalysis).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus > 0 ? version[..plus] : version;
        }
    }
}
