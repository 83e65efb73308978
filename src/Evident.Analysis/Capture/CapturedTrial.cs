using Evident.Analysis.Export;
using Evident.Analysis.Input;
using Evident.Data;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Capture;
using Evident.Randomization.Participants;

namespace Evident.Analysis.Capture;

/// <summary>
/// A trial captured by the randomization service (randomizations plus follow-up and adverse-event entries) in the
/// protocol's simple layout (<c>data.simple</c>), and mapped onto the protocol through the same reader
/// <c>evident analyze</c> uses, so an export and the live data give the same numbers. Contains arms: unblinded.
/// </summary>
/// <remarks>
/// <para>Participants are the valid randomizations in commit order; invalidated ones and their entries are left out.
/// Only the current version of each entry counts (the caller passes current versions).</para>
/// <para>Captured kinds meet protocol components through the <c>data.simple.events</c> bindings: a relapse with site
/// <c>s</c> is the component whose binding has a type column whose values contain <c>s</c> (AALL1731: <c>marrow</c> →
/// <c>marrow_relapse</c>, <c>cns</c> → <c>cns_relapse</c>, <c>combined</c>/<c>other</c> → <c>other_relapse</c>); a death is
/// the component with id <c>death</c> and a second malignancy the component with id <c>second_malignancy</c>. An entry
/// that no binding takes is an <see cref="ArgumentException"/> naming the component (or relapse site) the protocol lacks.</para>
/// <para>Per participant and event date column, the earliest entry (then the lowest entry id) gives the date and the
/// type value (a relapse's site). Last contact is the latest date among all the participant's current entries (adverse
/// events included), the end (resolution) dates of their adverse events (a resolution date is a date the participant was
/// followed) and the randomization date; the randomization date is the UTC date of
/// <see cref="Allocation.RandomizedAt"/>. Strata and the baseline covariates recorded at randomization
/// (<see cref="Allocation.Covariates"/>) are written as the binding's data values; a covariate not recorded is empty. The adverse-event table has one row per current adverse event (participant,
/// term, grade as <c>data.simple.adverse_events</c> names them, default <c>participant_id, term, grade</c>) plus
/// the onset date (<c>onset_date</c> unless the protocol maps <c>adverse_events.onset</c>), <c>end_date</c> (empty
/// while the event is ongoing), seriousness (<c>serious</c> unless the protocol maps <c>adverse_events.serious</c>; yes
/// or no) and <c>serious_criteria</c> (ICH E2A wire names joined by ';'), <c>attribution</c>, <c>action_taken</c>,
/// <c>outcome</c>, each empty for an event recorded without an assessment. Seriousness is read back (as
/// <see cref="AdverseEventRecord.Serious"/>) where the protocol maps <c>adverse_events.serious</c>. Off-study records (off therapy, withdrawn, lost to follow-up) fill the participant
/// table's <c>data.simple.off_study</c> columns, or default ones where the protocol maps none (<c>off_therapy_date</c>,
/// <c>off_therapy_reason</c>, <c>withdrawal_date</c>, <c>withdrawal_reason</c>, <c>withdrawal_follow_up</c>,
/// <c>lost_date</c>, <c>lost_reason</c>). Where the protocol maps them they become <see cref="TrialParticipant.OffStudy"/>,
/// and a withdrawal that allows no further follow-up ends endpoints with <c>censor_at: withdrawal</c>; columns it does not
/// map are written for the reader of the export but not read, so the live data and an export always agree. A loss to
/// follow-up's date is not a contact.</para>
/// </remarks>
public static class CapturedTrial
{
    /// <summary>The component id a captured death maps to.</summary>
    public const string DeathComponent = "death";

    /// <summary>The component id a captured second malignancy maps to.</summary>
    public const string SecondMalignancyComponent = "second_malignancy";

    /// <summary>The simple layout (protocol <c>data.simple</c> column names) as in-memory tables.</summary>
    /// <param name="protocol">The trial's protocol; it must have a <c>data.simple</c> mapping.</param>
    /// <param name="randomizations">The trial's randomizations (invalidated ones are skipped).</param>
    /// <param name="entries">The current captured entries of the trial.</param>
    /// <returns>The participant table and the adverse-event table (with <c>onset_date</c> and <c>end_date</c>).</returns>
    /// <exception cref="ArgumentException">The protocol has no <c>data.simple</c> mapping, or none for a captured kind (see remarks).</exception>
    public static (DataTable Participants, DataTable AdverseEvents) SimpleTables(TrialProtocol protocol, IReadOnlyList<Allocation> randomizations, IReadOnlyList<CaptureEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(randomizations);
        ArgumentNullException.ThrowIfNull(entries);
        protocol = WithCaptureColumns(protocol);
        var map = SimpleLayoutTable.Mapping(protocol);
        var byParticipant = entries.GroupBy(e => e.ParticipantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = new List<SimpleLayoutRow>();
        var adverseEvents = new List<SimpleLayoutAdverseEvent>();
        foreach (var r in randomizations.Where(r => r.InvalidatedAt is null).OrderBy(r => r.Id))
        {
            var own = byParticipant.GetValueOrDefault(r.ParticipantId) ?? [];
            var start = DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime);
            var events = own.Where(e => e.Content.Kind is CaptureKind.Relapse or CaptureKind.Death or CaptureKind.SecondMalignancy)
                            .Select(e => (Entry: e, Binding: BindingOf(protocol, map, e.Content)))
                            .GroupBy(x => x.Binding.DateColumn, StringComparer.Ordinal)
                            .Select(g => g.OrderBy(x => x.Entry.Content.Date).ThenBy(x => x.Entry.EntryId).First())
                            .Select(x => (x.Binding, x.Entry.Content.Date, x.Entry.Content.RelapseSite))
                            .ToArray();
            rows.Add(new SimpleLayoutRow(
                r.ParticipantId, r.Arm, r.Site,
                protocol.Strata.Select(f => r.Strata.GetValueOrDefault(f.Id)).ToArray(),
                protocol.Covariates.Select(c => r.Covariates.GetValueOrDefault(c.Id)).ToArray(),
                start, LastContact(own, start), events)
            {
                OffStudy = OffStudy(own),
            });
        }
        foreach (var e in AdverseEventEntries(randomizations, entries))
            adverseEvents.Add(new SimpleLayoutAdverseEvent(e.ParticipantId, e.Content.Term!, e.Content.Grade!.Value, e.Content.Date, e.Content.EndDate, e.Content.Assessment));
        string trial = protocol.Trial.Id;
        return (SimpleLayoutTable.Participants(protocol, rows, $"{trial} captured participants"),
                SimpleLayoutTable.AdverseEvents(protocol, adverseEvents, withOnset: true, $"{trial} captured adverse events"));
    }

    /// <summary>The same data mapped onto the protocol, exactly as <c>evident analyze</c> maps the exported files.</summary>
    /// <param name="protocol">The trial's protocol; it must have a <c>data.simple</c> mapping.</param>
    /// <param name="randomizations">The trial's randomizations (invalidated ones are skipped).</param>
    /// <param name="entries">The current captured entries of the trial.</param>
    /// <exception cref="ArgumentException">As for <see cref="SimpleTables"/>.</exception>
    /// <exception cref="DataInputException">The captured data do not fit the protocol (e.g. a stratum level it does not list).</exception>
    public static TrialData ToTrialData(TrialProtocol protocol, IReadOnlyList<Allocation> randomizations, IReadOnlyList<CaptureEntry> entries)
    {
        var (participants, adverseEvents) = SimpleTables(protocol, randomizations, entries);
        var data = SimpleLayoutReader.Read(protocol, participants, protocol.Data.Simple!.AdverseEvents is null ? null : adverseEvents);
        var captured = AdverseEventEntries(randomizations, entries);
        if (data.AdverseEvents.Count != captured.Count) return data;
        // Rows in the same order as written: each carries its end date and assessment for the ADaM export (ADAE).
        return data with
        {
            AdverseEvents = data.AdverseEvents.Select((e, i) => e with { End = captured[i].Content.EndDate, Assessment = captured[i].Content.Assessment }).ToArray(),
        };
    }

    /// <summary>The current adverse events of the valid randomizations: participants in commit order, each one's events by onset then entry id.</summary>
    private static List<CaptureEntry> AdverseEventEntries(IReadOnlyList<Allocation> randomizations, IReadOnlyList<CaptureEntry> entries)
    {
        var byParticipant = entries.Where(e => e.Content.Kind == CaptureKind.AdverseEvent).ToLookup(e => e.ParticipantId, StringComparer.Ordinal);
        return randomizations.Where(r => r.InvalidatedAt is null).OrderBy(r => r.Id)
            .SelectMany(r => byParticipant[r.ParticipantId].OrderBy(e => e.Content.Date).ThenBy(e => e.EntryId)).ToList();
    }

    /// <summary>
    /// The protocol with the columns capture always writes mapped: every off-study kind (date, reason, and for a
    /// withdrawal follow-up allowed) under the protocol's names or, where it maps none, <c>off_therapy_date</c>,
    /// <c>off_therapy_reason</c>, <c>withdrawal_date</c>, <c>withdrawal_reason</c>, <c>withdrawal_follow_up</c>,
    /// <c>lost_date</c>, <c>lost_reason</c>; and an adverse event's onset (<c>onset_date</c> unless mapped) and
    /// seriousness (<c>serious</c> unless mapped). Used for
    /// writing only: the data are read with the protocol as registered, so the live data and an export of them agree.
    /// </summary>
    private static TrialProtocol WithCaptureColumns(TrialProtocol protocol)
    {
        var map = SimpleLayoutTable.Mapping(protocol);
        var off = map.OffStudy;
        var columns = new OffStudyColumns(
            Filled(off?.OffTherapy, "off_therapy_date", "off_therapy_reason", null),
            Filled(off?.Withdrawn, "withdrawal_date", "withdrawal_reason", "withdrawal_follow_up"),
            Filled(off?.LostToFollowUp, "lost_date", "lost_reason", null));
        var ae = map.AdverseEvents is { } a ? a with { Onset = a.Onset ?? SimpleLayoutTable.OnsetColumn, Serious = a.Serious ?? SimpleLayoutTable.SeriousColumn } : null;
        return protocol with { Data = protocol.Data with { Simple = map with { OffStudy = columns, AdverseEvents = ae } } };
    }

    private static OffStudyColumnSet Filled(OffStudyColumnSet? set, string date, string reason, string? allowed) =>
        new(set?.Date ?? date, set?.Reason ?? reason, set?.FollowUpAllowed ?? allowed);

    /// <summary>The participant's off-study records, from their current off-study entries.</summary>
    private static IReadOnlyList<OffStudyRecord> OffStudy(IEnumerable<CaptureEntry> own) => own
        .Where(e => CaptureKinds.IsOffStudy(e.Content.Kind))
        .Select(e => new OffStudyRecord(e.Content.Kind switch
        {
            CaptureKind.OffTherapy => OffStudyKind.OffTherapy,
            CaptureKind.Withdrawn => OffStudyKind.Withdrawn,
            _ => OffStudyKind.LostToFollowUp,
        }, e.Content.Date, e.Content.OffStudyReason, e.Content.FollowUpAllowed))
        .ToArray();

    /// <summary>
    /// The captured records mapped onto their protocol: the valid randomizations in commit order, the current entries of
    /// those participants, and the simple-layout data <c>evident analyze</c> would read from an export of them.
    /// </summary>
    /// <param name="records">What the store holds for the trial (see <c>CaptureStorage.ReadCapturedAsync</c> in Evident.Storage).</param>
    /// <exception cref="ArgumentException">The protocol has no <c>data.simple</c> mapping, or none for a captured kind.</exception>
    public static CapturedTrialData Map(CapturedRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var randomizations = records.Randomizations.Where(r => r.InvalidatedAt is null).OrderBy(r => r.Id).ToArray();
        var valid = randomizations.Select(r => r.ParticipantId).ToHashSet(StringComparer.Ordinal);
        var entries = records.Entries.Where(e => valid.Contains(e.ParticipantId)).ToArray();
        return new CapturedTrialData(records.Trial, randomizations, entries, ToTrialData(records.Trial.Protocol, randomizations, entries),
            records.Randomizations.Count - randomizations.Length);
    }

    /// <summary>
    /// The latest of the randomization date, every entry's date (but a loss to follow-up's, which is no contact) and every
    /// adverse event's end date.
    /// </summary>
    private static DateOnly LastContact(IEnumerable<CaptureEntry> own, DateOnly randomized) =>
        ParticipantSummary.LastContactOf(own.Select(e => e.Content), randomized);

    /// <summary>The <c>data.simple.events</c> binding that records a captured event (see the type's remarks).</summary>
    private static ComponentColumns BindingOf(TrialProtocol protocol, SimpleLayoutMapping map, CaptureInput content)
    {
        if (content.Kind == CaptureKind.Relapse)
            return map.Events.FirstOrDefault(b => b.TypeColumn is not null && b.TypeValues.Contains(content.RelapseSite!, StringComparer.Ordinal))
                   ?? throw new ArgumentException(
                       $"{protocol.SourceName}: no data.simple.events binding has a type column with the relapse site '{content.RelapseSite}', " +
                       "so captured relapses at that site cannot be mapped to a component.", nameof(protocol));
        string component = content.Kind == CaptureKind.Death ? DeathComponent : SecondMalignancyComponent;
        return map.Events.FirstOrDefault(b => b.Component == component)
               ?? throw new ArgumentException(
                   $"{protocol.SourceName}: data.simple.events has no binding for component '{component}', so captured " +
                   $"{CaptureKinds.Name(content.Kind)} entries cannot be mapped; add e.g. '{component}: {{date: {component}_date}}'.", nameof(protocol));
    }
}
