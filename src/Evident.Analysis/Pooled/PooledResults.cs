using Evident.Analysis.Enrolment;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Pooled;

/// <summary>
/// What the open report shows: numbers over all arms together, none of which reveals how the arms compare, so that it can
/// go to a trial's steering committee while the trial runs (NIH/NINDS DSMB report outline, open session). Built by
/// <see cref="TrialAnalysis.Run"/> with the rest of the results; immutable.
/// </summary>
/// <param name="Enrolment">Randomizations by month (total, by stratum, by site) up to the cut-off (or the last randomization).</param>
/// <param name="Target">The protocol's planned accrual over the same months, or null when the design does not give it.</param>
/// <param name="FollowUp">Median follow-up of the primary endpoint over all participants by reverse Kaplan–Meier (R <c>survfit(Surv(time, 1 - status) ~ 1)</c>).</param>
/// <param name="Endpoints">Participants and events of each analysed endpoint over all arms, primary first.</param>
/// <param name="AdverseEvents">Participants with adverse events over all arms, or null without a safety analysis.</param>
public sealed record PooledResults(
    EnrolmentSummary Enrolment,
    AccrualTarget? Target,
    FollowUpEstimate FollowUp,
    IReadOnlyList<PooledEvents> Endpoints,
    PooledAdverseEvents? AdverseEvents);
