using Evident.Analysis.Enrolment;
using Evident.Analysis.Pooled;
using Evident.Analysis.Results;

namespace Evident.Analysis.Plan;

/// <summary>
/// The open report's numbers (<see cref="PooledResults"/>): accrual by month up to the cut-off (or the last
/// randomization) against the plan, the reverse Kaplan–Meier median follow-up over everyone, and the counts of the
/// per-arm results summed over the arms (each participant is in exactly one arm, so the sums are the pooled counts).
/// </summary>
internal static class PooledAnalyser
{
    public static PooledResults Run(AnalysedTrial context, IEnumerable<PrimaryResult> endpoints, SafetyResult? safety)
    {
        var analysed = context.Data with { Participants = context.Rows.Select(i => context.Data.Participants[i]).ToArray() };
        var first = analysed.Participants.Min(p => p.Randomized);
        var asOf = context.Options.Cutoff ?? analysed.Participants.Max(p => p.Randomized);
        var enrolment = EnrolmentSummary.Summarize(context.Protocol, analysed, asOf);
        var followUp = context.FollowUp(context.Protocol.Endpoint(context.Plan.Endpoint));
        var isEvent = Enumerable.Range(0, followUp.Time.Length).Select(followUp.IsEvent).ToArray();
        var median = Statistics.Survival.FollowUp.ReverseKaplanMeier(followUp.Time, isEvent, context.Plan.ConfidenceLevel);
        return new PooledResults(enrolment, AccrualTarget.Plan(context.Protocol, enrolment, first), median,
                                 endpoints.Select(Events).ToArray(), safety is null ? null : AdverseEvents(safety));
    }

    private static PooledEvents Events(PrimaryResult result) =>
        new(result.Endpoint.Id, result.Endpoint.Label, Count("Overall", result.Overall), result.Strata.Select(s => Count(s.Label, s)).ToArray());

    private static PooledCount Count(string label, GroupResult group) => new(label, group.Arms.Sum(a => a.N), group.Arms.Sum(a => a.Events));

    private static PooledAdverseEvents AdverseEvents(SafetyResult safety)
    {
        var table = safety.Table;
        int n = table.ArmSizes.Sum();
        PooledTerm Term(string label, IReadOnlyList<int> participants)
        {
            int count = participants.Sum();
            return new PooledTerm(label, count, n == 0 ? double.NaN : (double)count / n);
        }
        return new PooledAdverseEvents(table.MinGrade, n, table.Terms.Select(row => Term(safety.Terms[row.Term], row.Participants)).ToArray(),
                                       Term("Any of the above", table.AnyTerm.Participants));
    }
}
