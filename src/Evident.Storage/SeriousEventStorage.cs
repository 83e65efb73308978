using System.Globalization;
using Evident.Randomization.Capture;

namespace Evident.Storage;

/// <summary>
/// The expedited review of serious adverse events on a <see cref="TrialStore"/>: the serious events whose current
/// version nobody has reviewed, and marking one reviewed. A review is a row of <c>serious_event_reviews</c>, never
/// updated, written in the group-commit writer in the same transaction as its audit record (<c>sae.review</c>, entity
/// <c>participant:ID</c>, details by <see cref="AuditDetails.SeriousEventReviewed"/>, the remark as the reason).
/// </summary>
public static class SeriousEventStorage
{
    /// <summary>
    /// The serious adverse events still to review: the current version of each serious adverse event of a valid
    /// randomization with no review of that version, oldest onset first.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<IReadOnlyList<CaptureEntry>> ListSeriousEventsToReviewAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var records = await store.ReadCapturedAsync(trialId);
        var valid = records.Randomizations.Where(r => r.InvalidatedAt is null).Select(r => r.ParticipantId).ToHashSet(StringComparer.Ordinal);
        var reviewed = await ReviewedAsync(store, trialId);
        return records.Entries.Where(e => SeriousEventReview.IsSerious(e) && valid.Contains(e.ParticipantId) && !reviewed.Contains((e.EntryId, e.Version)))
                      .OrderBy(e => e.Content.Date).ThenBy(e => e.EntryId).ToArray();
    }

    /// <summary>Every review of the trial's serious adverse events, oldest first (optionally of one participant).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">Only this participant's, when given.</param>
    public static async Task<IReadOnlyList<SeriousEventReview>> ListSeriousEventReviewsAsync(this TrialStore store, string trialId, string? participantId = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT entry_id, version, participant_id, site_id, reviewed_at, reviewed_by, note FROM serious_event_reviews WHERE trial_id = @t" +
            (participantId is null ? "" : " AND participant_id = @p") + " ORDER BY id", ("@t", trialId), ("@p", participantId ?? ""));
        var list = new List<SeriousEventReview>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new SeriousEventReview(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), Sql.ParseTime(reader.GetString(4)), reader.GetString(5), Sql.NullableString(reader, 6)));
        return list;
    }

    /// <summary>Marks the current version of a serious adverse event reviewed.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant (randomized, not invalidated).</param>
    /// <param name="entryId">The adverse event's entry.</param>
    /// <param name="note">The reviewer's remark, or null.</param>
    /// <param name="actor">Who (an admin or the unblinded statistician; the caller checks the role).</param>
    /// <exception cref="StoreNotFoundException">The participant is not randomized, or the entry is not theirs.</exception>
    /// <exception cref="StoreConflictException">The randomization is invalidated, the entry is not a serious adverse event, or its current version is reviewed already.</exception>
    public static Task<SeriousEventReview> ReviewSeriousEventAsync(this TrialStore store, string trialId, string participantId, long entryId, string? note, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.WriteAsync(async w =>
        {
            var r = await RandomizationRows.ReadOneAsync(w, trialId, participantId)
                    ?? throw new StoreNotFoundException($"Participant '{participantId}' is not randomized in this trial.");
            if (r.InvalidatedAt is not null) throw new StoreConflictException($"The randomization of participant '{participantId}' is invalidated; nothing can be reviewed for it.");
            var versions = w.Command("SELECT MAX(version) FROM capture_entries WHERE trial_id = @t AND participant_id = @p AND entry_id = @e",
                ("@t", trialId), ("@p", participantId), ("@e", entryId));
            object? max = await versions.ExecuteScalarAsync();
            if (max is null or DBNull) throw new StoreNotFoundException($"Entry {entryId} is not an entry of participant '{participantId}'.");
            int version = Convert.ToInt32(max, CultureInfo.InvariantCulture);
            var entry = (await CaptureStorage.ReadVersionAsync(w, trialId, entryId, version))!;
            if (!SeriousEventReview.IsSerious(entry)) throw new StoreConflictException($"Entry {entryId} is not a serious adverse event; only serious adverse events are reviewed.");
            var done = w.Command("SELECT COUNT(*) FROM serious_event_reviews WHERE trial_id = @t AND entry_id = @e AND version = @v", ("@t", trialId), ("@e", entryId), ("@v", version));
            if (await Sql.CountAsync(done) > 0) throw new StoreConflictException($"Version {version} of entry {entryId} is reviewed already.");
            var review = new SeriousEventReview(entryId, version, participantId, r.Site, w.Now, actor, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            await w.Command(
                "INSERT INTO serious_event_reviews (trial_id, participant_id, site_id, entry_id, version, reviewed_at, reviewed_by, note) VALUES (@t, @p, @s, @e, @v, @at, @by, @n)",
                ("@t", trialId), ("@p", participantId), ("@s", r.Site), ("@e", entryId), ("@v", version), ("@at", w.NowText), ("@by", actor), ("@n", review.Note)).ExecuteNonQueryAsync();
            await w.AppendAuditAsync(trialId, actor, "sae.review", $"participant:{participantId}", AuditDetails.SeriousEventReviewed(review), review.Note);
            return review;
        });
    }

    private static async Task<HashSet<(long, int)>> ReviewedAsync(TrialStore store, string trialId)
    {
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT entry_id, version FROM serious_event_reviews WHERE trial_id = @t", ("@t", trialId));
        var set = new HashSet<(long, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            set.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        return set;
    }
}
