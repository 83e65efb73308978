using System.Globalization;
using Evident.Randomization.Accounts;

namespace Evident.Storage;

/// <summary>
/// Service operators on a <see cref="TrialStore"/>: the server-level role that creates trials. Operators belong to no
/// trial; adding one, issuing and revoking their tokens are audited in the service's part of the trail (records
/// without a trial: <c>operator.add</c>, <c>operator.token</c>, <c>operator.revoke</c>). Only someone with the database
/// (<c>evident operator …</c>) manages operators. Tokens are returned once and stored as their SHA-256 hash.
/// </summary>
public static class OperatorStorage
{
    /// <summary>Adds an operator and issues their first token (returned once; stored hashed).</summary>
    /// <param name="store">The store.</param>
    /// <param name="name">Operator name, 1–64 characters, unique.</param>
    /// <param name="tokenLifetime">How long the token works, &gt; 0.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreConflictException">The operator exists.</exception>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public static Task<IssuedOperatorToken> AddOperatorAsync(this TrialStore store, string name, TimeSpan tokenLifetime, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        TrialStorage.CheckName(name, "operator name");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokenLifetime, TimeSpan.Zero);
        var (token, hash) = ApiTokens.Mint();
        return store.WriteAsync(async w =>
        {
            if (await Sql.CountAsync(w.Command("SELECT COUNT(*) FROM operators WHERE name = @n", ("@n", name))) > 0)
                throw new StoreConflictException($"Operator '{name}' exists already.");
            var insert = w.Command("INSERT INTO operators (name, created_at) VALUES (@n, @at) RETURNING id", ("@n", name), ("@at", w.NowText));
            long id = Convert.ToInt64(await insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var expires = await InsertTokenAsync(w, id, hash, tokenLifetime);
            await w.AppendAuditAsync(null, actor, "operator.add", $"operator:{name}", AuditDetails.OperatorAdded(name, Sql.Time(expires)), null);
            return new IssuedOperatorToken(name, token, expires);
        });
    }

    /// <summary>Issues a further token to an operator (returned once; stored hashed).</summary>
    /// <param name="store">The store.</param>
    /// <param name="name">The operator.</param>
    /// <param name="tokenLifetime">How long it works, &gt; 0.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such operator.</exception>
    public static Task<IssuedOperatorToken> IssueOperatorTokenAsync(this TrialStore store, string name, TimeSpan tokenLifetime, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokenLifetime, TimeSpan.Zero);
        var (token, hash) = ApiTokens.Mint();
        return store.WriteAsync(async w =>
        {
            var expires = await InsertTokenAsync(w, await FindOperatorAsync(w, name), hash, tokenLifetime);
            await w.AppendAuditAsync(null, actor, "operator.token", $"operator:{name}", AuditDetails.TokenIssued(Sql.Time(expires)), null);
            return new IssuedOperatorToken(name, token, expires);
        });
    }

    /// <summary>Revokes every live token of an operator; returns how many.</summary>
    /// <param name="store">The store.</param>
    /// <param name="name">The operator.</param>
    /// <param name="reason">Why, or null.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such operator.</exception>
    public static Task<int> RevokeOperatorTokensAsync(this TrialStore store, string name, string? reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.WriteAsync(async w =>
        {
            long id = await FindOperatorAsync(w, name);
            var update = w.Command("UPDATE operator_tokens SET revoked_at = @at WHERE operator_id = @o AND revoked_at IS NULL", ("@at", w.NowText), ("@o", id));
            int revoked = await update.ExecuteNonQueryAsync();
            await w.AppendAuditAsync(null, actor, "operator.revoke", $"operator:{name}", AuditDetails.TokensRevoked(revoked), reason);
            return revoked;
        });
    }

    /// <summary>
    /// Who holds the operator token with this hash (see <see cref="ApiTokens.Hash"/>), or null when no such token was
    /// issued. Not cached: operators act seldom, and a revocation applies at once on every node.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="tokenHash">SHA-256 of the presented token.</param>
    public static async Task<OperatorTokenOwner?> FindOperatorTokenAsync(this TrialStore store, string tokenHash)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT o.name, t.expires_at, t.revoked_at FROM operator_tokens t JOIN operators o ON o.id = t.operator_id WHERE t.token_hash = @h", ("@h", tokenHash));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        string? revoked = Sql.NullableString(reader, 2);
        return new OperatorTokenOwner(reader.GetString(0), Sql.ParseTime(reader.GetString(1)), revoked is null ? null : Sql.ParseTime(revoked));
    }

    /// <summary>The operators' names, ascending.</summary>
    /// <param name="store">The store.</param>
    public static async Task<IReadOnlyList<string>> ListOperatorsAsync(this TrialStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT name FROM operators ORDER BY name");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<long> FindOperatorAsync(WriteContext w, string name) =>
        await w.Command("SELECT id FROM operators WHERE name = @n", ("@n", name)).ExecuteScalarAsync() is { } id and not DBNull
            ? Convert.ToInt64(id, CultureInfo.InvariantCulture)
            : throw new StoreNotFoundException($"Operator '{name}' does not exist.");

    private static async Task<DateTimeOffset> InsertTokenAsync(WriteContext w, long operatorId, string hash, TimeSpan lifetime)
    {
        var expires = w.Now + lifetime;
        await w.Command("INSERT INTO operator_tokens (token_hash, operator_id, issued_at, expires_at) VALUES (@h, @o, @at, @exp)",
            ("@h", hash), ("@o", operatorId), ("@at", w.NowText), ("@exp", Sql.Time(expires))).ExecuteNonQueryAsync();
        return expires;
    }
}
