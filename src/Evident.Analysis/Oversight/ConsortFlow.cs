using Evident.Analysis.Input;
using Evident.Protocol;

namespace Evident.Analysis.Oversight;

/// <summary>
/// The participant flow of a CONSORT diagram (CONSORT 2010 item 13a, figure 1) per arm: randomized (allocated), off
/// protocol therapy, withdrawn, lost to follow-up (each with its reasons), and analysed. Records dated after the cut-off
/// are not counted: the flow is what was known at the cut-off. A participant is counted once per kind and may appear
/// under several kinds (off therapy, then lost to follow-up). Every randomized participant is analysed in the arm
/// allocated (intention to treat), so <see cref="ConsortArm.Analysed"/> equals <see cref="ConsortArm.Randomized"/>.
/// </summary>
/// <param name="Arms">One entry per arm, in protocol order.</param>
/// <param name="Recorded">The kinds the data can record (the protocol maps their columns); a kind not among them is shown as 0 with that said.</param>
public sealed record ConsortFlow(IReadOnlyList<ConsortArm> Arms, IReadOnlyList<OffStudyKind> Recorded)
{
    /// <summary>The reason counted when a record gives none.</summary>
    public const string NotRecorded = "Reason not recorded";

    /// <summary>Counts the flow of the participants analysed.</summary>
    /// <param name="protocol">The protocol (arms and labels; which off-study columns the data map).</param>
    /// <param name="participants">The participants analysed (randomized on or before the cut-off).</param>
    /// <param name="cutoff">The data cut-off, or null: records dated after it are left out.</param>
    /// <param name="recorded">The kinds the data can record.</param>
    public static ConsortFlow Count(TrialProtocol protocol, IReadOnlyList<TrialParticipant> participants, DateOnly? cutoff, IReadOnlyList<OffStudyKind> recorded)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(recorded);
        var arms = new List<ConsortArm>(protocol.Arms.Count);
        for (int a = 0; a < protocol.Arms.Count; a++)
        {
            var own = participants.Where(p => p.Arm == a).ToArray();
            var steps = Enum.GetValues<OffStudyKind>().Select(kind => Step(kind, own, cutoff)).ToArray();
            arms.Add(new ConsortArm(protocol.Arms[a].Id, protocol.Arms[a].Label, own.Length, steps.AsReadOnly(), own.Length));
        }
        return new ConsortFlow(arms.AsReadOnly(), recorded);
    }

    /// <summary>The flow of all arms together (arm id and label empty), reasons merged: what an open report shows.</summary>
    public ConsortArm Pooled()
    {
        var steps = Enum.GetValues<OffStudyKind>().Select(kind =>
        {
            var own = Arms.SelectMany(a => a.Steps).Where(s => s.Kind == kind).ToArray();
            var reasons = own.SelectMany(s => s.Reasons).GroupBy(r => r.Reason, StringComparer.Ordinal)
                             .Select(g => new ConsortReason(g.Key, g.Sum(r => r.Participants)));
            return new ConsortStep(kind, own.Sum(s => s.Participants), Ordered(reasons));
        }).ToArray();
        return new ConsortArm("", "", Arms.Sum(a => a.Randomized), steps.AsReadOnly(), Arms.Sum(a => a.Analysed));
    }

    private static ConsortStep Step(OffStudyKind kind, IEnumerable<TrialParticipant> participants, DateOnly? cutoff)
    {
        var records = participants.Select(p => p.OffStudy.FirstOrDefault(r => r.Kind == kind && (cutoff is not { } cut || r.Date <= cut)))
                                  .OfType<OffStudyRecord>().ToArray();
        var reasons = records.GroupBy(r => r.Reason ?? NotRecorded, StringComparer.Ordinal).Select(g => new ConsortReason(g.Key, g.Count()));
        return new ConsortStep(kind, records.Length, Ordered(reasons));
    }

    private static IReadOnlyList<ConsortReason> Ordered(IEnumerable<ConsortReason> reasons) =>
        reasons.OrderByDescending(r => r.Participants).ThenBy(r => r.Reason, StringComparer.Ordinal).ToArray().AsReadOnly();
}
