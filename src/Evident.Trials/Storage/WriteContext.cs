using System.Data.Common;
using System.Globalization;

namespace Evident.Trials.Storage;

/// <summary>
/// One write inside an open transaction that holds the audit head (SQLite: the single writer; PostgreSQL: the head row
/// locked FOR UPDATE). Appending an audit record advances the in-memory head; the owner writes the head back before
/// committing, so the chain and the change it records commit together or not at all.
/// </summary>
internal sealed class WriteContext(DbConnection connection, DbTransaction transaction, long headSequence, string headHash, DateTimeOffset now)
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public long HeadSequence { get; private set; } = headSequence;
    public string HeadHash { get; private set; } = headHash;
    public DateTimeOffset Now { get; } = now;
    public string NowText { get; } = Sql.Time(now);

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        Sql.Command(Connection, Transaction, sql, parameters);

    public (long Sequence, string Hash) Mark() => (HeadSequence, HeadHash);

    public void Reset((long Sequence, string Hash) mark) => (HeadSequence, HeadHash) = mark;

    public async Task AppendAuditAsync(string? trialId, string actor, string action, string entity, string details, string? reason)
    {
        long sequence = HeadSequence + 1;
        string hash = AuditChain.Hash(sequence, trialId, NowText, actor, action, entity, details, reason, HeadHash);
        await using var insert = Command(
            "INSERT INTO audit (seq, trial_id, at, actor, action, entity, details, reason, prev_hash, hash) VALUES (@seq, @trial, @at, @actor, @action, @entity, @details, @reason, @prev, @hash)",
            ("@seq", sequence), ("@trial", trialId), ("@at", NowText), ("@actor", actor), ("@action", action), ("@entity", entity),
            ("@details", details), ("@reason", reason), ("@prev", HeadHash), ("@hash", hash));
        await insert.ExecuteNonQueryAsync();
        HeadSequence = sequence;
        HeadHash = hash;
    }

    public async Task WriteHeadAsync()
    {
        await using var update = Command("UPDATE audit_head SET seq = @seq, hash = @hash WHERE id = 1", ("@seq", HeadSequence), ("@hash", HeadHash));
        await update.ExecuteNonQueryAsync();
    }
}

/// <summary>Small helpers for parameterized SQL (no value is ever spliced into SQL text).</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
