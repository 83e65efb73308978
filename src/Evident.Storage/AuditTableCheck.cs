using System.Globalization;
using System.Text.Json;
using Evident.Randomization.Audit;
using Evident.Randomization.Queries;

namespace Evident.Storage;

/// <summary>
/// The tables against the trail: a verified chain proves only that the trail was not edited, not that the tables say
/// what the trail says. Each randomization row is written with its <c>randomize</c> record in one transaction, so the
/// record's details rebuilt from the row (<see cref="AuditDetails.Randomized"/>, with the row's eligibility answers and
/// covariates), its actor and its time must be the record's, byte for byte; and every <c>randomize</c> record must have
/// its row. An arm changed only in the table is named here. Captured entries (every version, with its
/// <c>capture.record</c> or <c>capture.correct</c> record rebuilt by <see cref="AuditDetails.Captured"/>), data queries
/// (every step, with its <c>query.*</c> record rebuilt by <see cref="AuditDetails.QueryStep"/>) and unblindings
/// (who, when, why) are checked the same way; users and tokens by <see cref="AuditAccountCheck"/>, frozen data cuts by
/// <see cref="AuditDataCutCheck"/>, serious adverse event reviews by <see cref="AuditSeriousEventCheck"/>.
/// </summary>
internal static class AuditTableCheck
{
    private const string SelectRows =
        "SELECT id, trial_id, participant_id, site_id, strata_json, eligibility_json, arm, randomized_at, randomized_by FROM randomizations ORDER BY id";

    /// <summary>The first disagreement between the tables and <paramref name="records"/> (randomizations, captured entries and their corrections, query steps, unblindings, users, tokens, frozen data cuts, serious event reviews), or null.</summary>
    public static async Task<(long? Sequence, string Problem)?> FirstDisagreementAsync(TrialStore store, IReadOnlyList<AuditRecord> records) =>
        await RandomizationsAsync(store, records) ?? await CaptureAsync(store, records) ?? await QueriesAsync(store, records) ?? await UnblindingsAsync(store, records)
        ?? await AuditAccountCheck.FirstDisagreementAsync(store, records) ?? await AuditDataCutCheck.FirstDisagreementAsync(store, records)
        ?? await AuditSeriousEventCheck.FirstDisagreementAsync(store, records);

    /// <summary>The first disagreement between the <c>randomizations</c> table and <paramref name="records"/>, or null.</summary>
    private static async Task<(long? Sequence, string Problem)?> RandomizationsAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "randomize").GroupBy(r => (r.TrialId, r.Entity)).ToDictionary(g => g.Key, g => g.First());
        var covariates = await CovariatesAsync(store);
        var seen = new HashSet<(string?, string)>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectRows);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            long id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            string trialId = reader.GetString(1), participant = reader.GetString(2), entity = $"participant:{participant}";
            string row = $"randomization {id} (participant '{participant}' of trial {trialId})";
            if (!trail.TryGetValue((trialId, entity), out var record))
                return (null, $"{row} has no randomize record in the audit trail");
            seen.Add((trialId, entity));
            var strata = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [];
            var eligibility = JsonSerializer.Deserialize<Dictionary<string, bool>>(reader.GetString(5)) ?? [];
            string details = AuditDetails.Randomized(id, reader.GetString(3), strata, eligibility,
                covariates.GetValueOrDefault((trialId, participant)) ?? RandomizationRows.NoCovariates, reader.GetString(6));
            if (details != record.Details)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says {details}, the trail says {record.Details}");
            if (reader.GetString(7) != record.At || reader.GetString(8) != record.Actor)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says {reader.GetString(8)} at {reader.GetString(7)}, the trail says {record.Actor} at {record.At}");
        }
        var orphan = trail.Values.Where(r => !seen.Contains((r.TrialId, r.Entity))).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} randomizes {orphan.Entity} of trial {orphan.TrialId}, but the randomizations table has no such row");
    }

    /// <summary>Each version of each captured entry against its <c>capture.record</c> / <c>capture.correct</c> record.</summary>
    private static async Task<(long? Sequence, string Problem)?> CaptureAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action is "capture.record" or "capture.correct")
            .GroupBy(r => (r.TrialId, r.Entity, r.Details)).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<long>();
        foreach (var entry in await CaptureStorage.ReadEveryVersionAsync(store))
        {
            string details = AuditDetails.Captured(entry), entity = $"participant:{entry.ParticipantId}";
            string row = $"capture entry {entry.EntryId} version {entry.Version} (participant '{entry.ParticipantId}' of trial {entry.TrialId})";
            if (!trail.TryGetValue((entry.TrialId, entity, details), out var record))
                return (null, $"{row} has no audit record with its content: the table says {details}");
            seen.Add(record.Sequence);
            if (record.Actor != entry.RecordedBy || record.Reason != entry.Reason || Sql.ParseTime(record.At) != entry.RecordedAt)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence} on who, when or why");
        }
        var orphan = trail.Values.Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} ({orphan.Action} {orphan.Entity} of trial {orphan.TrialId}) has no row in capture_entries with its content");
    }

    /// <summary>Each step of each data query against its <c>query.*</c> record (rebuilt by <see cref="AuditDetails.QueryStep"/>, same actor and time).</summary>
    private static async Task<(long? Sequence, string Problem)?> QueriesAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action.StartsWith("query.", StringComparison.Ordinal))
            .GroupBy(r => (r.TrialId, r.Action, r.Entity, r.Details)).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<long>();
        foreach (var (query, step) in await QueryStorage.ReadEveryStepAsync(store))
        {
            string details = AuditDetails.QueryStep(query, step), action = "query." + QueryRules.Name(step.Action);
            string row = $"query {query.QueryId} step {step.Step} (participant '{query.ParticipantId}' of trial {query.TrialId})";
            if (!trail.TryGetValue((query.TrialId, action, $"participant:{query.ParticipantId}", details), out var record))
                return (null, $"{row} has no {action} record with its content: the table says {details}");
            seen.Add(record.Sequence);
            if (record.Actor != step.By || Sql.ParseTime(record.At) != step.At)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence} on who or when");
        }
        var orphan = trail.Values.Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} ({orphan.Action} {orphan.Entity} of trial {orphan.TrialId}) has no row in query_steps with its content");
    }

    /// <summary>Each unblinding against an <c>unblind</c> record of the same participant, actor, time and reason.</summary>
    private static async Task<(long? Sequence, string Problem)?> UnblindingsAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "unblind").ToLookup(r => (r.TrialId, r.Entity, r.Actor, r.At, r.Reason));
        var seen = new HashSet<long>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT id, trial_id, participant_id, unblinded_by, unblinded_at, reason FROM unblindings ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string trialId = reader.GetString(1), participant = reader.GetString(2);
            var record = trail[(trialId, $"participant:{participant}", reader.GetString(3), reader.GetString(4), reader.GetString(5))].FirstOrDefault(r => !seen.Contains(r.Sequence));
            if (record is null)
                return (null, $"unblinding {Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)} (participant '{participant}' of trial {trialId}, by {reader.GetString(3)} at {reader.GetString(4)}) has no unblind record in the audit trail");
            seen.Add(record.Sequence);
        }
        var orphan = trail.SelectMany(g => g).Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} unblinds {orphan.Entity} of trial {orphan.TrialId}, but the unblindings table has no such row");
    }

    private static async Task<Dictionary<(string, string), IReadOnlyDictionary<string, string>>> CovariatesAsync(TrialStore store)
    {
        var byParticipant = new Dictionary<(string, string), Dictionary<string, string>>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT trial_id, participant_id, covariate, value FROM baseline_values");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!byParticipant.TryGetValue(key, out var values)) byParticipant[key] = values = new Dictionary<string, string>(StringComparer.Ordinal);
            values[reader.GetString(2)] = reader.GetString(3);
        }
        return byParticipant.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value);
    }
}
