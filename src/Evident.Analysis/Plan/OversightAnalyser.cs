using Evident.Analysis.Oversight;

namespace Evident.Analysis.Plan;

/// <summary>
/// What a monitoring committee reads beside the estimates, for the participants analysed (after the cut-off): the
/// baseline table by arm, and the median follow-up of the primary endpoint per arm by reverse Kaplan–Meier at the
/// primary analysis's confidence level.
/// </summary>
internal static class OversightAnalyser
{
    public static BaselineTable Baseline(AnalysedTrial context) =>
        BaselineCharacteristics.Tabulate(context.Protocol, context.Data with { Participants = context.Rows.Select(i => context.Data.Participants[i]).ToArray() });

    /// <summary>The CONSORT flow, with the kinds of off-study record the data can hold.</summary>
    public static ConsortFlow Consort(AnalysedTrial context) =>
        ConsortFlow.Count(context.Protocol, context.Rows.Select(i => context.Data.Participants[i]).ToArray(), context.Options.Cutoff, context.Data.OffStudyRecorded);

    /// <summary>
    /// Highest grade per participant, serious adverse events and events by organ class, for the participants analysed;
    /// null when the data hold no adverse event (no table given, or an empty one: either way none is recorded).
    /// </summary>
    public static AdverseEventOverview? AdverseEvents(AnalysedTrial context) =>
        context.Data.AdverseEvents.Count == 0 ? null : AdverseEventOverview.Summarize(context.Protocol, context.Data, context.Rows, context.Options.Cutoff);

    /// <summary>The deaths on or before the cut-off among the participants analysed; empty when the protocol marks no death component.</summary>
    public static IReadOnlyList<DeathEntry> Deaths(AnalysedTrial context) =>
        DeathEntry.List(context.Protocol, context.Rows.Select(i => context.Data.Participants[i]), context.Options.Cutoff);

    /// <summary>Completeness of follow-up per arm and the participants overdue for a visit, at the cut-off.</summary>
    public static FollowUpCompleteness Completeness(AnalysedTrial context) =>
        FollowUpCompleteness.Assess(context.Protocol, context.Rows.Select(i => context.Data.Participants[i]).ToArray(), context.Options.Cutoff);

    public static IReadOnlyList<ArmFollowUp> FollowUp(AnalysedTrial context)
    {
        var followUp = context.FollowUp(context.Protocol.Endpoint(context.Plan.Endpoint));
        var isEvent = Enumerable.Range(0, followUp.Time.Length).Select(followUp.IsEvent).ToArray();
        return MedianFollowUp.ByArm(context.Protocol, followUp.Time, isEvent, context.Arm, context.Plan.ConfidenceLevel);
    }
}
