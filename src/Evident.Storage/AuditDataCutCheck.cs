using System.Globalization;
using Evident.Randomization;
using Evident.Randomization.Audit;

namespace Evident.Storage;

/// <summary>
/// The <c>data_cuts</c> table against the trail. A cut is written once with its <c>data_cut.freeze</c> record in one
/// transaction (<see cref="DataCutStorage.FreezeDataCutAsync"/>), so the record's details rebuilt from the row
/// (<see cref="AuditDetails.DataCutFrozen"/>: cut-off, data SHA-256, number, participants, protocol SHA-256), its actor (who froze it) and
/// its time must be the record's, byte for byte; the files stored in the row must still hash to that SHA-256
/// (<see cref="DataCutFiles.Sha256"/>), so a file edited in the table is named even when its hash column was edited too;
/// and every <c>data_cut.freeze</c> record must have its row (a deleted cut is named).
/// </summary>
internal static class AuditDataCutCheck
{
    private const string SelectRows =
        "SELECT trial_id, id, cutoff, frozen_at, frozen_by, data_sha256, participants, participants_csv, adverse_events_csv, protocol_sha256 FROM data_cuts ORDER BY trial_id, id";

    /// <summary>The first disagreement between the <c>data_cuts</c> table and <paramref name="records"/>, or null.</summary>
    public static async Task<(long? Sequence, string Problem)?> FirstDisagreementAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "data_cut.freeze").GroupBy(r => (r.TrialId, r.Entity)).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<(string?, string)>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectRows);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string trialId = reader.GetString(0), frozenAt = reader.GetString(3), frozenBy = reader.GetString(4), hash = reader.GetString(5);
            long id = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            string row = $"data cut {id} of trial {trialId}", entity = $"data_cut:{id}";
            if (!trail.TryGetValue((trialId, entity), out var record))
                return (null, $"{row} has no data_cut.freeze record in the audit trail");
            seen.Add((trialId, entity));
            if (!DateOnly.TryParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cutoff))
                return (record.Sequence, $"{row} has the cut-off '{reader.GetString(2)}', not a date as yyyy-mm-dd; audit record {record.Sequence} says {record.Details}");
            // A record written before the protocol's hash was recorded cannot vouch for it; every later one does.
            string? protocol = record.Details.Contains("\"protocol_sha256\"", StringComparison.Ordinal) ? reader.GetString(9) : null;
            string details = AuditDetails.DataCutFrozen(id, cutoff, hash, Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture), protocol);
            if (details != record.Details)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says {details}, the trail says {record.Details}");
            if (frozenBy != record.Actor || frozenAt != record.At)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says frozen by {frozenBy} at {frozenAt}, the trail says {record.Actor} at {record.At}");
            string files = new DataCutFiles(reader.GetString(7), reader.GetString(8)).Sha256();
            if (files != hash)
                return (record.Sequence, $"{row}: its stored files hash to {files}, not to the SHA-256 {hash} that audit record {record.Sequence} recorded when it was frozen (participants.csv or adverse_events.csv was edited in the table)");
        }
        var orphan = trail.Values.Where(r => !seen.Contains((r.TrialId, r.Entity))).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} freezes {orphan.Entity} of trial {orphan.TrialId}, but the data_cuts table has no such row");
    }
}
