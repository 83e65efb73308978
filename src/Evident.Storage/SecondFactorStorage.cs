using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Evident.Randomization.Accounts;

namespace Evident.Storage;

/// <summary>
/// The optional second factor of page sign-in: a user's TOTP secret (RFC 6238, see <see cref="Totp"/>) and the last time
/// step accepted, so a code works once. Enrolment is audited (<c>user.totp</c>, whose details name the SHA-256 of the
/// secret, never the secret), and <c>audit verify</c> checks every row against its latest record. The secret is stored
/// as the service must read it (base32); whoever reads the database can compute codes, as they could read everything.
/// </summary>
public static class SecondFactorStorage
{
    /// <summary>Enrols (or re-enrols, replacing the secret) a user's TOTP second factor.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="userName">The user.</param>
    /// <param name="secret">The base32 secret (<see cref="Totp.NewSecret"/>).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such user.</exception>
    public static Task EnrolTotpAsync(this TrialStore store, string trialId, string userName, string secret, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        Totp.FromBase32(secret);
        return store.WriteAsync(async w =>
        {
            if (await Sql.CountAsync(w.Command("SELECT COUNT(*) FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", userName))) == 0)
                throw new StoreNotFoundException($"User '{userName}' is not a user of trial '{trialId}'.");
            await w.Command(
                "INSERT INTO second_factors (trial_id, user_name, secret, enrolled_at, last_step) VALUES (@t, @n, @s, @at, NULL) " +
                "ON CONFLICT (trial_id, user_name) DO UPDATE SET secret = @s, enrolled_at = @at, last_step = NULL",
                ("@t", trialId), ("@n", userName), ("@s", secret), ("@at", w.NowText)).ExecuteNonQueryAsync();
            await w.AppendAuditAsync(trialId, actor, "user.totp", $"user:{userName}", AuditDetails.TotpEnrolled(SecretHash(secret)), null);
            return 0;
        });
    }

    /// <summary>The user's TOTP secret (bytes) and the last step accepted, or null when the user has no second factor.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="userName">The user.</param>
    public static async Task<(byte[] Secret, long? LastStep)?> GetTotpAsync(this TrialStore store, string trialId, string userName)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT secret, last_step FROM second_factors WHERE trial_id = @t AND user_name = @n", ("@t", trialId), ("@n", userName));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (Totp.FromBase32(reader.GetString(0)), reader.IsDBNull(1) ? null : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    /// <summary>Marks <paramref name="step"/> used; false when it (or a later step) was used already, on any node.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="userName">The user.</param>
    /// <param name="step">The time step of the code accepted.</param>
    public static Task<bool> ClaimTotpStepAsync(this TrialStore store, string trialId, string userName, long step)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.WriteAsync(async w => await w.Command(
            "UPDATE second_factors SET last_step = @s WHERE trial_id = @t AND user_name = @n AND (last_step IS NULL OR last_step < @s)",
            ("@s", step), ("@t", trialId), ("@n", userName)).ExecuteNonQueryAsync() == 1);
    }

    /// <summary>The SHA-256 (hex) of a secret as audited.</summary>
    internal static string SecretHash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));
}
