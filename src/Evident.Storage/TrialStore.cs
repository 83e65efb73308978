using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Data.Common;
using System.Text.Json;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Audit;
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
/// </remarks>
public sealed class TrialStore : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string sqliteConnectionString = "";
    private readonly NpgsqlDataSource? postgres;
    private readonly TimeProvider time;
    private GroupCommitWriter? writer;
    private readonly ConcurrentDictionary<string, StoredTrial> trials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Trial, string Site), bool> knownSites = new();
    private readonly TokenCache tokens = new(TokenCacheLifetime);

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
    /// How long a bearer-token lookup (<see cref="FindTokenAsync"/>) is reused: 1 s. A revocation through this store
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
            await store.CreateSchemaAsync();
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

    // ---------------------------------------------------------------- trials, sites, users, tokens

    /// <summary>
    /// Registers a trial from its protocol and seals its allocation lists: for permuted blocks, one list of at least
    /// <paramref name="listLength"/> slots per stratum (whole blocks, sizes drawn at random) generated from
    /// <paramref name="random"/>; for minimization, zeroed marginal counts. The protocol's sites are added.
    /// </summary>
    /// <param name="yaml">The protocol file's text (stored verbatim).</param>
    /// <param name="sourceName">Its file name, for messages.</param>
    /// <param name="blinded">Whether arms are hidden from every role but the unblinded statistician.</param>
    /// <param name="listLength">Slots per stratum, 1 ≤ n ≤ 1,000,000 (permuted blocks only).</param>
    /// <param name="random">The generator (<see cref="CryptographicRandom"/> in service).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="ProtocolException">The protocol is not valid.</exception>
    /// <exception cref="StoreConflictException">A trial with the protocol's id exists.</exception>
    public async Task<StoredTrial> CreateTrialAsync(string yaml, string sourceName, bool blinded, int listLength, Random random, string actor)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(listLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listLength, 1_000_000);
        var protocol = TrialProtocol.Parse(yaml, sourceName);
        var lists = new List<AllocationSlot>();
        if (protocol.Allocation.Method == AllocationMethod.PermutedBlocks)
            foreach (string stratum in StratumKey.All(protocol))
                lists.AddRange(PermutedBlocks.Generate(protocol.Allocation, protocol.Arms, stratum, listLength, random));

        return await WriteAsync(async w =>
        {
            string id = protocol.Trial.Id;
            var exists = w.Command("SELECT COUNT(*) FROM trials WHERE id = @id", ("@id", id));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync()) > 0) throw new StoreConflictException($"Trial '{id}' exists already.");
            await w.Command(
                "INSERT INTO trials (id, protocol_yaml, protocol_source, protocol_hash, blinded, created_at) VALUES (@id, @yaml, @source, @hash, @blinded, @at)",
                ("@id", id), ("@yaml", yaml), ("@source", sourceName), ("@hash", protocol.Hash), ("@blinded", blinded ? 1 : 0), ("@at", w.NowText)).ExecuteNonQueryAsync();
            var slot = w.Command(
                "INSERT INTO allocation_list (trial_id, stratum, seq, block, block_size, arm) VALUES (@t, @s, @q, @b, @n, @a)",
                ("@t", id), ("@s", ""), ("@q", 0), ("@b", 0), ("@n", 0), ("@a", ""));
            slot.Prepare();
            foreach (var s in lists)
            {
                slot.Parameters["@s"].Value = s.Stratum;
                slot.Parameters["@q"].Value = s.Sequence;
                slot.Parameters["@b"].Value = s.Block;
                slot.Parameters["@n"].Value = s.BlockSize;
                slot.Parameters["@a"].Value = s.Arm;
                await slot.ExecuteNonQueryAsync();
            }
            var details = new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["protocol_hash"] = protocol.Hash,
                ["protocol_source"] = sourceName,
                ["blinded"] = blinded,
                ["method"] = protocol.Allocation.Method == AllocationMethod.PermutedBlocks ? "permuted-blocks" : "minimization",
                ["strata"] = StratumKey.All(protocol).Count,
                ["slots"] = lists.Count,
            };
            await w.AppendAuditAsync(id, actor, "trial.create", $"trial:{id}", JsonSerializer.Serialize(details, Json), null);
            foreach (var site in protocol.Sites) await InsertSiteAsync(w, id, site.Id, site.Label, actor);
            return new StoredTrial(id, protocol, blinded, w.Now, yaml);
        });
    }

    /// <summary>The trial with this id, or null.</summary>
    /// <param name="trialId">The trial id.</param>
    public async Task<StoredTrial?> GetTrialAsync(string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (trials.TryGetValue(trialId, out var cached)) return cached;
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT protocol_yaml, protocol_source, blinded, created_at FROM trials WHERE id = @id", ("@id", trialId));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        var protocol = TrialProtocol.Parse(reader.GetString(0), reader.GetString(1));
        var trial = new StoredTrial(trialId, protocol, Convert.ToInt64(reader.GetValue(2)) != 0, Sql.ParseTime(reader.GetString(3)), reader.GetString(0));
        return trials.GetOrAdd(trialId, trial);
    }

    /// <summary>The ids of every trial, ascending.</summary>
    public async Task<IReadOnlyList<string>> ListTrialIdsAsync()
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT id FROM trials ORDER BY id");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Adds a site to a trial.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="siteId">Site id, 1–64 characters.</param>
    /// <param name="label">Site name; the id when null.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such trial.</exception>
    /// <exception cref="StoreConflictException">The site exists.</exception>
    public async Task<StoredSite> AddSiteAsync(string trialId, string siteId, string? label, string actor)
    {
        await RequireTrialAsync(trialId);
        CheckName(siteId, "site id");
        return await WriteAsync(w => InsertSiteAsync(w, trialId, siteId, label ?? siteId, actor));
    }

    /// <summary>The sites of a trial, by id.</summary>
    /// <param name="trialId">The trial.</param>
    public async Task<IReadOnlyList<StoredSite>> ListSitesAsync(string trialId)
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT id, label FROM sites WHERE trial_id = @t ORDER BY id", ("@t", trialId));
        var sites = new List<StoredSite>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sites.Add(new StoredSite(reader.GetString(0), reader.GetString(1)));
        return sites;
    }

    /// <summary>Adds a user to a trial and issues their first bearer token (returned once; stored hashed).</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">User name, 1–64 characters, unique in the trial.</param>
    /// <param name="role">The role.</param>
    /// <param name="site">The site, required for (and only for) a site coordinator.</param>
    /// <param name="passwordHash">A password hash (ASP.NET Core Identity format) for the web pages, or null.</param>
    /// <param name="tokenLifetime">How long the token works, &gt; 0.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such trial or site.</exception>
    /// <exception cref="StoreConflictException">The user exists.</exception>
    /// <exception cref="ArgumentException">A coordinator without a site, or another role with one.</exception>
    public async Task<IssuedToken> AddUserAsync(string trialId, string name, TrialRole role, string? site, string? passwordHash, TimeSpan tokenLifetime, string actor)
    {
        await RequireTrialAsync(trialId);
        CheckName(name, "user name");
        if ((role == TrialRole.SiteCoordinator) != (site is not null))
            throw new ArgumentException(role == TrialRole.SiteCoordinator ? "A site coordinator needs a site." : "Only a site coordinator has a site.", nameof(site));
        if (tokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(tokenLifetime), "The token lifetime must be positive.");
        var (token, hash) = ApiTokens.Mint();
        return await WriteAsync(async w =>
        {
            if (site is not null && !await SiteExistsAsync(w, trialId, site)) throw new StoreNotFoundException($"Site '{site}' is not a site of trial '{trialId}'.");
            var exists = w.Command("SELECT COUNT(*) FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", name));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync()) > 0) throw new StoreConflictException($"User '{name}' exists already in trial '{trialId}'.");
            var insert = w.Command(
                "INSERT INTO users (trial_id, name, role, site_id, password_hash, created_at) VALUES (@t, @n, @r, @s, @p, @at) RETURNING id",
                ("@t", trialId), ("@n", name), ("@r", TrialRoles.Name(role)), ("@s", site), ("@p", passwordHash), ("@at", w.NowText));
            long userId = Convert.ToInt64(await insert.ExecuteScalarAsync());
            var expires = await InsertTokenAsync(w, userId, hash, tokenLifetime);
            var details = new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = name, ["role"] = TrialRoles.Name(role), ["site"] = site, ["password"] = passwordHash is not null, ["token_expires"] = Sql.Time(expires),
            };
            await w.AppendAuditAsync(trialId, actor, "user.add", $"user:{name}", JsonSerializer.Serialize(details, Json), null);
            return new IssuedToken(trialId, name, role, token, expires);
        });
    }

    /// <summary>Issues a further bearer token to an existing user (returned once; stored hashed).</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">The user.</param>
    /// <param name="tokenLifetime">How long it works, &gt; 0.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such user.</exception>
    public async Task<IssuedToken> IssueTokenAsync(string trialId, string name, TimeSpan tokenLifetime, string actor)
    {
        if (tokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(tokenLifetime), "The token lifetime must be positive.");
        var (token, hash) = ApiTokens.Mint();
        return await WriteAsync(async w =>
        {
            var (userId, role) = await FindUserAsync(w, trialId, name);
            var expires = await InsertTokenAsync(w, userId, hash, tokenLifetime);
            await w.AppendAuditAsync(trialId, actor, "token.issue", $"user:{name}", JsonSerializer.Serialize(new { expires = Sql.Time(expires) }, Json), null);
            return new IssuedToken(trialId, name, role, token, expires);
        });
    }

    /// <summary>Revokes every live token of a user; returns how many.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">The user.</param>
    /// <param name="reason">Why, or null.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such user.</exception>
    public Task<int> RevokeTokensAsync(string trialId, string name, string? reason, string actor) => WriteAsync(async w =>
    {
        var (userId, _) = await FindUserAsync(w, trialId, name);
        var update = w.Command("UPDATE tokens SET revoked_at = @at WHERE user_id = @u AND revoked_at IS NULL", ("@at", w.NowText), ("@u", userId));
        int revoked = await update.ExecuteNonQueryAsync();
        w.AfterCommit(() => tokens.Forget(trialId, name));
        await w.AppendAuditAsync(trialId, actor, "token.revoke", $"user:{name}", JsonSerializer.Serialize(new { revoked }, Json), reason);
        return revoked;
    });

    /// <summary>The users of a trial, by name.</summary>
    /// <param name="trialId">The trial.</param>
    public async Task<IReadOnlyList<StoredUser>> ListUsersAsync(string trialId)
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT name, role, site_id, password_hash FROM users WHERE trial_id = @t ORDER BY name", ("@t", trialId));
        var users = new List<StoredUser>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            TrialRoles.TryParse(reader.GetString(1), out var role);
            users.Add(new StoredUser(reader.GetString(0), role, Sql.NullableString(reader, 2), !reader.IsDBNull(3)));
        }
        return users;
    }

    /// <summary>The stored password hash of a user (for the web pages' sign-in), or null when none is set or the user does not exist.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="name">The user.</param>
    public async Task<string?> GetPasswordHashAsync(string trialId, string name)
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT password_hash FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", name));
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>
    /// Who holds the token with this hash (see <see cref="ApiTokens.Hash"/>), or null when no such token was issued.
    /// A token found is remembered for <see cref="TokenCacheLifetime"/> (see there for how soon a revocation applies).
    /// </summary>
    /// <param name="tokenHash">SHA-256 of the presented token.</param>
    public async Task<TokenOwner?> FindTokenAsync(string tokenHash)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        if (tokens.TryGet(tokenHash, out var cached)) return cached;
        var ticket = tokens.Ticket();
        var owner = await ReadTokenAsync(tokenHash);
        tokens.Store(tokenHash, owner, ticket);
        return owner;
    }

    private async Task<TokenOwner?> ReadTokenAsync(string tokenHash)
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT u.trial_id, u.name, u.role, u.site_id, t.expires_at, t.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = @h",
            ("@h", tokenHash));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        if (!TrialRoles.TryParse(reader.GetString(2), out var role)) return null;
        string? revoked = Sql.NullableString(reader, 5);
        return new TokenOwner(reader.GetString(0), reader.GetString(1), role, Sql.NullableString(reader, 3),
            Sql.ParseTime(reader.GetString(4)), revoked is null ? null : Sql.ParseTime(revoked));
    }

    // ---------------------------------------------------------------- randomization

    /// <summary>
    /// Randomizes a participant, or returns the allocation already made for the same participant or the same
    /// <paramref name="idempotencyKey"/> without using another slot. The request must already have passed
    /// <see cref="EnrolmentCheck.Problems"/>. Permuted blocks: the next unused slot of the participant's stratum.
    /// Minimization: <see cref="Minimization.Choose"/> over the marginal counts of the protocol's factors, drawn with
    /// <paramref name="random"/>. Baseline covariates given in the request are stored with the randomization (one
    /// <c>baseline_values</c> row each, in the same transaction) and named in its audit record; a repeat for the same
    /// participant must give the same site, strata and covariates, or it is a <see cref="RandomizationStatus.Conflict"/>.
    /// </summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="request">The validated request.</param>
    /// <param name="idempotencyKey">The client's Idempotency-Key (1–128 characters), or null.</param>
    /// <param name="random">The generator for minimization (<see cref="CryptographicRandom"/> in service).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such trial.</exception>
    public async Task<RandomizationOutcome> RandomizeAsync(string trialId, EnrolmentRequest request, string? idempotencyKey, Random random, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var trial = await RequireTrialAsync(trialId);
        var protocol = trial.Protocol;
        string stratum = StratumKey.For(protocol, request.Strata);
        string strataJson = JsonSerializer.Serialize(new SortedDictionary<string, string>(request.Strata.ToDictionary(), StringComparer.Ordinal), Json);
        string eligibilityJson = JsonSerializer.Serialize(new SortedDictionary<string, bool>(request.Eligibility.ToDictionary(), StringComparer.Ordinal), Json);
        var covariates = Sorted(request.Covariates);
        string covariatesJson = covariates.Count == 0 ? "{}" : JsonSerializer.Serialize(covariates, Json);

        return await WriteAsync(pipelined: true, work: async w =>
        {
            // One round trip reads what the decision needs: an earlier randomization of the participant or with the
            // same Idempotency-Key; the stratum's next slot (the highest used seq, read backwards on the unique key
            // (trial, stratum, seq), plus one) with its listed arm; and the next randomization id. The audit head held by
            // this transaction makes both "next" values exact; the unique keys back them.
            // On PostgreSQL the previous randomization's insert travels in the same command (see WriteContext).
            var read = w.CommandAfterPending(
                SelectRandomization + " WHERE trial_id = @r_t AND (participant_id = @r_p OR idempotency_key = @r_k);\n" +
                """
                SELECT n.seq, a.arm FROM (SELECT COALESCE((SELECT seq FROM randomizations WHERE trial_id = @r_t AND stratum = @r_s ORDER BY seq DESC LIMIT 1), 0) + 1 AS seq) n
                LEFT JOIN allocation_list a ON a.trial_id = @r_t AND a.stratum = @r_s AND a.seq = n.seq;
                SELECT COALESCE(MAX(id), 0) + 1 FROM randomizations
                """,
                ("@r_t", trialId), ("@r_p", request.ParticipantId), ("@r_k", idempotencyKey), ("@r_s", stratum));
            Allocation? same = null, other = null;
            int sequence;
            string? listed;
            long id;
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var r = ReadRandomization(reader);
                    if (r.ParticipantId == request.ParticipantId) same = r;
                    else other = r;
                }
                await reader.NextResultAsync();
                await reader.ReadAsync();
                sequence = Convert.ToInt32(reader.GetValue(0));
                listed = Sql.NullableString(reader, 1);
                await reader.NextResultAsync();
                await reader.ReadAsync();
                id = Convert.ToInt64(reader.GetValue(0));
            }
            if (same is not null)
            {
                // A repeat is rare, so its covariates are read only now, keeping them off every randomization's read.
                same = same with { Covariates = await ReadCovariatesAsync(w, trialId, request.ParticipantId) };
                string sameStrata = JsonSerializer.Serialize(new SortedDictionary<string, string>(same.Strata.ToDictionary(), StringComparer.Ordinal), Json);
                if (same.Site != request.Site || sameStrata != strataJson)
                    return new RandomizationOutcome(RandomizationStatus.Conflict, null, $"Participant '{request.ParticipantId}' is already randomized with a different site or different stratification values.");
                return JsonSerializer.Serialize(same.Covariates, Json) == covariatesJson
                    ? new RandomizationOutcome(RandomizationStatus.Existing, same, null)
                    : new RandomizationOutcome(RandomizationStatus.Conflict, null, $"Participant '{request.ParticipantId}' is already randomized with different baseline covariates ({Describe(same.Covariates)}).");
            }
            if (other is not null)
                return new RandomizationOutcome(RandomizationStatus.Conflict, null, "The Idempotency-Key was already used for another participant.");
            if (!await SiteExistsAsync(w, trialId, request.Site))
                return new RandomizationOutcome(RandomizationStatus.UnknownSite, null, $"Site '{request.Site}' is not a site of trial '{trialId}'.");

            string arm;
            if (protocol.Allocation.Method == AllocationMethod.PermutedBlocks)
            {
                if (listed is null)
                    return new RandomizationOutcome(RandomizationStatus.ListExhausted, null,
                        $"The allocation list of stratum '{stratum}' is used up ({sequence - 1} slots); the unblinded statistician must extend it.");
                arm = listed;
            }
            else
            {
                arm = await MinimizeAsync(w, trialId, protocol, request, random);
            }

            string details = $"{{\"id\":{id},\"site\":{JsonSerializer.Serialize(request.Site, Json)},\"strata\":{strataJson},\"eligibility\":{eligibilityJson}," +
                             (covariates.Count > 0 ? $"\"covariates\":{covariatesJson}," : "") + $"\"arm\":{JsonSerializer.Serialize(arm, Json)}}}";
            (string Name, object? Value)[] parameters =
                [("@id", id), ("@t", trialId), ("@p", request.ParticipantId), ("@site", request.Site), ("@s", stratum), ("@strata", strataJson),
                 ("@elig", eligibilityJson), ("@q", sequence), ("@arm", arm), ("@k", idempotencyKey), ("@at", w.NowText), ("@by", actor)];
            string insert = InsertRandomization;
            if (covariates.Count > 0)
            {
                // Rows only when covariates are given, in the same command as the randomization and its audit record.
                insert += ";\n" + InsertBaselineValues(covariates.Count);
                parameters = [.. parameters, .. covariates.SelectMany((c, i) => new (string, object?)[] { ($"@b_c{i}", c.Key), ($"@b_v{i}", c.Value) })];
            }
            await w.AppendAuditAsync(trialId, actor, "randomize", $"participant:{request.ParticipantId}", details, null, insert, parameters);
            return new RandomizationOutcome(RandomizationStatus.Created,
                new Allocation(id, trialId, request.ParticipantId, request.Site, request.Strata, arm, w.Now, actor, null, null) { Covariates = covariates }, null);
        });
    }

    /// <summary>The randomization of one participant, or null.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    public async Task<Allocation?> GetRandomizationAsync(string trialId, string participantId)
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectOneRandomization, ("@t", trialId), ("@p", participantId));
        await using var reader = await command.ExecuteReaderAsync();
        return await ReadOneRandomizationAsync(reader);
    }

    /// <summary>The randomizations of a trial (of one site when <paramref name="site"/> is given), in commit order.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="site">A site, or null for all.</param>
    public async Task<IReadOnlyList<Allocation>> ListRandomizationsAsync(string trialId, string? site = null)
    {
        await using var connection = await OpenReadAsync();
        // One round trip: the covariates of the listed participants, then the randomizations.
        const string baseline = "SELECT b.participant_id, b.covariate, b.value FROM baseline_values b";
        await using var command = site is null
            ? Sql.Command(connection, null,
                baseline + " WHERE b.trial_id = @t;\n" + SelectRandomization + " WHERE trial_id = @t ORDER BY id", ("@t", trialId))
            : Sql.Command(connection, null,
                baseline + " JOIN randomizations r ON r.trial_id = b.trial_id AND r.participant_id = b.participant_id WHERE b.trial_id = @t AND r.site_id = @s;\n" +
                SelectRandomization + " WHERE trial_id = @t AND site_id = @s ORDER BY id", ("@t", trialId), ("@s", site));
        await using var reader = await command.ExecuteReaderAsync();
        var covariates = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            string participant = reader.GetString(0);
            if (!covariates.TryGetValue(participant, out var values)) covariates[participant] = values = new SortedDictionary<string, string>(StringComparer.Ordinal);
            values[reader.GetString(1)] = reader.GetString(2);
        }
        await reader.NextResultAsync();
        var list = new List<Allocation>();
        while (await reader.ReadAsync())
        {
            var r = ReadRandomization(reader);
            list.Add(covariates.TryGetValue(r.ParticipantId, out var values) ? r with { Covariates = values.AsReadOnly() } : r);
        }
        return list;
    }

    /// <summary>Records an emergency unblinding of one participant and returns the randomization (with its arm), or null when the participant is not randomized.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    /// <param name="reason">Why (required, non-blank).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    public Task<Allocation?> UnblindAsync(string trialId, string participantId, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return WriteAsync<Allocation?>(async w =>
        {
            var r = await ReadRandomizationAsync(w, trialId, participantId);
            if (r is null) return null;
            await w.Command(
                "INSERT INTO unblindings (trial_id, participant_id, site_id, unblinded_by, unblinded_at, reason) VALUES (@t, @p, @s, @by, @at, @why)",
                ("@t", trialId), ("@p", participantId), ("@s", r.Site), ("@by", actor), ("@at", w.NowText), ("@why", reason)).ExecuteNonQueryAsync();
            await w.AppendAuditAsync(trialId, actor, "unblind", $"participant:{participantId}", JsonSerializer.Serialize(new { id = r.Id, site = r.Site }, Json), reason);
            return r;
        });
    }

    /// <summary>The emergency unblindings of a trial, oldest first.</summary>
    /// <param name="trialId">The trial.</param>
    public async Task<IReadOnlyList<Unblinding>> ListUnblindingsAsync(string trialId)
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT participant_id, site_id, unblinded_by, unblinded_at, reason FROM unblindings WHERE trial_id = @t ORDER BY id", ("@t", trialId));
        var list = new List<Unblinding>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new Unblinding(reader.GetString(0), reader.GetString(1), reader.GetString(2), Sql.ParseTime(reader.GetString(3)), reader.GetString(4)));
        return list;
    }

    /// <summary>
    /// Marks a randomization invalid (it stays stored, its slot stays used) and returns it, or null when the participant
    /// is not randomized.
    /// </summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    /// <param name="reason">Why (required, non-blank).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreConflictException">It is invalidated already.</exception>
    public Task<Allocation?> InvalidateAsync(string trialId, string participantId, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return WriteAsync<Allocation?>(async w =>
        {
            var r = await ReadRandomizationAsync(w, trialId, participantId);
            if (r is null) return null;
            if (r.InvalidatedAt is not null) throw new StoreConflictException($"The randomization of participant '{participantId}' is invalidated already.");
            await w.Command(
                "UPDATE randomizations SET invalidated_at = @at, invalidated_by = @by, invalidation_reason = @why WHERE id = @id",
                ("@at", w.NowText), ("@by", actor), ("@why", reason), ("@id", r.Id)).ExecuteNonQueryAsync();
            await w.AppendAuditAsync(trialId, actor, "invalidate", $"participant:{participantId}", JsonSerializer.Serialize(new { id = r.Id }, Json), reason);
            return r with { InvalidatedAt = w.Now, InvalidationReason = reason };
        });
    }

    /// <summary>The sealed allocation list of a trial (every stratum, in order); only the unblinded statistician may see it.</summary>
    /// <param name="trialId">The trial.</param>
    public async Task<IReadOnlyList<AllocationSlot>> ReadAllocationListAsync(string trialId)
    {
        await using var connection = await OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT stratum, seq, block, block_size, arm FROM allocation_list WHERE trial_id = @t ORDER BY stratum, seq", ("@t", trialId));
        var list = new List<AllocationSlot>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new AllocationSlot(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)), Convert.ToInt32(reader.GetValue(3)), reader.GetString(4)));
        return list;
    }

    // ---------------------------------------------------------------- audit

    /// <summary>The audit records (of one trial when <paramref name="trialId"/> is given), ascending.</summary>
    /// <param name="trialId">A trial, or null for the whole chain.</param>
    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string? trialId = null)
    {
        var list = new List<AuditRecord>();
        await foreach (var record in StreamAuditAsync(trialId)) list.Add(record);
        return list;
    }

    /// <summary>Recomputes the whole chain and reports the first broken link (see <see cref="AuditChain.Verify"/>).</summary>
    public async Task<AuditVerification> VerifyAuditAsync()
    {
        long headSequence;
        string headHash;
        await using (var connection = await OpenReadAsync())
        await using (var command = Sql.Command(connection, null, "SELECT seq, hash FROM audit_head WHERE id = 1"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) return new AuditVerification(0, 1, "the audit head row is missing");
            headSequence = Convert.ToInt64(reader.GetValue(0));
            headHash = reader.GetString(1);
        }
        var records = await ReadAuditAsync();
        return AuditChain.Verify(records, headSequence, headHash);
    }

    private async IAsyncEnumerable<AuditRecord> StreamAuditAsync(string? trialId)
    {
        await using var connection = await OpenReadAsync();
        const string select = "SELECT seq, trial_id, at, actor, action, entity, details, reason, prev_hash, hash FROM audit";
        await using var command = trialId is null
            ? Sql.Command(connection, null, select + " ORDER BY seq")
            : Sql.Command(connection, null, select + " WHERE trial_id = @t ORDER BY seq", ("@t", trialId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            yield return new AuditRecord(Convert.ToInt64(reader.GetValue(0)), Sql.NullableString(reader, 1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), Sql.NullableString(reader, 7), reader.GetString(8), reader.GetString(9));
    }

    // ---------------------------------------------------------------- internals

    private const string SelectRandomization =
        "SELECT id, trial_id, participant_id, site_id, strata_json, arm, randomized_at, randomized_by, invalidated_at, invalidation_reason FROM randomizations";

    private const string SelectCovariates = "SELECT covariate, value FROM baseline_values WHERE trial_id = @t AND participant_id = @p ORDER BY covariate";

    /// <summary>One participant's randomization and covariates, in one round trip (read by <see cref="ReadOneRandomizationAsync"/>).</summary>
    private const string SelectOneRandomization = SelectRandomization + " WHERE trial_id = @t AND participant_id = @p;\n" + SelectCovariates;

    private const string InsertRandomization = """
        INSERT INTO randomizations (id, trial_id, participant_id, site_id, stratum, strata_json, eligibility_json, seq, arm, idempotency_key, randomized_at, randomized_by)
        VALUES (@id, @t, @p, @site, @s, @strata, @elig, @q, @arm, @k, @at, @by)
        """;

    private static readonly IReadOnlyDictionary<string, string> NoCovariates = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The insert of <paramref name="count"/> covariates of the randomization being inserted (<c>@t</c>, <c>@p</c>; <c>@b_cI</c>, <c>@b_vI</c>).</summary>
    private static string InsertBaselineValues(int count) =>
        "INSERT INTO baseline_values (trial_id, participant_id, covariate, value) VALUES " +
        string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@t, @p, @b_c{i}, @b_v{i})"));

    /// <summary>Covariates by id in ordinal order (the order they are stored, compared and shown in); empty for null.</summary>
    private static IReadOnlyDictionary<string, string> Sorted(IReadOnlyDictionary<string, string>? covariates) =>
        covariates is null || covariates.Count == 0 ? NoCovariates : new SortedDictionary<string, string>(covariates.ToDictionary(), StringComparer.Ordinal).AsReadOnly();

    private static string Describe(IReadOnlyDictionary<string, string> covariates) =>
        covariates.Count == 0 ? "none recorded" : string.Join(", ", covariates.Select(c => $"{c.Key} {c.Value}"));

    /// <summary>A randomization row without its covariates (<see cref="Allocation.Covariates"/> is empty until set).</summary>
    private static Allocation ReadRandomization(DbDataReader reader)
    {
        var strata = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [];
        string? invalidated = Sql.NullableString(reader, 8);
        return new Allocation(Convert.ToInt64(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), strata,
            reader.GetString(5), Sql.ParseTime(reader.GetString(6)), reader.GetString(7), invalidated is null ? null : Sql.ParseTime(invalidated),
            Sql.NullableString(reader, 9));
    }

    /// <summary>Reads the two result sets of <see cref="SelectOneRandomization"/>.</summary>
    private static async Task<Allocation?> ReadOneRandomizationAsync(DbDataReader reader)
    {
        if (!await reader.ReadAsync()) return null;
        var r = ReadRandomization(reader);
        await reader.NextResultAsync();
        var covariates = await ReadCovariatesAsync(reader);
        return covariates.Count == 0 ? r : r with { Covariates = covariates };
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadCovariatesAsync(DbDataReader reader)
    {
        SortedDictionary<string, string>? values = null;
        while (await reader.ReadAsync()) (values ??= new SortedDictionary<string, string>(StringComparer.Ordinal))[reader.GetString(0)] = reader.GetString(1);
        return values is null ? NoCovariates : values.AsReadOnly();
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadCovariatesAsync(WriteContext w, string trialId, string participantId)
    {
        await using var reader = await w.Command(SelectCovariates, ("@t", trialId), ("@p", participantId)).ExecuteReaderAsync();
        return await ReadCovariatesAsync(reader);
    }

    internal static async Task<Allocation?> ReadRandomizationAsync(WriteContext w, string trialId, string participantId)
    {
        var command = w.Command(SelectOneRandomization, ("@t", trialId), ("@p", participantId));
        await using var reader = await command.ExecuteReaderAsync();
        return await ReadOneRandomizationAsync(reader);
    }

    private static async Task<string> MinimizeAsync(WriteContext w, string trialId, TrialProtocol protocol, EnrolmentRequest request, Random random)
    {
        var settings = protocol.Allocation.Minimization ?? new MinimizationSettings(protocol.Strata.Select(s => s.Id).ToArray(), 0.8);
        int arms = protocol.Arms.Count;
        var counts = new int[settings.Factors.Count * arms];
        var levels = new string[settings.Factors.Count];
        for (int f = 0; f < settings.Factors.Count; f++)
        {
            string factor = settings.Factors[f];
            levels[f] = factor == "site" ? request.Site : request.Strata[factor];
            var read = w.Command("SELECT arm, n FROM minimization_counts WHERE trial_id = @t AND factor = @f AND level = @l",
                ("@t", trialId), ("@f", factor), ("@l", levels[f]));
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                int j = IndexOfArm(protocol, reader.GetString(0));
                if (j >= 0) counts[f * arms + j] = Convert.ToInt32(reader.GetValue(1));
            }
        }
        var decision = Minimization.Choose(protocol.Allocation.Ratio.ToArray(), counts, settings.Probability, random);
        string arm = protocol.Arms[decision.Arm].Id;
        for (int f = 0; f < settings.Factors.Count; f++)
        {
            var upsert = w.Command(
                "INSERT INTO minimization_counts (trial_id, factor, level, arm, n) VALUES (@t, @f, @l, @a, 1) ON CONFLICT (trial_id, factor, level, arm) DO UPDATE SET n = minimization_counts.n + 1",
                ("@t", trialId), ("@f", settings.Factors[f]), ("@l", levels[f]), ("@a", arm));
            await upsert.ExecuteNonQueryAsync();
        }
        return arm;
    }

    private static int IndexOfArm(TrialProtocol protocol, string arm)
    {
        for (int j = 0; j < protocol.Arms.Count; j++) if (protocol.Arms[j].Id == arm) return j;
        return -1;
    }

    private async Task<StoredSite> InsertSiteAsync(WriteContext w, string trialId, string siteId, string label, string actor)
    {
        if (await SiteExistsAsync(w, trialId, siteId)) throw new StoreConflictException($"Site '{siteId}' exists already in trial '{trialId}'.");
        await w.Command("INSERT INTO sites (trial_id, id, label, created_at) VALUES (@t, @id, @label, @at)",
            ("@t", trialId), ("@id", siteId), ("@label", label), ("@at", w.NowText)).ExecuteNonQueryAsync();
        await w.AppendAuditAsync(trialId, actor, "site.add", $"site:{siteId}", JsonSerializer.Serialize(new { id = siteId, label }, Json), null);
        return new StoredSite(siteId, label);
    }

    /// <summary>Whether the site exists; sites are never removed, so a site once seen committed is remembered.</summary>
    private async Task<bool> SiteExistsAsync(WriteContext w, string trialId, string siteId)
    {
        if (knownSites.ContainsKey((trialId, siteId))) return true;
        var command = w.Command("SELECT COUNT(*) FROM sites WHERE trial_id = @t AND id = @s", ("@t", trialId), ("@s", siteId));
        if (Convert.ToInt64(await command.ExecuteScalarAsync()) == 0) return false;
        w.AfterCommit(() => knownSites.TryAdd((trialId, siteId), true));
        return true;
    }

    private static async Task<(long Id, TrialRole Role)> FindUserAsync(WriteContext w, string trialId, string name)
    {
        var command = w.Command("SELECT id, role FROM users WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", name));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new StoreNotFoundException($"User '{name}' is not a user of trial '{trialId}'.");
        TrialRoles.TryParse(reader.GetString(1), out var role);
        return (Convert.ToInt64(reader.GetValue(0)), role);
    }

    private static async Task<DateTimeOffset> InsertTokenAsync(WriteContext w, long userId, string hash, TimeSpan lifetime)
    {
        var expires = w.Now + lifetime;
        var insert = w.Command("INSERT INTO tokens (token_hash, user_id, issued_at, expires_at) VALUES (@h, @u, @at, @exp)",
            ("@h", hash), ("@u", userId), ("@at", w.NowText), ("@exp", Sql.Time(expires)));
        await insert.ExecuteNonQueryAsync();
        return expires;
    }

    private async Task<StoredTrial> RequireTrialAsync(string trialId) =>
        await GetTrialAsync(trialId) ?? throw new StoreNotFoundException($"Trial '{trialId}' does not exist.");

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl) || name.Trim().Length != name.Length)
            throw new ArgumentException($"The {what} must be 1 to 64 characters without control characters or surrounding spaces.");
    }

    internal async Task<DbConnection> OpenReadAsync()
    {
        if (postgres is not null) return await postgres.OpenConnectionAsync();
        var connection = new SqliteConnection(sqliteConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        if (postgres is not null)
        {
            await using var connection = await postgres.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            // Several application nodes may start at once; one creates the schema while the others wait.
            await using (var lockCommand = Sql.Command(connection, tx, "SELECT pg_advisory_xact_lock(7261731)")) await lockCommand.ExecuteNonQueryAsync();
            foreach (string statement in Schema.Statements(Provider))
            {
                await using var command = Sql.Command(connection, tx, statement);
                await command.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            return;
        }
        await using (var connection = new SqliteConnection(sqliteConnectionString))
        {
            await connection.OpenAsync();
            await using (var wal = Sql.Command(connection, null, "PRAGMA journal_mode=WAL")) await wal.ExecuteNonQueryAsync();
            await using var tx = await connection.BeginTransactionAsync();
            foreach (string statement in Schema.Statements(Provider))
            {
                await using var command = Sql.Command(connection, (DbTransaction)tx, statement);
                await command.ExecuteNonQueryAsync();
            }
            foreach (var (table, column, definition) in Schema.AddedColumns)
            {
                await using var exists = Sql.Command(connection, (DbTransaction)tx, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'");
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0) continue;
                await using var add = Sql.Command(connection, (DbTransaction)tx, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
                await add.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
    }

    internal Task<T> WriteAsync<T>(Func<WriteContext, Task<T>> work, bool pipelined = false) =>
        (writer ?? throw new ObjectDisposedException(nameof(TrialStore))).WriteAsync(work, pipelined);
}
