using System.Data.Common;
using System.Globalization;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Capture;

namespace Evident.Storage;

/// <summary>
/// Follow-up, adverse-event and off-study capture on a <see cref="TrialStore"/>: record, correct (a new version with a reason, never
/// an overwrite), and read current entries and full history. Every write runs in the store's group-commit writer, in
/// the same transaction as its audit record (<c>capture.record</c> / <c>capture.correct</c>, entity
/// <c>participant:ID</c>), after the rules of <see cref="CaptureRules"/> are checked against the participant's current
/// entries read in that transaction.
/// </summary>
public static class CaptureStorage
{
    private const string SelectEntry =
        "SELECT entry_id, version, trial_id, participant_id, site_id, kind, event_date, relapse_site, term, grade, recorded_at, recorded_by, reason, end_date, off_reason, follow_up_allowed, " +
        "serious, serious_criteria, attribution, action_taken, outcome FROM capture_entries";

    /// <summary>Records a new entry (version 1) for a randomized participant; an adverse event's listed term is stored in the list's spelling.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant (randomized, not invalidated).</param>
    /// <param name="input">What to record.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">The participant is not randomized in the trial.</exception>
    /// <exception cref="StoreConflictException">The participant's randomization is invalidated.</exception>
    /// <exception cref="CaptureValidationException">The entry breaks a rule; nothing is stored.</exception>
    public static Task<CaptureEntry> RecordAsync(this TrialStore store, string trialId, string participantId, CaptureInput input, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(input);
        return store.WriteAsync(async w =>
        {
            var r = await RequireParticipantAsync(w, trialId, participantId);
            var current = Current(await ReadAsync(w.Command(SelectEntry + " WHERE trial_id = @t AND participant_id = @p ORDER BY entry_id, version", ("@t", trialId), ("@p", participantId))));
            var terms = await TermsAsync(store, trialId);
            input = Canonical(input, terms);
            Check(input, r, w.Now, current.Select(e => e.Content), terms);
            var next = w.Command("SELECT COALESCE(MAX(entry_id), 0) + 1 FROM capture_entries WHERE trial_id = @t", ("@t", trialId));
            long entryId = Convert.ToInt64(await next.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var entry = new CaptureEntry(entryId, 1, trialId, participantId, r.Site, input, w.Now, actor, null);
            await InsertAsync(w, entry, "capture.record");
            return entry;
        });
    }

    /// <summary>Corrects an entry: stores version n + 1 with <paramref name="reason"/>; earlier versions stay.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant the entry belongs to.</param>
    /// <param name="entryId">The entry.</param>
    /// <param name="input">The corrected content (checked as if it replaced the current version).</param>
    /// <param name="reason">Why (required, non-blank).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">The participant is not randomized, or the entry is not theirs.</exception>
    /// <exception cref="StoreConflictException">The participant's randomization is invalidated.</exception>
    /// <exception cref="CaptureValidationException">The corrected content breaks a rule; nothing is stored.</exception>
    public static Task<CaptureEntry> CorrectAsync(this TrialStore store, string trialId, string participantId, long entryId, CaptureInput input, string reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return store.WriteAsync(async w =>
        {
            var r = await RequireParticipantAsync(w, trialId, participantId);
            var current = Current(await ReadAsync(w.Command(SelectEntry + " WHERE trial_id = @t AND participant_id = @p ORDER BY entry_id, version", ("@t", trialId), ("@p", participantId))));
            var old = current.FirstOrDefault(e => e.EntryId == entryId)
                      ?? throw new StoreNotFoundException($"Entry {entryId} is not an entry of participant '{participantId}'.");
            var terms = await TermsAsync(store, trialId);
            input = Canonical(input, terms);
            Check(input, r, w.Now, current.Where(e => e.EntryId != entryId).Select(e => e.Content), terms);
            var entry = new CaptureEntry(entryId, old.Version + 1, trialId, participantId, r.Site, input, w.Now, actor, reason);
            await InsertAsync(w, entry, "capture.correct");
            return entry;
        });
    }

    /// <summary>The current version of each of a participant's entries, by entry id.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    public static async Task<IReadOnlyList<CaptureEntry>> ListCurrentAsync(this TrialStore store, string trialId, string participantId) =>
        Current(await HistoryAsync(store, trialId, participantId));

    /// <summary>Every version of every entry of a participant, by entry id then version.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    public static async Task<IReadOnlyList<CaptureEntry>> HistoryAsync(this TrialStore store, string trialId, string participantId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectEntry + " WHERE trial_id = @t AND participant_id = @p ORDER BY entry_id, version",
            ("@t", trialId), ("@p", participantId));
        return await ReadAsync(command);
    }

    /// <summary>The trial, every randomization (invalidated ones included) and the current version of every entry, for the analysis to map.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <exception cref="StoreNotFoundException">No such trial.</exception>
    public static async Task<CapturedRecords> ReadCapturedAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trialId);
        var trial = await store.GetTrialAsync(trialId) ?? throw new StoreNotFoundException($"Trial '{trialId}' does not exist.");
        return new CapturedRecords(trial, await store.ListRandomizationsAsync(trialId), await store.ListTrialCurrentAsync(trialId));
    }

    /// <summary>The current version of every entry of a trial, by entry id (for export).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<IReadOnlyList<CaptureEntry>> ListTrialCurrentAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectEntry + " WHERE trial_id = @t ORDER BY entry_id, version", ("@t", trialId));
        return Current(await ReadAsync(command));
    }

    private static async Task<Allocation> RequireParticipantAsync(WriteContext w, string trialId, string participantId)
    {
        var r = await RandomizationRows.ReadOneAsync(w, trialId, participantId)
                ?? throw new StoreNotFoundException($"Participant '{participantId}' is not randomized in this trial.");
        if (r.InvalidatedAt is not null) throw new StoreConflictException($"The randomization of participant '{participantId}' is invalidated; nothing can be recorded for it.");
        return r;
    }

    /// <summary>The trial's adverse-event term list (its protocol is cached once read), or null.</summary>
    private static async Task<AdverseEventTerms?> TermsAsync(TrialStore store, string trialId) =>
        (await store.GetTrialAsync(trialId))?.Protocol.AdverseEventTerms;

    /// <summary>An adverse event's listed term in the list's spelling ("sepsis" is stored as "Sepsis"); anything else unchanged.</summary>
    private static CaptureInput Canonical(CaptureInput input, AdverseEventTerms? terms) =>
        input.Kind == CaptureKind.AdverseEvent && input.Term is { } term && terms?.Find(term) is { } listed ? input with { Term = listed.Term } : input;

    private static void Check(CaptureInput input, Allocation r, DateTimeOffset now, IEnumerable<CaptureInput> others, AdverseEventTerms? terms)
    {
        var problems = CaptureRules.Problems(input, DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime), others, terms);
        if (problems.Count > 0) throw new CaptureValidationException(problems);
    }

    /// <summary>One version of an entry, read inside a write transaction, or null.</summary>
    internal static async Task<CaptureEntry?> ReadVersionAsync(WriteContext w, string trialId, long entryId, int version) =>
        (await ReadAsync(w.Command(SelectEntry + " WHERE trial_id = @t AND entry_id = @e AND version = @v", ("@t", trialId), ("@e", entryId), ("@v", version)))).SingleOrDefault();

    /// <summary>Every version of every entry of every trial, for checking the table against the audit trail.</summary>
    internal static async Task<IReadOnlyList<CaptureEntry>> ReadEveryVersionAsync(TrialStore store)
    {
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectEntry + " ORDER BY id");
        return await ReadAsync(command);
    }

    private static async Task InsertAsync(WriteContext w, CaptureEntry e, string action)
    {
        var c = e.Content;
        var a = c.Assessment;
        string date = AuditDetails.Date(c.Date);
        string? endDate = c.EndDate is { } end ? AuditDetails.Date(end) : null;
        await w.Command(
            "INSERT INTO capture_entries (trial_id, participant_id, site_id, entry_id, version, kind, event_date, relapse_site, term, grade, recorded_at, recorded_by, reason, end_date, off_reason, follow_up_allowed, " +
            "serious, serious_criteria, attribution, action_taken, outcome) " +
            "VALUES (@t, @p, @s, @e, @v, @k, @d, @rs, @term, @g, @at, @by, @why, @end, @off, @fua, @ser, @crit, @attr, @act, @out)",
            ("@t", e.TrialId), ("@p", e.ParticipantId), ("@s", e.Site), ("@e", e.EntryId), ("@v", e.Version), ("@k", CaptureKinds.Name(c.Kind)), ("@d", date),
            ("@rs", c.RelapseSite), ("@term", c.Term), ("@g", c.Grade), ("@at", w.NowText), ("@by", e.RecordedBy), ("@why", e.Reason), ("@end", endDate),
            ("@off", c.OffStudyReason), ("@fua", c.FollowUpAllowed is { } allowed ? (allowed ? 1 : 0) : null),
            ("@ser", a?.Serious is { } serious ? (serious ? 1 : 0) : null), ("@crit", a is null ? null : string.Join(',', AdverseEventCodes.Names(a.Criteria))),
            ("@attr", a?.Attribution is { } attribution ? AdverseEventCodes.Name(attribution) : null), ("@act", a?.Action is { } taken ? AdverseEventCodes.Name(taken) : null),
            ("@out", a?.Outcome is { } outcome ? AdverseEventCodes.Name(outcome) : null)).ExecuteNonQueryAsync();
        await w.AppendAuditAsync(e.TrialId, e.RecordedBy, action, $"participant:{e.ParticipantId}", AuditDetails.Captured(e), e.Reason);
    }

    private static async Task<IReadOnlyList<CaptureEntry>> ReadAsync(DbCommand command)
    {
        var list = new List<CaptureEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            CaptureKinds.TryParse(reader.GetString(5), out var kind);
            var content = new CaptureInput(kind, DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Sql.NullableString(reader, 7), Sql.NullableString(reader, 8), reader.IsDBNull(9) ? null : Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture))
            {
                EndDate = reader.IsDBNull(13) ? null : DateOnly.ParseExact(reader.GetString(13), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                OffStudyReason = Sql.NullableString(reader, 14),
                FollowUpAllowed = reader.IsDBNull(15) ? null : Convert.ToInt64(reader.GetValue(15), CultureInfo.InvariantCulture) != 0,
                Assessment = ReadAssessment(reader),
            };
            list.Add(new CaptureEntry(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), content, Sql.ParseTime(reader.GetString(10)), reader.GetString(11), Sql.NullableString(reader, 12)));
        }
        return list;
    }

    /// <summary>Columns 16–20: an adverse event's assessment, null when it was recorded without one (every column null).</summary>
    private static AdverseEventAssessment? ReadAssessment(DbDataReader reader)
    {
        string? criteria = Sql.NullableString(reader, 17), attribution = Sql.NullableString(reader, 18), action = Sql.NullableString(reader, 19), outcome = Sql.NullableString(reader, 20);
        if (reader.IsDBNull(16) && criteria is null && attribution is null && action is null && outcome is null) return null;
        AdverseEventCodes.TryParseCriteria(criteria is null or "" ? [] : criteria.Split(','), out var met, out _);
        return new AdverseEventAssessment(reader.IsDBNull(16) ? null : Convert.ToInt64(reader.GetValue(16), CultureInfo.InvariantCulture) != 0, met,
            AdverseEventCodes.ParseAttribution(attribution), AdverseEventCodes.ParseAction(action), AdverseEventCodes.ParseOutcome(outcome));
    }

    /// <summary>The last version of each entry of a list ordered by entry id then version.</summary>
    private static IReadOnlyList<CaptureEntry> Current(IReadOnlyList<CaptureEntry> ordered)
    {
        var current = new List<CaptureEntry>();
        for (int i = 0; i < ordered.Count; i++)
            if (i + 1 == ordered.Count || ordered[i + 1].EntryId != ordered[i].EntryId) current.Add(ordered[i]);
        return current;
    }
}
