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
            yield return AuditQueryStorage.Row(reader);
    }

    /// <summary>
    /// Recomputes the whole chain and reports the first broken link (see <see cref="AuditChain.Verify"/>); on an intact
    /// chain, checks the tables (randomizations, captured entries and corrections, unblindings, users, tokens, frozen data cuts) against the trail and reports the first disagreement (a row without its
    /// record is reported at the sequence number after the head), then checks the trail against the signed anchors.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="anchors">Signed anchors to check the trail against (<see cref="AuditAnchors"/>), each with its source; none by default.</param>
    /// <param name="publicKey">The trusted public key of the anchors (base64); required when <paramref name="anchors"/> are given.</param>
    public static async Task<AuditVerification> VerifyAuditAsync(this TrialStore store, IReadOnlyList<(string Source, AuditAnchor Anchor)>? anchors = null, string? publicKey = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (anchors is { Count: > 0 } && publicKey is null) throw new ArgumentException("Anchors are checked against a trusted public key.", nameof(publicKey));
        if (await store.ReadAuditHeadAsync() is not { } head) return new AuditVerification(0, 1, "the audit head row is missing");
        var records = await store.ReadAuditAsync();
        var chain = AuditChain.Verify(records, head.Sequence, head.Hash);
        if (!chain.IsIntact) return chain;
        if (await AuditTableCheck.FirstDisagreementAsync(store, records) is { } disagreement)
            return new AuditVerification(chain.Records, disagreement.Sequence ?? head.Sequence + 1, disagreement.Problem);
        if (anchors is { Count: > 0 } && AuditAnchors.FirstDisagreement(records, anchors, publicKey!) is { } anchored)
            return new AuditVerification(chain.Records, anchored.Sequence, anchored.Problem);
        return chain;
    }

    /// <summary>The head row: the last record's sequence number and hash, or null when the row is missing.</summary>
    /// <param name="store">The store.</param>
    public static async Task<(long Sequence, string Hash)?> ReadAuditHeadAsync(this TrialStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT seq, hash FROM audit_head WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1));
    }
}
