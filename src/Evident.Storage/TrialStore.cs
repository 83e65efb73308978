using System.Collections.Concurrent;
using System.Data.Common;
using Evident.Randomization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Evident.Storage;

/// <summary>
/// The randomization service's storage: trials, sites, users and tokens, the sealed allocation lists, randomizations,
/// unblindings and the hash-chained audit trail, in SQLite or PostgreSQL. Usable without the web host (the set-up
/// commands use it directly). Thread-safe; one instance per process and database.
/// </summary>
/// <remarks>
/// <para>Every change runs in one transaction that also appends its audit record and moves the audit head, so a change
/// is never stored without its record, and a crash leaves either both or neither. A call returns only after the commit
/// (SQLite: <c>synchronous=FULL</c> in WAL mode; PostgreSQL: the server's default durable commit).</para>
/// <para>Group commit on both databases (<see cref="GroupCommitWriter"/>): one writer task per store gathers the writes
/// waiting at that moment into one transaction, so one durable commit serves many randomizations, and a failing write
/// fails alone. The transaction holds the audit head: SQLite has a single writer per file; PostgreSQL locks the head row
/// with <c>SELECT … FOR UPDATE</c>, so any number of application nodes may share the database and their batches
/// serialise in the database, never in memory. The unique constraints (participant, slot, Idempotency-Key) hold even
/// without that lock.</para>
/// <para>In-memory caches only hold what cannot go stale or is bounded: parsed trials, sites seen committed (sites are
/// never removed), and bearer tokens for at most <see cref="TokenCacheLifetime"/>.</para>
/// <para>This type is the core (opening, connections, the writer, the caches); what is stored is read and written by
/// one extension class per concept: <see cref="TrialStorage"/> (trials, sites), <see cref="AccountStorage"/> (users,
/// tokens), <see cref="SignInStorage"/>, <see cref="RandomizationStorage"/> (randomizations, unblinding, invalidation,
/// allocation lists), <see cref="CaptureStorage"/> and <see cref="AuditStorage"/>. The schema is <see cref="Schema"/>.</para>
/// </remarks>
public sealed class TrialStore : IAsyncDisposable
{
    private readonly string sqliteConnectionString = "";
    private readonly NpgsqlDataSource? postgres;
    private readonly TimeProvider time;
    private GroupCommitWriter? writer;

    private TrialStore(StorageProvider provider, string connection, TimeProvider time)
    {
        Provider = provider;
        this.time = time;
        if (provider == StorageProvider.PostgreSql)
        {
            var builder = new NpgsqlDataSourceBuilder(connection);
            // Server-side prepared statements for the statements every randomization runs, unless the connection
            // string chose otherwise.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            postgres = builder.Build();
            return;
        }
        sqliteConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = connection,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>
    /// How long a bearer-token lookup (<see cref="AccountStorage.FindTokenAsync"/>) is reused: 1 s. A revocation through this store
    /// takes effect at once; one made by another process on the same database (another application node, or
    /// <c>evident user revoke</c>) takes effect within this bound. Expiry is checked on every request.
    /// </summary>
    public static readonly TimeSpan TokenCacheLifetime = TimeSpan.FromSeconds(1);

    /// <summary>Which database this store uses.</summary>
    public StorageProvider Provider { get; }

    /// <summary>
    /// Opens (and creates on first use) the database named by <paramref name="database"/>: a PostgreSQL connection string
    /// when it contains <c>Host=</c>, else the path of a SQLite file. The schema is created when missing.
    /// </summary>
    /// <param name="database">SQLite file path, or an Npgsql connection string such as <c>Host=127.0.0.1;Database=evident;Username=evident;Password=…</c>.</param>
    /// <param name="time">The clock for every timestamp (inject a fake one in tests).</param>
    /// <exception cref="DbException">The database cannot be opened or the schema created.</exception>
    public static async Task<TrialStore> OpenAsync(string database, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentNullException.ThrowIfNull(time);
        var provider = IsPostgres(database) ? StorageProvider.PostgreSql : StorageProvider.Sqlite;
        var store = new TrialStore(provider, database, time);
        try
        {
            await using (var connection = await store.OpenReadAsync()) await SchemaMigrations.ApplyAsync(connection, provider);
            store.writer = new GroupCommitWriter(store.sqliteConnectionString, store.postgres, time);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
        return store;
    }

    /// <summary>Whether <paramref name="database"/> is a PostgreSQL connection string (contains <c>Host=</c>) rather than a file path.</summary>
    /// <param name="database">The <c>--db</c> value.</param>
    public static bool IsPostgres(string database) => database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (writer is not null) await writer.DisposeAsync();
        if (postgres is not null) await postgres.DisposeAsync();
        else SqliteConnection.ClearAllPools();
    }

    /// <summary>Parsed trials by id (a trial never changes once created).</summary>
    internal ConcurrentDictionary<string, StoredTrial> Trials { get; } = new(StringComparer.Ordinal);

    /// <summary>Sites seen committed (sites are never removed).</summary>
    internal ConcurrentDictionary<(string Trial, string Site), bool> KnownSites { get; } = new();

    /// <summary>Recently looked-up bearer tokens.</summary>
    internal TokenCache Tokens { get; } = new(TokenCacheLifetime);

    /// <summary>A new open connection for reads outside the writer (dispose it).</summary>
    internal async Task<DbConnection> OpenReadAsync()
    {
        if (postgres is not null) return await postgres.OpenConnectionAsync();
        var connection = new SqliteConnection(sqliteConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in the group-commit writer's next transaction (see <see cref="GroupCommitWriter"/>).</summary>
    internal Task<T> WriteAsync<T>(Func<WriteContext, Task<T>> work, bool pipelined = false, DecisionKey? prefetch = null) =>
        (writer ?? throw new ObjectDisposedException(nameof(TrialStore))).WriteAsync(work, pipelined, prefetch);
}
