using System.Globalization;
using Evident.Randomization.Accounts;

namespace Evident.Storage;

/// <summary>
/// Lockout of the web pages' password sign-in, kept in the database so that every application node and every restart
/// sees it: consecutive failures of an existing user are counted, and the failure that reaches the limit locks the
/// account for a while and appends a <c>user.lockout</c> audit record (entity <c>user:NAME</c>) in the same transaction.
/// A success clears the count. Unknown users are never written (no rows for names an attacker makes up).
/// </summary>
public static class SignInStorage
{
    /// <summary>The audit actor of a lockout: the sign-in page, not a person.</summary>
    public const string Actor = "web:sign-in";

    /// <summary>The user's sign-in state; <see cref="SignInState.Clear"/> when nothing is recorded.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="userName">The user.</param>
    public static async Task<SignInState> GetSignInStateAsync(this TrialStore store, string trialId, string userName)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT failures, locked_until FROM sign_in_failures WHERE trial_id = @t AND user_name = @n", ("@t", trialId), ("@n", userName));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return SignInState.Clear;
        string? until = Sql.NullableString(reader, 1);
        return new SignInState(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), until is null ? null : Sql.ParseTime(until));
    }

    /// <summary>
    /// Counts a failed sign-in of an existing user. The failure that makes <paramref name="maxFailures"/> in a row locks
    /// the account until now + <paramref name="lockout"/> (the count starts again from zero) and is audited. A failure
    /// while the account is locked changes nothing. Returns the state after the failure.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="userName">The user (must exist).</param>
    /// <param name="maxFailures">Failures in a row that lock the account, ≥ 1.</param>
    /// <param name="lockout">How long a lock lasts, &gt; 0.</param>
    /// <exception cref="StoreNotFoundException">No such user.</exception>
    public static Task<SignInState> RecordSignInFailureAsync(this TrialStore store, string trialId, string userName, int maxFailures, TimeSpan lockout)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        if (lockout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lockout), "The lockout must be positive.");
        return store.WriteAsync(async w =>
        {
            var user = w.Command("SELECT COUNT(*) FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", userName));
            if (Convert.ToInt64(await user.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
                throw new StoreNotFoundException($"User '{userName}' is not a user of trial '{trialId}'.");
            var state = await ReadAsync(w, trialId, userName);
            if (state.IsLockedAt(w.Now)) return state;
            int failures = state.Failures + 1;
            var next = failures >= maxFailures ? new SignInState(0, w.Now + lockout) : new SignInState(failures, state.LockedUntil);
            await w.Command(
                "INSERT INTO sign_in_failures (trial_id, user_name, failures, locked_until) VALUES (@t, @n, @f, @u) " +
                "ON CONFLICT (trial_id, user_name) DO UPDATE SET failures = @f, locked_until = @u",
                ("@t", trialId), ("@n", userName), ("@f", next.Failures), ("@u", next.LockedUntil is { } u ? Sql.Time(u) : null)).ExecuteNonQueryAsync();
            if (next.LockedUntil != state.LockedUntil)
                await w.AppendAuditAsync(trialId, Actor, "user.lockout", $"user:{userName}", AuditDetails.LockedOut(failures, Sql.Time(next.LockedUntil!.Value)), null);
            return next;
        });
    }

    /// <summary>Clears the failure count after a successful sign-in (writes only when there is something to clear).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="userName">The user.</param>
    public static async Task RecordSignInSuccessAsync(this TrialStore store, string trialId, string userName)
    {
        ArgumentNullException.ThrowIfNull(store);
        if ((await store.GetSignInStateAsync(trialId, userName)).Failures == 0) return;
        await store.WriteAsync(async w =>
        {
            await w.Command("UPDATE sign_in_failures SET failures = 0 WHERE trial_id = @t AND user_name = @n", ("@t", trialId), ("@n", userName)).ExecuteNonQueryAsync();
            return true;
        });
    }

    /// <summary>
    /// Whether the user's access stands: the user holds at least one API token that is not revoked (expired ones count:
    /// a token's lifetime limits the API, not the pages). The pages admit only such users, at sign-in and on every request
    /// of a session, so <c>evident user revoke</c> (which revokes every token) withdraws page access too, and issuing a
    /// new token restores it.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="userName">The user.</param>
    public static async Task<bool> HasAccessAsync(this TrialStore store, string trialId, string userName)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT COUNT(*) FROM tokens k JOIN users u ON k.user_id = u.id WHERE u.trial_id = @t AND u.name = @n AND k.revoked_at IS NULL",
            ("@t", trialId), ("@n", userName));
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<SignInState> ReadAsync(WriteContext w, string trialId, string userName)
    {
        var read = w.Command("SELECT failures, locked_until FROM sign_in_failures WHERE trial_id = @t AND user_name = @n", ("@t", trialId), ("@n", userName));
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return SignInState.Clear;
        string? until = Sql.NullableString(reader, 1);
        return new SignInState(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), until is null ? null : Sql.ParseTime(until));
    }
}
