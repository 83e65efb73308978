using System.Globalization;
using Evident.Randomization.Audit;

namespace Evident.Storage;

/// <summary>
/// The audit log of a <see cref="TrialStore"/>: reading it (whole or one trial's), streaming it, and verifying the hash
/// chain against the head row. Records are appended only by the writes themselves, in their transactions (see
/// <see cref="WriteContext"/>), with details from <see cref="AuditDetails"/>.
/// </summary>
public static class AuditStorage
{
    private const string SelectRecords = "SELECT seq, trial_id, at, actor, action, entity, details, reason, prev_hash, hash FROM audit";

    /// <summary>The audit records (of one trial when <paramref name="trialId"/> is given), ascending.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">A trial, or null for the whole chain.</param>
    public static async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(this TrialStore store, string? trialId = null)
    {
        var list = new List<AuditRecord>();
        await foreach (var record in store.StreamAuditAsync(trialId)) list.Add(record);
        return list;
    }

    /// <summary>The audit records (of one trial when <paramref name="trialId"/> is given), ascending, read as they are consumed.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">A trial, or null for the whole chain.</param>
    public static async IAsyncEnumerable<AuditRecord> StreamAuditAsync(this TrialStore store, string? trialId = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = trialId is null
            ? Sql.Command(connection, null, SelectRecords + " ORDER BY seq")
            : Sql.Command(connection, null, SelectRecords + " WHERE trial_id = @t ORDER BY seq", ("@t", trialId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            yield return new AuditRecord(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Sql.NullableString(reader, 1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), Sql.NullableString(reader, 7), reader.GetString(8), reader.GetString(9));
    }

    /// <summary>Recomputes the whole chain and reports the first broken link (see <see cref="AuditChain.Verify"/>).</summary>
    /// <param name="store">The store.</param>
    public static async Task<AuditVerification> VerifyAuditAsync(this TrialStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        long headSequence;
        string headHash;
        await using (var connection = await store.OpenReadAsync())
        await using (var command = Sql.Command(connection, null, "SELECT seq, hash FROM audit_head WHERE id = 1"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) return new AuditVerification(0, 1, "the audit head row is missing");
            headSequence = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            headHash = reader.GetString(1);
        }
        var records = await store.ReadAuditAsync();
        return AuditChain.Verify(records, headSequence, headHash);
    }
}
