using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Evident.Randomization.Audit;

/// <summary>
/// The audit trail's hash chain: hₙ = SHA-256(JSON array [n, trial, at, actor, action, entity, details, reason, hₙ₋₁]),
/// h₀ = 64 zeros, written as 64 lowercase hex digits. The JSON array is written without spaces, so every field is
/// delimited and escaped and no two different records serialise alike. A database's last hash is also kept in a
/// one-row head table, so deleting the newest records is detected too.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash of a record with these fields, chained to <paramref name="previousHash"/>.</summary>
    /// <param name="sequence">The record's sequence number.</param>
    /// <param name="trialId">Trial, or null.</param>
    /// <param name="at">Timestamp text.</param>
    /// <param name="actor">Who.</param>
    /// <param name="action">What kind of change.</param>
    /// <param name="entity">What it changed.</param>
    /// <param name="details">JSON details.</param>
    /// <param name="reason">Why, or null.</param>
    /// <param name="previousHash">The previous record's hash.</param>
    public static string Hash(long sequence, string? trialId, string at, string actor, string action, string entity, string details, string? reason, string previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + details.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(sequence);
            WriteNullable(json, trialId);
            json.WriteStringValue(at);
            json.WriteStringValue(actor);
            json.WriteStringValue(action);
            json.WriteStringValue(entity);
            json.WriteStringValue(details);
            WriteNullable(json, reason);
            json.WriteStringValue(previousHash);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }

    /// <summary>The hash <paramref name="record"/> should carry, given its stored previous hash.</summary>
    /// <param name="record">A stored record.</param>
    public static string Expected(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Hash(record.Sequence, record.TrialId, record.At, record.Actor, record.Action, record.Entity, record.Details, record.Reason, record.PreviousHash);
    }

    /// <summary>
    /// Recomputes the chain over <paramref name="records"/> (in stored order) and reports the first broken link: a gap
    /// or repeat in the sequence numbers, a previous hash that is not the preceding record's hash, a hash that does not
    /// match the record's content, or a last hash that differs from the head.
    /// </summary>
    /// <param name="records">Every record, ascending by sequence.</param>
    /// <param name="headSequence">The head table's last sequence number.</param>
    /// <param name="headHash">The head table's last hash.</param>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records, long headSequence, string headHash)
    {
        ArgumentNullException.ThrowIfNull(records);
        string previous = Genesis;
        long expectedSequence = 1, count = 0;
        foreach (var record in records)
        {
            count++;
            if (record.Sequence != expectedSequence)
                return new AuditVerification(count, Math.Min(record.Sequence, expectedSequence), $"record {expectedSequence} is missing (the next stored record is {record.Sequence})");
            if (record.PreviousHash != previous)
                return new AuditVerification(count, record.Sequence, $"record {record.Sequence} does not link to record {record.Sequence - 1}: its previous hash differs from that record's hash");
            if (Expected(record) != record.Hash)
                return new AuditVerification(count, record.Sequence, $"record {record.Sequence} ({record.Action} {record.Entity}) was altered: its content does not match its hash");
            previous = record.Hash;
            expectedSequence++;
        }
        if (headSequence != expectedSequence - 1 || headHash != previous)
            return new AuditVerification(count, expectedSequence, $"the chain ends at record {expectedSequence - 1} but the head records {headSequence}: the newest records were deleted or the head was altered");
        return new AuditVerification(count, null, null);
    }
}
