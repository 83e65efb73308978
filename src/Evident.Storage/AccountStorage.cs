using System.Globalization;
using Evident.Randomization.Accounts;

namespace Evident.Storage;

/// <summary>
/// Users and their bearer tokens on a <see cref="TrialStore"/>: adding users, issuing and revoking tokens (each change
/// audited: <c>user.add</c>, <c>token.issue</c>, <c>token.revoke</c>), and looking tokens up for every API request
/// (cached for <see cref="TrialStore.TokenCacheLifetime"/>). Tokens are returned once and stored as their SHA-256 hash.
/// </summary>
public static class AccountStorage
{
    /// <summary>Adds a user to a trial and issues their first bearer token (returned once; stored hashed).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">User name, 1–64 characters, unique in the trial.</param>
    /// <param name="role">The role.</param>
    /// <param name="site">The site, required for (and only for) a site coordinator.</param>
    /// <param name="passwordHash">A password hash (ASP.NET Core Identity format) for the web pages, or null.</param>
    /// <param name="tokenLifetime">How long the token works, &gt; 0.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such trial or site.</exception>
    /// <exception cref="StoreConflictException">The user exists.</exception>
    /// <exception cref="ArgumentException">A coordinator without a site, or another role with one.</exception>
    public static async Task<IssuedToken> AddUserAsync(this TrialStore store, string trialId, string name, TrialRole role, string? site, string? passwordHash,
        TimeSpan tokenLifetime, string actor)
    {
        await store.RequireTrialAsync(trialId);
        TrialStorage.CheckName(name, "user name");
        if ((role == TrialRole.SiteCoordinator) != (site is not null))
            throw new ArgumentException(role == TrialRole.SiteCoordinator ? "A site coordinator needs a site." : "Only a site coordinator has a site.", nameof(site));
        CheckLifetime(tokenLifetime);
        var (token, hash) = ApiTokens.Mint();
        return await store.WriteAsync(async w =>
        {
            if (site is not null && !await store.SiteExistsAsync(w, trialId, site)) throw new StoreNotFoundException($"Site '{site}' is not a site of trial '{trialId}'.");
            if (await Sql.CountAsync(w.Command("SELECT COUNT(*) FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", name))) > 0)
                throw new StoreConflictException($"User '{name}' exists already in trial '{trialId}'.");
            var insert = w.Command(
                "INSERT INTO users (trial_id, name, role, site_id, password_hash, created_at) VALUES (@t, @n, @r, @s, @p, @at) RETURNING id",
                ("@t", trialId), ("@n", name), ("@r", TrialRoles.Name(role)), ("@s", site), ("@p", passwordHash), ("@at", w.NowText));
            long userId = Convert.ToInt64(await insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var expires = await InsertTokenAsync(w, userId, hash, tokenLifetime);
            await w.AppendAuditAsync(trialId, actor, "user.add", $"user:{name}", AuditDetails.UserAdded(name, role, site, passwordHash is not null, Sql.Time(expires)), null);
            return new IssuedToken(trialId, name, role, token, expires);
        });
    }

    /// <summary>Issues a further bearer token to an existing user (returned once; stored hashed).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">The user.</param>
    /// <param name="tokenLifetime">How long it works, &gt; 0.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such user.</exception>
    public static async Task<IssuedToken> IssueTokenAsync(this TrialStore store, string trialId, string name, TimeSpan tokenLifetime, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        CheckLifetime(tokenLifetime);
        var (token, hash) = ApiTokens.Mint();
        return await store.WriteAsync(async w =>
        {
            var (userId, role) = await FindUserAsync(w, trialId, name);
            var expires = await InsertTokenAsync(w, userId, hash, tokenLifetime);
            await w.AppendAuditAsync(trialId, actor, "token.issue", $"user:{name}", AuditDetails.TokenIssued(Sql.Time(expires)), null);
            return new IssuedToken(trialId, name, role, token, expires);
        });
    }

    /// <summary>Revokes every live token of a user; returns how many.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">The user.</param>
    /// <param name="reason">Why, or null.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such user.</exception>
    public static Task<int> RevokeTokensAsync(this TrialStore store, string trialId, string name, string? reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.WriteAsync(async w =>
        {
            var (userId, _) = await FindUserAsync(w, trialId, name);
            var update = w.Command("UPDATE tokens SET revoked_at = @at WHERE user_id = @u AND revoked_at IS NULL", ("@at", w.NowText), ("@u", userId));
            int revoked = await update.ExecuteNonQueryAsync();
            w.AfterCommit(() => store.Tokens.Forget(trialId, name));
            await w.AppendAuditAsync(trialId, actor, "token.revoke", $"user:{name}", AuditDetails.TokensRevoked(revoked), reason);
            return revoked;
        });
    }

    /// <summary>The users of a trial, by name.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<IReadOnlyList<StoredUser>> ListUsersAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT name, role, site_id, password_hash FROM users WHERE trial_id = @t ORDER BY name", ("@t", trialId));
        var users = new List<StoredUser>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            TrialRoles.TryParse(reader.GetString(1), out var role);
            users.Add(new StoredUser(reader.GetString(0), role, Sql.NullableString(reader, 2), !reader.IsDBNull(3)));
        }
        return users;
    }

    /// <summary>The stored password hash of a user (for the web pages' sign-in), or null when none is set or the user does not exist.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">The user.</param>
    public static async Task<string?> GetPasswordHashAsync(this TrialStore store, string trialId, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT password_hash FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", name));
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>
    /// Who holds the token with this hash (see <see cref="ApiTokens.Hash"/>), or null when no such token was issued.
    /// A token found is remembered for <see cref="TrialStore.TokenCacheLifetime"/> (see there for how soon a revocation applies).
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="tokenHash">SHA-256 of the presented token.</param>
    public static async Task<TokenOwner?> FindTokenAsync(this TrialStore store, string tokenHash)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokenHash);
        if (store.Tokens.TryGet(tokenHash, out var cached)) return cached;
        var ticket = store.Tokens.Ticket();
        var owner = await ReadTokenAsync(store, tokenHash);
        store.Tokens.Store(tokenHash, owner, ticket);
        return owner;
    }

    private static async Task<TokenOwner?> ReadTokenAsync(TrialStore store, string tokenHash)
    {
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT u.trial_id, u.name, u.role, u.site_id, t.expires_at, t.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = @h",
            ("@h", tokenHash));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        if (!TrialRoles.TryParse(reader.GetString(2), out var role)) return null;
        string? revoked = Sql.NullableString(reader, 5);
        return new TokenOwner(reader.GetString(0), reader.GetString(1), role, Sql.NullableString(reader, 3),
            Sql.ParseTime(reader.GetString(4)), revoked is null ? null : Sql.ParseTime(revoked));
    }

    private static void CheckLifetime(TimeSpan tokenLifetime)
    {
        if (tokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(tokenLifetime), "The token lifetime must be positive.");
    }

    private static async Task<(long Id, TrialRole Role)> FindUserAsync(WriteContext w, string trialId, string name)
    {
        var command = w.Command("SELECT id, role FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", name));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new StoreNotFoundException($"User '{name}' is not a user of trial '{trialId}'.");
        TrialRoles.TryParse(reader.GetString(1), out var role);
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), role);
    }

    private static async Task<DateTimeOffset> InsertTokenAsync(WriteContext w, long userId, string hash, TimeSpan lifetime)
    {
        var expires = w.Now + lifetime;
        var insert = w.Command("INSERT INTO tokens (token_hash, user_id, issued_at, expires_at) VALUES (@h, @u, @at, @exp)",
            ("@h", hash), ("@u", userId), ("@at", w.NowText), ("@exp", Sql.Time(expires)));
        await insert.ExecuteNonQueryAsync();
        return expires;
    }
}
