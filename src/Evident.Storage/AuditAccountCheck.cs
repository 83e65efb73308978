using System.Text.Json;
using Evident.Randomization.Accounts;
using Evident.Randomization.Audit;

namespace Evident.Storage;

/// <summary>
/// Users and tokens against the trail (see <see cref="AuditTableCheck"/> for the other tables). A user row is written
/// with its <c>user.add</c> record, so the record's details rebuilt from the row (name, role, site, whether a password
/// is set; the first token's expiry is the record's own) and its time must be the record's. A token row is written
/// with a <c>user.add</c> or <c>token.issue</c> record of its user at its <c>issued_at</c> naming its expiry; tokens are
/// revoked only by a <c>token.revoke</c> record at their <c>revoked_at</c> that counts them. So a token slipped into
/// the table, a revocation undone, an expiry moved, a role raised or a password set behind the service's back are each
/// named here; and every record must have its rows.
/// </summary>
internal static class AuditAccountCheck
{
    /// <summary>The first disagreement between the users and tokens tables and <paramref name="records"/>, or null.</summary>
    public static async Task<(long? Sequence, string Problem)?> FirstDisagreementAsync(TrialStore store, IReadOnlyList<AuditRecord> records) =>
        await UsersAsync(store, records) ?? await TokensAsync(store, records) ?? await RevocationsAsync(store, records);

    private static async Task<(long? Sequence, string Problem)?> UsersAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "user.add").GroupBy(r => (r.TrialId, r.Entity)).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<long>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT trial_id, name, role, site_id, password_hash, created_at FROM users ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string trialId = reader.GetString(0), name = reader.GetString(1), role = reader.GetString(2);
            string row = $"user '{name}' of trial {trialId}";
            if (!trail.TryGetValue((trialId, $"user:{name}"), out var record)) return (null, $"{row} has no user.add record in the audit trail");
            seen.Add(record.Sequence);
            if (!TrialRoles.TryParse(role, out var parsed) || TrialRoles.Name(parsed) != role)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table gives the role '{role}', which the service never writes");
            string details = AuditDetails.UserAdded(name, parsed, Sql.NullableString(reader, 3), !reader.IsDBNull(4), TokenExpires(record.Details, "token_expires"));
            if (details != record.Details)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says {details}, the trail says {record.Details}");
            if (reader.GetString(5) != record.At)
                return (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says it was added at {reader.GetString(5)}, the trail says {record.At}");
        }
        var orphan = trail.Values.Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} adds {orphan.Entity} to trial {orphan.TrialId}, but the users table has no such row");
    }

    /// <summary>Each token against the record that issued it: the same user, time and expiry.</summary>
    private static async Task<(long? Sequence, string Problem)?> TokensAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action is "user.add" or "token.issue")
            .ToLookup(r => (r.TrialId, r.Entity, r.At, TokenExpires(r.Details, r.Action == "user.add" ? "token_expires" : "expires")));
        var seen = new HashSet<long>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT u.trial_id, u.name, t.issued_at, t.expires_at FROM tokens t JOIN users u ON u.id = t.user_id ORDER BY t.issued_at, t.token_hash");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string trialId = reader.GetString(0), name = reader.GetString(1), issued = reader.GetString(2), expires = reader.GetString(3);
            var record = trail[(trialId, $"user:{name}", issued, expires)].FirstOrDefault(r => !seen.Contains(r.Sequence));
            if (record is null)
                return (null, $"a token of user '{name}' of trial {trialId} (issued at {issued}, expiring at {expires}) has no user.add or token.issue record in the audit trail");
            seen.Add(record.Sequence);
        }
        var orphan = trail.SelectMany(g => g).Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} ({orphan.Action} {orphan.Entity} of trial {orphan.TrialId}) issues a token that the tokens table does not have");
    }

    /// <summary>The revoked tokens of each user at each time against the count of the <c>token.revoke</c> records then.</summary>
    private static async Task<(long? Sequence, string Problem)?> RevocationsAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "token.revoke").GroupBy(r => (r.TrialId, r.Entity, r.At))
            .ToDictionary(g => g.Key, g => (First: g.Min(r => r.Sequence), Revoked: g.Sum(r => Revoked(r.Details))));
        var table = new Dictionary<(string?, string, string), int>();
        await using (var connection = await store.OpenReadAsync())
        await using (var command = Sql.Command(connection, null,
                         "SELECT u.trial_id, u.name, t.revoked_at, COUNT(*) FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.revoked_at IS NOT NULL GROUP BY u.trial_id, u.name, t.revoked_at"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                table[(reader.GetString(0), $"user:{reader.GetString(1)}", reader.GetString(2))] = Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var ((trialId, entity, at), count) in table.OrderBy(t => t.Key.Item3, StringComparer.Ordinal))
        {
            if (!trail.TryGetValue((trialId, entity, at), out var record))
                return (null, $"{count} token(s) of {entity} of trial {trialId} are revoked at {at}, but no token.revoke record is there");
            if (record.Revoked != count)
                return (record.First, $"{count} token(s) of {entity} of trial {trialId} are revoked at {at}, but audit record {record.First} revokes {record.Revoked}");
        }
        var orphan = trail.Where(t => t.Value.Revoked > 0 && !table.ContainsKey(t.Key)).OrderBy(t => t.Value.First).FirstOrDefault();
        return orphan.Value.First == 0 ? null
            : (orphan.Value.First, $"audit record {orphan.Value.First} revokes {orphan.Value.Revoked} token(s) of {orphan.Key.Entity} of trial {orphan.Key.TrialId}, but the tokens table has none revoked then");
    }

    private static string TokenExpires(string details, string member) =>
        JsonDocument.Parse(details).RootElement.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Revoked(string details) =>
        JsonDocument.Parse(details).RootElement.TryGetProperty("revoked", out var value) && value.TryGetInt32(out int n) ? n : -1;
}
