using System.Data.Common;
using Evident.Randomization.Audit;

namespace Evident.Storage;

/// <summary>
/// The writes of one batch inside an open transaction that holds the audit head (SQLite: the single writer; PostgreSQL:
/// the head row locked FOR UPDATE). Appending an audit record advances the in-memory head; the owner writes the head back
/// before committing, so the chain and the changes it records commit together or not at all.
/// </summary>
/// <remarks>
/// Commands come from a cache keyed by SQL text and owned by the writer (never dispose them): on SQLite each statement is
/// prepared once for the life of the writer's connection. Work that must happen only once the batch is durable (filling
/// in-memory caches) is registered with <see cref="AfterCommit"/>.
/// <para>Pipelining (PostgreSQL, where every statement is a network round trip): with <see cref="Pipelining"/> on, a
/// write may be deferred (the change sent with its audit record by <c>AppendAuditAsync</c>)
/// and is then sent in the same command as the next statement that reads (<see cref="CommandAfterPending"/>) or as the
/// head update, in order, inside the same transaction, so a randomization costs one round trip instead of two. Any
/// other command first requires the deferred write to be flushed (<see cref="FlushAsync"/>); the writer does that
/// before each write that does not read through <see cref="CommandAfterPending"/>. A failure in a pipelined batch
/// cannot be pinned on one write, so the writer re-runs such a batch without pipelining.</para>
/// </remarks>
internal sealed class WriteContext
{
    private readonly Dictionary<string, DbCommand> commands;
    private List<Action>? afterCommit;
    private (string Sql, (string Name, object? Value)[] Parameters)? pending;

    private WriteContext(DbConnection connection, DbTransaction transaction, Dictionary<string, DbCommand> commands, long headSequence, string headHash, DateTimeOffset now)
    {
        Connection = connection;
        Transaction = transaction;
        this.commands = commands;
        HeadSequence = headSequence;
        HeadHash = headHash;
        Now = now;
        NowText = Sql.Time(now);
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public long HeadSequence { get; private set; }
    public string HeadHash { get; private set; }
    public DateTimeOffset Now { get; }
    public string NowText { get; }

    /// <summary>Reads the audit head inside <paramref name="transaction"/>; <paramref name="lockHead"/> adds <c>FOR UPDATE</c> (PostgreSQL).</summary>
    public static async Task<WriteContext> BeginAsync(DbConnection connection, DbTransaction transaction, Dictionary<string, DbCommand> commands, DateTimeOffset now, bool lockHead)
    {
        var context = new WriteContext(connection, transaction, commands, 0, AuditChain.Genesis, now);
        var head = context.Command(lockHead ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE" : "SELECT seq, hash FROM audit_head WHERE id = 1");
        await using var reader = await head.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("The audit head row is missing; the database was altered behind the service's back.");
        context.HeadSequence = Convert.ToInt64(reader.GetValue(0));
        context.HeadHash = reader.GetString(1);
        return context;
    }

    /// <summary>Whether writes may be deferred to the next command (set by the writer).</summary>
    public bool Pipelining { get; set; }

    /// <summary>Whether a write was deferred at any time in this transaction.</summary>
    public bool Deferred { get; private set; }

    /// <summary>Whether a deferred write is waiting to be sent.</summary>
    public bool HasPending => pending is not null;

    /// <summary>Sends the deferred write, if any, on its own.</summary>
    public async Task FlushAsync()
    {
        if (pending is not { } write) return;
        pending = null;
        await Command(write.Sql, write.Parameters).ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The cached command for <paramref name="sql"/> preceded by the deferred write, if any, in the same command text (its
    /// statements run first, so <paramref name="sql"/> sees them). Parameter names must differ from the deferred write's.
    /// </summary>
    public DbCommand CommandAfterPending(string sql, params (string Name, object? Value)[] parameters)
    {
        if (pending is not { } write) return Command(sql, parameters);
        pending = null;
        return Command(write.Sql + ";\n" + sql, [.. write.Parameters, .. parameters]);
    }

    /// <summary>The cached command for <paramref name="sql"/>, bound to this transaction, with these parameter values (same names, same order at every use).</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (pending is not null) throw new InvalidOperationException("A deferred write must be sent before another command.");
        if (!commands.TryGetValue(sql, out var command))
        {
            command = Sql.Command(Connection, Transaction, sql, parameters);
            commands.Add(sql, command);
            return command;
        }
        command.Transaction = Transaction;
        for (int i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    /// <summary>Runs <paramref name="action"/> after the batch has committed (never when it rolls back).</summary>
    public void AfterCommit(Action action) => (afterCommit ??= []).Add(action);

    public void RunAfterCommit()
    {
        if (afterCommit is null) return;
        foreach (var action in afterCommit) action();
    }

    private const string InsertAudit =
        "INSERT INTO audit (seq, trial_id, at, actor, action, entity, details, reason, prev_hash, hash) " +
        "VALUES (@audit_seq, @audit_trial, @audit_at, @audit_actor, @audit_action, @audit_entity, @audit_details, @audit_reason, @audit_prev, @audit_hash)";

    /// <summary>Appends the audit record of a change (the change itself was written before).</summary>
    public Task AppendAuditAsync(string? trialId, string actor, string action, string entity, string details, string? reason) =>
        AppendAuditAsync(trialId, actor, action, entity, details, reason, null, []);

    /// <summary>
    /// Appends the audit record of a change, sending <paramref name="changeSql"/> (one statement, its parameters named
    /// other than <c>@audit_*</c>) in the same command, so the change and its record cost one round trip.
    /// </summary>
    public async Task AppendAuditAsync(string? trialId, string actor, string action, string entity, string details, string? reason,
        string? changeSql, (string Name, object? Value)[] changeParameters)
    {
        long sequence = HeadSequence + 1;
        string hash = AuditChain.Hash(sequence, trialId, NowText, actor, action, entity, details, reason, HeadHash);
        var parameters = new (string Name, object? Value)[changeParameters.Length + 10];
        changeParameters.CopyTo(parameters, 0);
        int k = changeParameters.Length;
        parameters[k] = ("@audit_seq", sequence);
        parameters[k + 1] = ("@audit_trial", trialId);
        parameters[k + 2] = ("@audit_at", NowText);
        parameters[k + 3] = ("@audit_actor", actor);
        parameters[k + 4] = ("@audit_action", action);
        parameters[k + 5] = ("@audit_entity", entity);
        parameters[k + 6] = ("@audit_details", details);
        parameters[k + 7] = ("@audit_reason", reason);
        parameters[k + 8] = ("@audit_prev", HeadHash);
        parameters[k + 9] = ("@audit_hash", hash);
        string sql = changeSql is null ? InsertAudit : changeSql + ";\n" + InsertAudit;
        HeadSequence = sequence;
        HeadHash = hash;
        if (Pipelining && changeSql is not null)
        {
            await FlushAsync();
            pending = (sql, parameters);
            Deferred = true;
            return;
        }
        await Command(sql, parameters).ExecuteNonQueryAsync();
    }

    public async Task WriteHeadAsync()
    {
        var update = CommandAfterPending("UPDATE audit_head SET seq = @head_seq, hash = @head_hash WHERE id = 1", ("@head_seq", HeadSequence), ("@head_hash", HeadHash));
        await update.ExecuteNonQueryAsync();
    }
}
