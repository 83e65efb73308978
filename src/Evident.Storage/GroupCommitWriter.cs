using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Evident.Storage;

/// <summary>
/// Group commit: one writer task per store takes every write waiting at that moment (at most <see cref="MaxBatch"/>)
/// and runs them, in arrival order, in one transaction that holds the audit head, so one durable commit (one fsync)
/// serves the whole batch. Nothing waits for a batch to fill: a write that arrives while the writer is idle starts a
/// batch of one at once, and writes arriving during a commit form the next batch.
/// </summary>
/// <remarks>
/// <para>Holding the head: SQLite has one writer per database file anyway (this process); PostgreSQL locks the head row
/// <c>FOR UPDATE</c>, so batches of several application nodes serialise in the database, never in memory.</para>
/// <para>Failure of one write: it must not take the others down, and it must not cost a savepoint round trip per write
/// in the normal case. So a batch runs without savepoints; when write k throws, the transaction rolls back, write k
/// fails with its own exception, and the batch is run again without it (the writes before k are re-run on the same
/// state, so they do the same). A failure of the commit itself fails every write of the batch: none is acknowledged.
/// PostgreSQL serialization failures and deadlocks re-run the batch (at most five attempts).</para>
/// <para>Pipelining (PostgreSQL): <c>BEGIN</c>, the head lock and the state every permuted-block randomization of the
/// batch decides on travel in one command (<see cref="PrefetchedDecisions"/>), the decisions are made in memory in
/// arrival order, and their inserts and audit records are sent as set-based inserts with the head update and
/// <c>COMMIT</c>: two round trips per batch instead of one or more per randomization (see <see cref="WriteContext"/>).</para>
/// <para>Prepared statements: SQLite keeps one long-lived connection whose commands (prepared once) are reused by SQL
/// text; PostgreSQL uses Npgsql's automatic preparation on the server side.</para>
/// <para>SQLite checkpoints: a commit that finds the WAL over its limit would copy the WAL back into the database file
/// and fsync it before answering, stalling that batch for tens of milliseconds. The writer's connection therefore turns
/// automatic checkpoints off, and a background task runs a PASSIVE checkpoint on its own connection at most every
/// <see cref="CheckpointInterval"/> after commits (PASSIVE never blocks the writer; durability is the WAL's fsync at
/// each commit, unchanged).</para>
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private const int MaxAttempts = 5;

    private readonly string sqliteConnectionString;
    private readonly NpgsqlDataSource? postgres;
    private readonly TimeProvider time;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private readonly Task? checkpoints;
    private readonly SemaphoreSlim committed = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private SqliteConnection? sqlite;
    private readonly Dictionary<string, DbCommand> sqliteCommands = new(StringComparer.Ordinal);

    public GroupCommitWriter(string sqliteConnectionString, NpgsqlDataSource? postgres, TimeProvider time)
    {
        this.sqliteConnectionString = sqliteConnectionString;
        this.postgres = postgres;
        this.time = time;
        if (postgres is not null)
        {
            loop = Task.Run(RunAsync);
            return;
        }
        loop = RunOnOwnThread();
        checkpoints = Task.Run(CheckpointLoopAsync);
    }

    /// <summary>
    /// SQLite's calls complete synchronously, so a batch never leaves the thread it starts on. A thread of its own keeps
    /// the writer out of the thread-pool queue, where under load it would wait behind request work before each batch.
    /// </summary>
    private Task RunOnOwnThread()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                RunAsync().GetAwaiter().GetResult();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "Evident SQLite writer",
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>The shortest time between two SQLite checkpoints: 200 ms.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Queues <paramref name="work"/> and completes after the transaction that ran it committed (or failed).</summary>
    /// <param name="work">The write.</param>
    /// <param name="pipelined">Whether its first command is read through <see cref="WriteContext.CommandAfterPending"/> (so a deferred write may wait for it).</param>
    /// <param name="prefetch">What its decision reads, to be read for the whole batch with the head (PostgreSQL), or null.</param>
    public Task<T> WriteAsync<T>(Func<WriteContext, Task<T>> work, bool pipelined, DecisionKey? prefetch)
    {
        var pending = new PendingWrite<T>(work, pipelined, prefetch);
        if (!queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(TrialStore));
        return pending.Result;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        await stopping.CancelAsync();
        if (checkpoints is not null) await checkpoints;
        stopping.Dispose();
        committed.Dispose();
    }

    private async Task CheckpointLoopAsync()
    {
        try
        {
            while (true)
            {
                await committed.WaitAsync(stopping.Token);
                try
                {
                    await using var connection = new SqliteConnection(sqliteConnectionString);
                    await connection.OpenAsync(stopping.Token);
                    await using var checkpoint = Sql.Command(connection, null, "PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(PASSIVE)");
                    await checkpoint.ExecuteNonQueryAsync(stopping.Token);
                }
                catch (SqliteException)
                {
                    // A checkpoint that cannot run now (busy, or the disk hiccups) is retried after the next commit;
                    // the committed data are safe in the WAL meanwhile.
                }
                await Task.Delay(CheckpointInterval, stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        var reader = queue.Reader;
        try
        {
            while (postgres is null ? reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult() : await reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var item)) batch.Add(item);
                await CommitAsync(batch);
            }
        }
        finally
        {
            await CloseSqliteAsync();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        bool pipelining = postgres is not null;
        while (batch.Count > 0)
        {
            var attempt = await TryCommitAsync(batch, pipelining);
            if (attempt.RetryWithoutPipelining)
            {
                pipelining = false;
                continue;
            }
            if (attempt.Results is not null)
            {
                for (int i = 0; i < batch.Count; i++) batch[i].Complete(attempt.Results[i]);
                return;
            }
            if (attempt.FailedItem < 0)
            {
                foreach (var item in batch) item.Fail(attempt.Failure!);
                return;
            }
            batch[attempt.FailedItem].Fail(attempt.Failure!);
            batch.RemoveAt(attempt.FailedItem);
        }
    }

    private async Task<Attempt> TryCommitAsync(List<PendingWrite> batch, bool pipelining)
    {
        for (int attempt = 1; ; attempt++)
        {
            DbConnection? owned = null;
            var commands = postgres is null ? sqliteCommands : new Dictionary<string, DbCommand>(StringComparer.Ordinal);
            try
            {
                DbConnection connection = postgres is null ? await OpenSqliteAsync() : owned = await postgres.OpenConnectionAsync();
                long begun = Stopwatch.GetTimestamp();
                // PostgreSQL's BEGIN travels with the head lock and its COMMIT with the inserts and the head update (WriteContext).
                await using var tx = postgres is null ? await connection.BeginTransactionAsync(IsolationLevel.Serializable) : null;
                var context = await WriteContext.BeginAsync(connection, tx, commands, time.GetUtcNow(),
                    pipelining ? [.. batch.Where(w => w.Prefetch is not null).Select(w => w.Prefetch!)] : []);
                context.Pipelining = pipelining;
                long headSequence = context.HeadSequence;
                var results = new object?[batch.Count];
                for (int i = 0; i < batch.Count; i++)
                {
                    try
                    {
                        if (!batch[i].Pipelined) await context.FlushAsync();
                        results[i] = await batch[i].RunAsync(context);
                    }
                    catch (Exception e) when (!IsTransient(e))
                    {
                        await context.RollbackAsync();
                        return context.Deferred ? Attempt.WithoutPipelining : new Attempt(null, i, e);
                    }
                }
                long committing = Stopwatch.GetTimestamp();
                if (!await CommitAsync(context, context.HeadSequence != headSequence)) return Attempt.WithoutPipelining;
                if (GroupCommitMetrics.Enabled) AddMetrics(batch, begun, committing);
                context.RunAfterCommit();
                if (postgres is null && committed.CurrentCount == 0) committed.Release();
                return new Attempt(results, -1, null);
            }
            catch (Exception e) when (IsTransient(e) && attempt < MaxAttempts)
            {
                await Task.Delay(attempt * 5);
            }
            catch (Exception e)
            {
                if (postgres is null) await CloseSqliteAsync();
                return new Attempt(null, -1, e);
            }
            finally
            {
                if (owned is not null)
                {
                    foreach (var command in commands.Values) await command.DisposeAsync();
                    await owned.DisposeAsync();
                }
            }
        }
    }

    /// <summary>
    /// Commits the batch; false when the server refused a deferred insert (nothing committed; rolled back): the batch is
    /// then re-run without pipelining to find the write at fault. Any other failure of the commit is thrown.
    /// </summary>
    private static async Task<bool> CommitAsync(WriteContext context, bool headMoved)
    {
        try
        {
            await context.CommitAsync(headMoved);
            return true;
        }
        catch (PostgresException e) when (!IsTransient(e) && context.Deferred)
        {
            await context.RollbackAsync();
            return false;
        }
    }

    private static void AddMetrics(List<PendingWrite> batch, long begun, long committing)
    {
        long end = Stopwatch.GetTimestamp(), queued = 0;
        foreach (var item in batch) queued += begun - item.Queued;
        GroupCommitMetrics.AddBatch(batch.Count, queued, end - begun, end - committing);
    }

    private static bool IsTransient(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    private async Task<SqliteConnection> OpenSqliteAsync()
    {
        if (sqlite is not null) return sqlite;
        var connection = new SqliteConnection(sqliteConnectionString);
        try
        {
            await connection.OpenAsync();
            await using var pragmas = Sql.Command(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=0");
            await pragmas.ExecuteNonQueryAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return sqlite = connection;
    }

    private async Task CloseSqliteAsync()
    {
        foreach (var command in sqliteCommands.Values) await command.DisposeAsync();
        sqliteCommands.Clear();
        if (sqlite is not null) await sqlite.DisposeAsync();
        sqlite = null;
    }

    /// <summary>
    /// The outcome of one attempt: every result, or the index of the write that threw (−1: the batch failed), or a
    /// failure in a pipelined attempt that must be re-run without pipelining to find the write at fault.
    /// </summary>
    private readonly record struct Attempt(object?[]? Results, int FailedItem, Exception? Failure, bool RetryWithoutPipelining = false)
    {
        public static Attempt WithoutPipelining => new(null, -1, null, true);
    }

    private abstract class PendingWrite(bool pipelined, DecisionKey? prefetch)
    {
        public bool Pipelined { get; } = pipelined;
        public DecisionKey? Prefetch { get; } = prefetch;
        public long Queued { get; } = Stopwatch.GetTimestamp();
        public abstract Task<object?> RunAsync(WriteContext context);
        public abstract void Complete(object? result);
        public abstract void Fail(Exception e);
    }

    private sealed class PendingWrite<T>(Func<WriteContext, Task<T>> work, bool pipelined, DecisionKey? prefetch) : PendingWrite(pipelined, prefetch)
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task<T> Result => completion.Task;
        public override async Task<object?> RunAsync(WriteContext context) => await work(context);
        public override void Complete(object? result) => completion.TrySetResult((T)result!);
        public override void Fail(Exception e) => completion.TrySetException(e);
    }
}
