using Evident.Analysis.Input;
using Evident.Protocol;
using Evident.Statistics.Safety;

namespace Evident.Analysis.Oversight;

/// <summary>
/// The adverse events of the participants analysed as a monitoring committee reads them beside the safety comparisons:
/// participants by their highest grade per arm, the listing of serious adverse events, and, when the protocol's term
/// list gives organ classes, participants by system organ class and term. Events whose onset is after the cut-off are
/// left out; events without an onset date are kept.
/// </summary>
/// <param name="MaximumGrade">Participants by highest grade (0 = no adverse event) per arm.</param>
/// <param name="SeriousRecorded">Whether the data say for any event whether it is serious; false: the listing is empty because seriousness is not recorded.</param>
/// <param name="Serious">The serious adverse events, by arm, participant, onset and term.</param>
/// <param name="ByOrganClass">Organ classes in the term list's order (other terms last), each followed by its terms; empty when the protocol maps no organ class.</param>
public sealed record AdverseEventOverview(MaximumGradeTable MaximumGrade, bool SeriousRecorded, IReadOnlyList<SeriousAdverseEvent> Serious, IReadOnlyList<OrganClassRow> ByOrganClass)
{
    /// <summary>The organ class of terms outside the protocol's list, or listed without one.</summary>
    public const string OtherOrganClass = "Other or unclassified";

    /// <summary>Summarizes the adverse events of <paramref name="participants"/>.</summary>
    /// <param name="protocol">The protocol (arms, term list).</param>
    /// <param name="data">The trial's data (its adverse events index <see cref="TrialData.Participants"/>).</param>
    /// <param name="participants">Indices into <see cref="TrialData.Participants"/> of the participants analysed.</param>
    /// <param name="cutoff">The data cut-off, or null.</param>
    public static AdverseEventOverview Summarize(TrialProtocol protocol, TrialData data, IReadOnlyList<int> participants, DateOnly? cutoff)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(participants);
        var position = new Dictionary<int, int>(participants.Count);
        for (int i = 0; i < participants.Count; i++) position[participants[i]] = i;
        var events = data.AdverseEvents.Where(e => position.ContainsKey(e.Participant) && (cutoff is not { } cut || e.Onset is not { } onset || onset <= cut)).ToArray();
        var arm = participants.Select(i => data.Participants[i].Arm).ToArray();
        var maximum = Statistics.Safety.MaximumGrade.Tabulate(arm, protocol.Arms.Count, events.Select(e => position[e.Participant]).ToArray(), events.Select(e => e.Grade).ToArray());
        var serious = events.Where(e => e.Serious == true)
                            .Select(e => new SeriousAdverseEvent(data.Participants[e.Participant].Id, protocol.Arms[data.Participants[e.Participant].Arm].Id,
                                                                 e.Term, protocol.AdverseEventTerms?.Find(e.Term)?.OrganClass, e.Grade, e.Onset))
                            .OrderBy(s => protocol.Arms.ToList().FindIndex(a => a.Id == s.Arm)).ThenBy(s => s.Participant, StringComparer.Ordinal)
                            .ThenBy(s => s.Onset).ThenBy(s => s.Term, StringComparer.Ordinal).ToArray();
        return new AdverseEventOverview(maximum, events.Any(e => e.Serious is not null), serious.AsReadOnly(), OrganClassRows(protocol, data, events));
    }

    private static IReadOnlyList<OrganClassRow> OrganClassRows(TrialProtocol protocol, TrialData data, AdverseEventRecord[] events)
    {
        if (protocol.AdverseEventTerms is not { } list || list.Terms.All(t => t.OrganClass is null)) return [];
        string ClassOf(string term) => list.Find(term)?.OrganClass ?? OtherOrganClass;
        string TermOf(string term) => list.Find(term)?.Term ?? term;
        var order = list.Terms.Select(t => t.OrganClass ?? OtherOrganClass).Append(OtherOrganClass).Distinct().ToList();
        var terms = list.Terms.Select(t => t.Term).ToList();
        var rows = new List<OrganClassRow>();
        foreach (var organClass in events.GroupBy(e => ClassOf(e.Term)).OrderBy(g => order.IndexOf(g.Key)))
        {
            rows.Add(new OrganClassRow(organClass.Key, null, Participants(protocol, data, organClass)));
            foreach (var term in organClass.GroupBy(e => TermOf(e.Term), StringComparer.OrdinalIgnoreCase)
                                           .OrderBy(g => terms.IndexOf(g.Key) is var k && k >= 0 ? k : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal))
                rows.Add(new OrganClassRow(organClass.Key, term.Key, Participants(protocol, data, term)));
        }
        return rows.AsReadOnly();
    }

    /// <summary>Distinct participants with an event among <paramref name="events"/>, per arm.</summary>
    private static IReadOnlyList<int> Participants(TrialProtocol protocol, TrialData data, IEnumerable<AdverseEventRecord> events)
    {
        var counts = new int[protocol.Arms.Count];
        foreach (int p in events.Select(e => e.Participant).Distinct()) counts[data.Participants[p].Arm]++;
        return Array.AsReadOnly(counts);
    }
}
