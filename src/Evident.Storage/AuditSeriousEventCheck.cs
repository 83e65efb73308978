using System.Globalization;
using Evident.Randomization.Audit;
using Evident.Randomization.Capture;

namespace Evident.Storage;

/// <summary>
/// The <c>serious_event_reviews</c> table against the trail. A review is written once with its <c>sae.review</c> record
/// in one transaction (<see cref="SeriousEventStorage.ReviewSeriousEventAsync"/>), so the record's details rebuilt from
/// the row (<see cref="AuditDetails.SeriousEventReviewed"/>: entry, site, version), its entity (the participant), its
/// actor (who reviewed), its time and its reason (the remark) must be the record's, byte for byte; and every
/// <c>sae.review</c> record must have its row (a deleted review is named).
/// </summary>
internal static class AuditSeriousEventCheck
{
    private const string SelectRows =
        "SELECT id, trial_id, participant_id, site_id, entry_id, version, reviewed_at, reviewed_by, note FROM serious_event_reviews ORDER BY id";

    /// <summary>The first disagreement between the <c>serious_event_reviews</c> table and <paramref name="records"/>, or null.</summary>
    public static async Task<(long? Sequence, string Problem)?> FirstDisagreementAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "sae.review").ToLookup(r => (r.TrialId, r.Entity, r.Details));
        var seen = new HashSet<long>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectRows);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            long id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            string trialId = reader.GetString(1), participant = reader.GetString(2), at = reader.GetString(6), by = reader.GetString(7);
            string? note = Sql.NullableString(reader, 8);
            var review = new SeriousEventReview(Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                participant, reader.GetString(3), DateTimeOffset.MinValue, by, note);
            string details = AuditDetails.SeriousEventReviewed(review);
            string row = $"serious event review {id} (entry {review.EntryId} version {review.Version} of participant '{participant}' of trial {trialId})";
            var record = trail[(trialId, $"participant:{participant}", details)].FirstOrDefault(r => !seen.Contains(r.Sequence));
            if (record is null)
                return (null, $"{row} has no sae.review record with its content in the audit trail: the table says {details}");
            seen.Add(record.Sequence);
            if (by != record.Actor || at != record.At)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says reviewed by {by} at {at}, the trail says {record.Actor} at {record.At}");
            if (note != record.Reason)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table's remark is {Quoted(note)}, the trail's is {Quoted(record.Reason)}");
        }
        var orphan = trail.SelectMany(g => g).Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} reviews a serious adverse event of {orphan.Entity} of trial {orphan.TrialId} ({orphan.Details}), but the serious_event_reviews table has no such row");
    }

    private static string Quoted(string? text) => text is null ? "empty" : $"'{text}'";
}
