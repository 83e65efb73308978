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
/// randomization is deferred (<see cref="Defer"/>: its row, covariates and audit record wait in
/// <see cref="DeferredRandomizations"/>), and every randomization waiting is sent, as three set-based inserts, in the
/// same command as the next statement that reads (<see cref="CommandAfterPending"/>) or as the head update, in order,
/// inside the same transaction. The decisions of permuted-block randomizations read nothing
/// (<see cref="Decisions"/>, read with the head), so a batch of them costs two round trips in all: <c>BEGIN</c> with the
/// head lock and their state, then their inserts with the head update and <c>COMMIT</c>. Any other command first requires the deferred
/// rows to be flushed (<see cref="FlushAsync"/>); the writer does that before each write that does not read through
/// <see cref="CommandAfterPending"/>. A failure in a pipelined batch cannot be pinned on one write, so the writer re-runs
/// such a batch without pipelining (and without <see cref="Decisions"/>).</para>
/// </remarks>
internal sealed class WriteContext
{
    private readonly Dictionary<string, DbCommand> commands;
    private List<Action>? afterCommit;
    private readonly DeferredRandomizations deferred = new();

    private WriteContext(DbConnection connection, DbTransaction? transaction, Dictionary<string, DbCommand> commands, long headSequence, string headHash, DateTimeOffset now)
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
    /// <summary>SQLite's transaction; null on PostgreSQL, whose transaction is driven by statements (see <see cref="BeginAsync"/>).</summary>
    public DbTransaction? Transaction { get; }
    public long HeadSequence { get; private set; }
    public string HeadHash { get; private set; }
    public DateTimeOffset Now { get; }
    public string NowText { get; }

    /// <summary>
    /// Reads the audit head inside <paramref name="transaction"/>, or (null: PostgreSQL) begins the transaction with
    /// <c>BEGIN</c> in the same command and locks the head row <c>FOR UPDATE</c>. With <paramref name="prefetch"/> keys
    /// (PostgreSQL), the same command then reads their <see cref="Decisions"/>. <see cref="CommitAsync"/> ends it.
    /// </summary>
    public static async Task<WriteContext> BeginAsync(DbConnection connection, DbTransaction? transaction, Dictionary<string, DbCommand> commands, DateTimeOffset now,
        IReadOnlyCollection<DecisionKey> prefetch)
    {
        var context = new WriteContext(connection, transaction, commands, 0, AuditChain.Genesis, now);
        string headSql = transaction is not null ? "SELECT seq, hash FROM audit_head WHERE id = 1"
            : "BEGIN ISOLATION LEVEL READ COMMITTED;\nSELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
        var head = prefetch.Count == 0 ? context.Command(headSql) : context.Command(headSql + ";\n" + PrefetchedDecisions.Query, PrefetchedDecisions.Parameters(prefetch));
        await using var reader = await head.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("The audit head row is missing; the database was altered behind the service's back.");
        context.HeadSequence = Convert.ToInt64(reader.GetValue(0));
        context.HeadHash = reader.GetString(1);
        if (prefetch.Count == 0) return context;
        await reader.NextResultAsync();
        context.Decisions = await PrefetchedDecisions.ReadAsync(reader, prefetch);
        return context;
    }

    /// <summary>The decision state of the batch's permuted-block randomizations, read with the head (null when none was asked for).</summary>
    public PrefetchedDecisions? Decisions { get; private set; }

    /// <summary>Whether writes may be deferred to the next command (set by the writer).</summary>
    public bool Pipelining { get; set; }

    /// <summary>Whether a write was deferred at any time in this transaction.</summary>
    public bool Deferred { get; private set; }

    /// <summary>Whether deferred randomizations are waiting to be sent.</summary>
    public bool HasPending => deferred.Count > 0;

    /// <summary>Sends the deferred randomizations, if any, on their own.</summary>
    public async Task FlushAsync()
    {
        if (!HasPending) return;
        await CachedCommand(DeferredRandomizations.Sql, deferred.Take()).ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The cached command for <paramref name="sql"/> preceded by the deferred randomizations, if any, in the same command
    /// text (their statements run first, so <paramref name="sql"/> sees them). Parameter names must not start with <c>@d</c>.
    /// </summary>
    public DbCommand CommandAfterPending(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!HasPending) return Command(sql, parameters);
        return CachedCommand(DeferredRandomizations.Sql + ";\n" + sql, [.. deferred.Take(), .. parameters]);
    }

    /// <summary>The cached command for <paramref name="sql"/>, bound to this transaction, with these parameter values (same names, same order at every use).</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (HasPending) throw new InvalidOperationException("Deferred randomizations must be sent before another command.");
        return CachedCommand(sql, parameters);
    }

    private DbCommand CachedCommand(string sql, (string Name, object? Value)[] parameters)
    {
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
        var record = NextAudit(trialId, actor, action, entity, details, reason);
        var parameters = new (string Name, object? Value)[changeParameters.Length + 10];
        changeParameters.CopyTo(parameters, 0);
        int k = changeParameters.Length;
        parameters[k] = ("@audit_seq", record.Sequence);
        parameters[k + 1] = ("@audit_trial", trialId);
        parameters[k + 2] = ("@audit_at", NowText);
        parameters[k + 3] = ("@audit_actor", actor);
        parameters[k + 4] = ("@audit_action", action);
        parameters[k + 5] = ("@audit_entity", entity);
        parameters[k + 6] = ("@audit_details", details);
        parameters[k + 7] = ("@audit_reason", reason);
        parameters[k + 8] = ("@audit_prev", record.PreviousHash);
        parameters[k + 9] = ("@audit_hash", record.Hash);
        string sql = changeSql is null ? InsertAudit : changeSql + ";\n" + InsertAudit;
        await Command(sql, parameters).ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Defers a randomization (<see cref="Pipelining"/> on): its row, its covariates and its audit record are sent with
    /// the batch's next reading command or with the head update. The audit head moves now.
    /// </summary>
    public void Defer(RandomizationRow row, string action, string entity, string details)
    {
        deferred.Add(row, NextAudit(row.TrialId, row.By, action, entity, details, null));
        Deferred = true;
    }

    /// <summary>The next audit record of the chain, the head moved to it.</summary>
    private AuditRow NextAudit(string? trialId, string actor, string action, string entity, string details, string? reason)
    {
        long sequence = HeadSequence + 1;
        string hash = AuditChain.Hash(sequence, trialId, NowText, actor, action, entity, details, reason, HeadHash);
        var record = new AuditRow(sequence, trialId, NowText, actor, action, entity, details, reason, HeadHash, hash);
        HeadSequence = sequence;
        HeadHash = hash;
        return record;
    }

    private const string UpdateHead = "UPDATE audit_head SET seq = @head_seq, hash = @head_hash WHERE id = 1";

    /// <summary>
    /// Writes the head back when <paramref name="headMoved"/> and commits. PostgreSQL: the deferred randomizations, the head
    /// update and <c>COMMIT</c> travel in one command (one round trip); a statement that fails there skips the rest, so
    /// nothing commits, and the caller rolls back.
    /// </summary>
    public async Task CommitAsync(bool headMoved)
    {
        (string, object?)[] head = [("@head_seq", HeadSequence), ("@head_hash", HeadHash)];
        if (Transaction is not null)
        {
            if (headMoved) await Command(UpdateHead, head).ExecuteNonQueryAsync();
            await Transaction.CommitAsync();
            return;
        }
        var commit = headMoved ? CommandAfterPending(UpdateHead + ";\nCOMMIT", head) : CommandAfterPending("COMMIT");
        await commit.ExecuteNonQueryAsync();
    }

    /// <summary>Rolls the transaction back, dropping any deferred randomizations.</summary>
    public async Task RollbackAsync()
    {
        if (HasPending) deferred.Take();
        if (Transaction is not null) await Transaction.RollbackAsync();
        else await CachedCommand("ROLLBACK", []).ExecuteNonQueryAsync();
    }
}
