using Evident.Analysis.Input;
using Evident.Protocol;

namespace Evident.Analysis.Oversight;

/// <summary>
/// Completeness of follow-up at the reference date (the cut-off, else the latest date in the data): per arm, Clark's
/// completeness index C = Σ observed / Σ potential follow-up (Clark, Altman &amp; De Stavola 2002, Lancet 359:1309), and
/// the participants overdue for a visit: alive as far as known, not withdrawn from follow-up nor lost to follow-up, and
/// last seen more than <see cref="FollowUpSchedule.OverdueAfter"/> before the reference date; listed by site.
/// </summary>
/// <param name="AsOf">The reference date.</param>
/// <param name="OverdueAfter">The protocol's interval plus grace (time unit), or null without <c>follow_up_schedule</c> (no one is assessed).</param>
/// <param name="Overdue">The overdue participants by site (no site last), then longest since last contact, then id.</param>
/// <param name="Arms">Completeness per arm, in protocol order.</param>
public sealed record FollowUpCompleteness(DateOnly AsOf, double? OverdueAfter, IReadOnlyList<OverdueParticipant> Overdue, IReadOnlyList<ArmCompleteness> Arms)
{
    /// <summary>Assesses the participants analysed.</summary>
    /// <param name="protocol">The protocol (arms, time unit, follow-up schedule).</param>
    /// <param name="participants">The participants analysed.</param>
    /// <param name="cutoff">The data cut-off, or null: the latest date in the data is the reference then.</param>
    public static FollowUpCompleteness Assess(TrialProtocol protocol, IReadOnlyList<TrialParticipant> participants, DateOnly? cutoff)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(participants);
        double unit = protocol.TimeUnit.Days();
        var asOf = cutoff ?? participants.Select(p => Max(LastSeen(p), p.Randomized)).DefaultIfEmpty(DateOnly.MinValue).Max();
        double? after = protocol.FollowUpSchedule?.OverdueAfter;
        var overdue = new List<OverdueParticipant>();
        var observed = new double[protocol.Arms.Count];
        var potential = new double[protocol.Arms.Count];
        var count = new int[protocol.Arms.Count];
        foreach (var p in participants)
        {
            var death = p.Death is { } d && d.Date <= asOf ? d.Date : (DateOnly?)null;
            var seen = Min(death ?? LastSeen(p), asOf);
            observed[p.Arm] += Math.Max(0, seen.DayNumber - p.Randomized.DayNumber) / unit;
            potential[p.Arm] += Math.Max(0, (death ?? asOf).DayNumber - p.Randomized.DayNumber) / unit;
            double since = (asOf.DayNumber - seen.DayNumber) / unit;
            if (after is { } limit && death is null && !EndedFollowUp(p, asOf) && since > limit)
            {
                overdue.Add(new OverdueParticipant(p.Id, p.Site, protocol.Arms[p.Arm].Id, seen, since));
                count[p.Arm]++;
            }
        }
        var ordered = overdue.OrderBy(o => o.Site is null).ThenBy(o => o.Site, StringComparer.Ordinal)
                             .ThenByDescending(o => o.SinceLastContact).ThenBy(o => o.Participant, StringComparer.Ordinal).ToArray();
        var arms = protocol.Arms.Select((a, i) => new ArmCompleteness(a.Id, observed[i], potential[i], count[i])).ToArray();
        return new FollowUpCompleteness(asOf, after, ordered.AsReadOnly(), arms.AsReadOnly());
    }

    /// <summary>The last date known alive: <see cref="TrialParticipant.LastKnownAlive"/>, else the latest end of follow-up of any endpoint.</summary>
    private static DateOnly LastSeen(TrialParticipant p) => p.LastKnownAlive ?? p.Outcomes.Max(o => o.End);

    /// <summary>Lost to follow-up, or withdrawn without further follow-up, on or before <paramref name="asOf"/>.</summary>
    private static bool EndedFollowUp(TrialParticipant p, DateOnly asOf) =>
        p.OffStudy.Any(o => o.Date <= asOf && (o.Kind == OffStudyKind.LostToFollowUp || (o.Kind == OffStudyKind.Withdrawn && o.FollowUpAllowed != true)));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
