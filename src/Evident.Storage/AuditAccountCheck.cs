using System.Text.Json;
using Evident.Randomization.Accounts;
using Evident.Randomization.Audit;

namespace Evident.Storage;

/// <summary>
/// Accounts against the trail (see <see cref="AuditTableCheck"/> for the other tables). A user row is written with its
/// <c>user.add</c> record, so the record's details rebuilt from the row (name, role, site, whether a password is set;
/// the first token's expiry is the record's own) and its time must be the record's; an operator row likewise with its
/// <c>operator.add</c> record. A token row is written with an add or issue record of its holder at its
/// <c>issued_at</c> naming its expiry; tokens are revoked only by a revoke record at their <c>revoked_at</c> that
/// counts them. So a token slipped into the table, a revocation undone, an expiry moved, a role raised or a password
/// set behind the service's back are each named here; and every record must have its rows.
/// </summary>
internal static class AuditAccountCheck
{
    /// <summary>Where one kind of account keeps its tokens, and the actions that issue and revoke them.</summary>
    private sealed record TokenKind(string Holders, string Tokens, string HolderColumn, string TrialColumn, string Entity, string Add, string Issue, string Revoke)
    {
        public string SelectTokens(string extra) =>
            $"SELECT {TrialColumn}, h.name, t.issued_at, t.expires_at{extra} FROM {Tokens} t JOIN {Holders} h ON h.id = t.{HolderColumn}";
    }

    private static readonly TokenKind UserTokens = new("users", "tokens", "user_id", "h.trial_id", "user", "user.add", "token.issue", "token.revoke");
    private static readonly TokenKind OperatorTokens = new("operators", "operator_tokens", "operator_id", "NULL", "operator", "operator.add", "operator.token", "operator.revoke");

    /// <summary>The first disagreement between the users, operators and their tokens and <paramref name="records"/>, or null.</summary>
    public static async Task<(long? Sequence, string Problem)?> FirstDisagreementAsync(TrialStore store, IReadOnlyList<AuditRecord> records) =>
        await UsersAsync(store, records) ?? await OperatorsAsync(store, records) ?? await SecondFactorsAsync(store, records)
        ?? await TokensAsync(store, records, UserTokens) ?? await RevocationsAsync(store, records, UserTokens)
        ?? await TokensAsync(store, records, OperatorTokens) ?? await RevocationsAsync(store, records, OperatorTokens);

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
            string details = AuditDetails.UserAdded(name, parsed, Sql.NullableString(reader, 3), !reader.IsDBNull(4), Member(record.Details, "token_expires"));
            if (Disagreement(row, record, details, reader.GetString(5)) is { } problem) return problem;
        }
        return Orphan(trail.Values, seen, "the users table");
    }

    private static async Task<(long? Sequence, string Problem)?> OperatorsAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "operator.add" && r.TrialId is null).GroupBy(r => r.Entity).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<long>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT name, created_at FROM operators ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string name = reader.GetString(0), row = $"operator '{name}'";
            if (!trail.TryGetValue($"operator:{name}", out var record)) return (null, $"{row} has no operator.add record in the audit trail");
            seen.Add(record.Sequence);
            if (Disagreement(row, record, AuditDetails.OperatorAdded(name, Member(record.Details, "token_expires")), reader.GetString(1)) is { } problem) return problem;
        }
        return Orphan(trail.Values, seen, "the operators table");
    }

    /// <summary>Each enrolled second factor against the latest <c>user.totp</c> record of its user: the secret's hash and the time.</summary>
    private static async Task<(long? Sequence, string Problem)?> SecondFactorsAsync(TrialStore store, IReadOnlyList<AuditRecord> records)
    {
        var trail = records.Where(r => r.Action == "user.totp").GroupBy(r => (r.TrialId, r.Entity)).ToDictionary(g => g.Key, g => g.Last());
        var seen = new HashSet<long>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT trial_id, user_name, secret, enrolled_at FROM second_factors ORDER BY trial_id, user_name");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string trialId = reader.GetString(0), name = reader.GetString(1), row = $"the second factor of user '{name}' of trial {trialId}";
            if (!trail.TryGetValue((trialId, $"user:{name}"), out var record)) return (null, $"{row} has no user.totp record in the audit trail");
            seen.Add(record.Sequence);
            string details = AuditDetails.TotpEnrolled(SecondFactorStorage.SecretHash(reader.GetString(2)));
            if (Disagreement(row, record, details, reader.GetString(3)) is { } problem) return problem;
        }
        return trail.Values.Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault() is { } orphan
            ? (orphan.Sequence, $"audit record {orphan.Sequence} enrols a second factor of {orphan.Entity}{OfTrial(orphan.TrialId)}, but the second_factors table has no such row")
            : null;
    }

    private static (long? Sequence, string Problem)? Disagreement(string row, AuditRecord record, string details, string createdAt) =>
        details != record.Details ? (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says {details}, the trail says {record.Details}")
        : createdAt != record.At ? (record.Sequence, $"{row} disagrees with audit record {record.Sequence}: the table says it was added at {createdAt}, the trail says {record.At}")
        : null;

    private static (long? Sequence, string Problem)? Orphan(IEnumerable<AuditRecord> trail, HashSet<long> seen, string table) =>
        trail.Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault() is { } orphan
            ? (orphan.Sequence, $"audit record {orphan.Sequence} adds {orphan.Entity}{OfTrial(orphan.TrialId)}, but {table} has no such row")
            : null;

    /// <summary>Each token against the record that issued it: the same holder, time and expiry.</summary>
    private static async Task<(long? Sequence, string Problem)?> TokensAsync(TrialStore store, IReadOnlyList<AuditRecord> records, TokenKind kind)
    {
        var trail = records.Where(r => r.Action == kind.Add || r.Action == kind.Issue)
            .ToLookup(r => (r.TrialId, r.Entity, r.At, Member(r.Details, r.Action == kind.Add ? "token_expires" : "expires")));
        var seen = new HashSet<long>();
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, kind.SelectTokens("") + " ORDER BY t.issued_at, t.token_hash");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string? trialId = Sql.NullableString(reader, 0);
            string name = reader.GetString(1), issued = reader.GetString(2), expires = reader.GetString(3);
            var record = trail[(trialId, $"{kind.Entity}:{name}", issued, expires)].FirstOrDefault(r => !seen.Contains(r.Sequence));
            if (record is null)
                return (null, $"a token of {kind.Entity} '{name}'{OfTrial(trialId)} (issued at {issued}, expiring at {expires}) has no {kind.Add} or {kind.Issue} record in the audit trail");
            seen.Add(record.Sequence);
        }
        var orphan = trail.SelectMany(g => g).Where(r => !seen.Contains(r.Sequence)).OrderBy(r => r.Sequence).FirstOrDefault();
        return orphan is null ? null : (orphan.Sequence, $"audit record {orphan.Sequence} ({orphan.Action} {orphan.Entity}{OfTrial(orphan.TrialId)}) issues a token that the {kind.Tokens} table does not have");
    }

    /// <summary>The revoked tokens of each holder at each time against the count of the revoke records then.</summary>
    private static async Task<(long? Sequence, string Problem)?> RevocationsAsync(TrialStore store, IReadOnlyList<AuditRecord> records, TokenKind kind)
    {
        var trail = records.Where(r => r.Action == kind.Revoke).GroupBy(r => (r.TrialId, r.Entity, r.At))
            .ToDictionary(g => g.Key, g => (First: g.Min(r => r.Sequence), Revoked: g.Sum(r => Revoked(r.Details))));
        var table = new Dictionary<(string?, string, string), int>();
        await using (var connection = await store.OpenReadAsync())
        await using (var command = Sql.Command(connection, null, kind.SelectTokens(", t.revoked_at") + " WHERE t.revoked_at IS NOT NULL"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                table[(Sql.NullableString(reader, 0), $"{kind.Entity}:{reader.GetString(1)}", reader.GetString(4))] =
                    table.GetValueOrDefault((Sql.NullableString(reader, 0), $"{kind.Entity}:{reader.GetString(1)}", reader.GetString(4))) + 1;
        foreach (var ((trialId, entity, at), count) in table.OrderBy(t => t.Key.Item3, StringComparer.Ordinal))
        {
            if (!trail.TryGetValue((trialId, entity, at), out var record))
                return (null, $"{count} token(s) of {entity}{OfTrial(trialId)} are revoked at {at}, but no {kind.Revoke} record is there");
            if (record.Revoked != count)
                return (record.First, $"{count} token(s) of {entity}{OfTrial(trialId)} are revoked at {at}, but audit record {record.First} revokes {record.Revoked}");
        }
        var orphan = trail.Where(t => t.Value.Revoked > 0 && !table.ContainsKey(t.Key)).OrderBy(t => t.Value.First).FirstOrDefault();
        return orphan.Value.First == 0 ? null
            : (orphan.Value.First, $"audit record {orphan.Value.First} revokes {orphan.Value.Revoked} token(s) of {orphan.Key.Entity}{OfTrial(orphan.Key.TrialId)}, but the {kind.Tokens} table has none revoked then");
    }

    private static string OfTrial(string? trialId) => trialId is null ? "" : $" of trial {trialId}";

    private static string Member(string details, string member) =>
        JsonDocument.Parse(details).RootElement.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Revoked(string details) =>
        JsonDocument.Parse(details).RootElement.TryGetProperty("revoked", out var value) && value.TryGetInt32(out int n) ? n : -1;
}
