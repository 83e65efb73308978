using System.Globalization;
using Evident.Randomization;

namespace Evident.Storage;

/// <summary>
/// Randomizations on a <see cref="TrialStore"/>: randomizing (the store reads the state, <see cref="RandomizationService"/>
/// decides, the store writes the decision, all in one transaction), reading and listing them, emergency unblinding,
/// invalidation, and the sealed allocation lists. Each change is audited in its transaction (<c>randomize</c>,
/// <c>unblind</c>, <c>invalidate</c>, entity <c>participant:ID</c>).
/// </summary>
public static class RandomizationStorage
{
    /// <summary>
    /// Everything the decision needs, in one round trip: an earlier randomization of the participant or with the same
    /// Idempotency-Key; the stratum's next slot (the highest used seq, read backwards on the unique key (trial, stratum,
    /// seq), plus one) with its listed arm; and the next randomization id. The audit head held by the transaction makes
    /// both "next" values exact; the unique keys back them.
    /// </summary>
    private const string SelectDecisionState = RandomizationRows.Select + " WHERE trial_id = @r_t AND (participant_id = @r_p OR idempotency_key = @r_k);\n" +
        """
        SELECT n.seq, a.arm FROM (SELECT COALESCE((SELECT seq FROM randomizations WHERE trial_id = @r_t AND stratum = @r_s ORDER BY seq DESC LIMIT 1), 0) + 1 AS seq) n
        LEFT JOIN allocation_list a ON a.trial_id = @r_t AND a.stratum = @r_s AND a.seq = n.seq;
        SELECT COALESCE(MAX(id), 0) + 1 FROM randomizations
        """;

    /// <summary>
    /// Randomizes a participant, or returns the allocation already made for the same participant or the same
    /// <paramref name="idempotencyKey"/> without using another slot: the rules are <see cref="RandomizationService.Decide"/>'s.
    /// Permuted blocks take the next unused slot of the participant's stratum; minimization draws with
    /// <paramref name="random"/> and counts the allocation in the marginal counts. Baseline covariates given in the
    /// request are stored with the randomization (one <c>baseline_values</c> row each, in the same transaction) and
    /// named in its audit record.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="request">The request, already checked by <see cref="EnrolmentCheck.Problems"/>.</param>
    /// <param name="idempotencyKey">The client's Idempotency-Key (see <see cref="RandomizationService.IsValidIdempotencyKey"/>), or null.</param>
    /// <param name="random">The generator for minimization (<see cref="CryptographicRandom"/> in service).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such trial.</exception>
    public static async Task<RandomizationOutcome> RandomizeAsync(this TrialStore store, string trialId, EnrolmentRequest request, string? idempotencyKey, Random random, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var trial = await store.RequireTrialAsync(trialId);
        string stratum = StratumKey.For(trial.Protocol, request.Strata);
        var levels = RandomizationService.MinimizationLevels(trial.Protocol, request);
        // Permuted blocks decide on state the writer reads for the whole batch at once (PostgreSQL); minimization reads its counts itself.
        var key = new DecisionKey(trialId, request.ParticipantId, idempotencyKey, stratum);
        return await store.WriteAsync(pipelined: true, prefetch: levels.Count == 0 ? key : null, work: async w =>
        {
            var (state, id) = w.Decisions is { } prefetched && prefetched.Covers(key)
                ? await PrefetchedStateAsync(store, w, prefetched, key, request.Site)
                : await ReadStateAsync(store, w, trialId, request, idempotencyKey, stratum, levels);
            var decision = RandomizationService.Decide(trial.Protocol, request, state, random);
            if (decision.Status != RandomizationStatus.Created) return new RandomizationOutcome(decision.Status, decision.Existing, decision.Message);
            string arm = decision.Arm!;
            await CountAllocationAsync(w, trialId, levels, arm);
            var allocation = new Allocation(id, trialId, request.ParticipantId, request.Site, request.Strata, arm, w.Now, actor, null, null)
            {
                Covariates = RandomizationRows.Sorted(request.Covariates),
            };
            string strataJson = await InsertAsync(w, allocation, request.Eligibility, stratum, state.Sequence, idempotencyKey);
            w.Decisions?.Add(key, RandomizationRows.AsStored(allocation, strataJson));
            return new RandomizationOutcome(RandomizationStatus.Created, allocation, null);
        });
    }

    /// <summary>The randomization of one participant, or null.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    public static async Task<Allocation?> GetRandomizationAsync(this TrialStore store, string trialId, string participantId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, RandomizationRows.SelectOne, ("@t", trialId), ("@p", participantId));
        await using var reader = await command.ExecuteReaderAsync();
        return await RandomizationRows.ReadOneAsync(reader);
    }

    /// <summary>The randomizations of a trial (of one site when <paramref name="site"/> is given), in commit order.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="site">A site, or null for all.</param>
    public static async Task<IReadOnlyList<Allocation>> ListRandomizationsAsync(this TrialStore store, string trialId, string? site = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        // One round trip: the covariates of the listed participants, then the randomizations.
        const string baseline = "SELECT b.participant_id, b.covariate, b.value FROM baseline_values b";
        await using var command = site is null
            ? Sql.Command(connection, null,
                baseline + " WHERE b.trial_id = @t;\n" + RandomizationRows.Select + " WHERE trial_id = @t ORDER BY id", ("@t", trialId))
            : Sql.Command(connection, null,
                baseline + " JOIN randomizations r ON r.trial_id = b.trial_id AND r.participant_id = b.participant_id WHERE b.trial_id = @t AND r.site_id = @s;\n" +
                RandomizationRows.Select + " WHERE trial_id = @t AND site_id = @s ORDER BY id", ("@t", trialId), ("@s", site));
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
            var r = RandomizationRows.Read(reader);
            list.Add(covariates.TryGetValue(r.ParticipantId, out var values) ? r with { Covariates = values.AsReadOnly() } : r);
        }
        return list;
    }

    /// <summary>Records an emergency unblinding of one participant and returns the randomization (with its arm), or null when the participant is not randomized.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    /// <param name="reason">Why (required, non-blank).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    public static Task<Allocation?> UnblindAsync(this TrialStore store, string trialId, string participantId, string reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return store.WriteAsync<Allocation?>(async w =>
        {
            var r = await RandomizationRows.ReadOneAsync(w, trialId, participantId);
            if (r is null) return null;
            await w.Command(
                "INSERT INTO unblindings (trial_id, participant_id, site_id, unblinded_by, unblinded_at, reason) VALUES (@t, @p, @s, @by, @at, @why)",
                ("@t", trialId), ("@p", participantId), ("@s", r.Site), ("@by", actor), ("@at", w.NowText), ("@why", reason)).ExecuteNonQueryAsync();
            await w.AppendAuditAsync(trialId, actor, "unblind", $"participant:{participantId}", AuditDetails.Unblinded(r.Id, r.Site), reason);
            return r;
        });
    }

    /// <summary>The emergency unblindings of a trial, oldest first.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<IReadOnlyList<Unblinding>> ListUnblindingsAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
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
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    /// <param name="reason">Why (required, non-blank).</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreConflictException">It is invalidated already.</exception>
    public static Task<Allocation?> InvalidateAsync(this TrialStore store, string trialId, string participantId, string reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return store.WriteAsync<Allocation?>(async w =>
        {
            var r = await RandomizationRows.ReadOneAsync(w, trialId, participantId);
            if (r is null) return null;
            if (r.InvalidatedAt is not null) throw new StoreConflictException($"The randomization of participant '{participantId}' is invalidated already.");
            await w.Command(
                "UPDATE randomizations SET invalidated_at = @at, invalidated_by = @by, invalidation_reason = @why WHERE id = @id",
                ("@at", w.NowText), ("@by", actor), ("@why", reason), ("@id", r.Id)).ExecuteNonQueryAsync();
            await w.AppendAuditAsync(trialId, actor, "invalidate", $"participant:{participantId}", AuditDetails.Invalidated(r.Id), reason);
            return r with { InvalidatedAt = w.Now, InvalidationReason = reason };
        });
    }

    /// <summary>The sealed allocation list of a trial (every stratum, in order); only the unblinded statistician may see it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<IReadOnlyList<AllocationSlot>> ReadAllocationListAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT stratum, seq, block, block_size, arm FROM allocation_list WHERE trial_id = @t ORDER BY stratum, seq", ("@t", trialId));
        var list = new List<AllocationSlot>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new AllocationSlot(reader.GetString(0), Int(reader.GetValue(1)), Int(reader.GetValue(2)), Int(reader.GetValue(3)), reader.GetString(4)));
        return list;
    }

    /// <summary>
    /// Reads, in the write's transaction, what <see cref="RandomizationService.Decide"/> needs, and the id a new
    /// randomization would take. On PostgreSQL the previous randomization's insert travels in the first command (see
    /// <see cref="WriteContext"/>).
    /// </summary>
    private static async Task<(RandomizationState State, long Id)> ReadStateAsync(TrialStore store, WriteContext w, string trialId, EnrolmentRequest request,
        string? idempotencyKey, string stratum, IReadOnlyList<MinimizationLevel> levels)
    {
        var read = w.CommandAfterPending(SelectDecisionState, ("@r_t", trialId), ("@r_p", request.ParticipantId), ("@r_k", idempotencyKey), ("@r_s", stratum));
        Allocation? participant = null, keyHolder = null;
        int sequence;
        string? listed;
        long id;
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var r = RandomizationRows.Read(reader);
                if (r.ParticipantId == request.ParticipantId) participant = r;
                else keyHolder = r;
            }
            await reader.NextResultAsync();
            await reader.ReadAsync();
            sequence = Int(reader.GetValue(0));
            listed = Sql.NullableString(reader, 1);
            await reader.NextResultAsync();
            await reader.ReadAsync();
            id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        }
        // A repeat is rare, so its covariates are read only now, keeping them off every randomization's read.
        if (participant is not null) participant = participant with { Covariates = await RandomizationRows.ReadCovariatesAsync(w, trialId, request.ParticipantId) };
        bool siteExists = await store.SiteExistsAsync(w, trialId, request.Site);
        var counts = await ReadMinimizationCountsAsync(w, trialId, levels);
        return (new RandomizationState(participant, keyHolder, siteExists, sequence, listed, counts), id);
    }

    /// <summary>
    /// What <see cref="ReadStateAsync"/> would read, from the state the writer read for the whole batch with the head
    /// (see <see cref="PrefetchedDecisions"/>). Only what the batch did not read costs a round trip, after the deferred
    /// inserts: the covariates of a participant randomized before (a repeat), and a site not yet seen committed.
    /// </summary>
    private static async Task<(RandomizationState State, long Id)> PrefetchedStateAsync(TrialStore store, WriteContext w, PrefetchedDecisions prefetched,
        DecisionKey key, string site)
    {
        var (participant, stored, keyHolder) = prefetched.Existing(key);
        if (participant is not null && stored)
        {
            await w.FlushAsync();
            participant = participant with { Covariates = await RandomizationRows.ReadCovariatesAsync(w, key.TrialId, key.ParticipantId) };
        }
        bool siteExists = store.KnownSites.ContainsKey((key.TrialId, site));
        if (!siteExists)
        {
            await w.FlushAsync();
            siteExists = await store.SiteExistsAsync(w, key.TrialId, site);
        }
        var (sequence, listed) = prefetched.NextSlot(key);
        return (new RandomizationState(participant, keyHolder, siteExists, sequence, listed, []), prefetched.NextId);
    }

    /// <summary>For each minimization level, the participants already allocated with it, by arm.</summary>
    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, int>>> ReadMinimizationCountsAsync(WriteContext w, string trialId, IReadOnlyList<MinimizationLevel> levels)
    {
        var counts = new IReadOnlyDictionary<string, int>[levels.Count];
        for (int f = 0; f < levels.Count; f++)
        {
            var read = w.Command("SELECT arm, n FROM minimization_counts WHERE trial_id = @t AND factor = @f AND level = @l",
                ("@t", trialId), ("@f", levels[f].Factor), ("@l", levels[f].Level));
            var byArm = new Dictionary<string, int>(StringComparer.Ordinal);
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) byArm[reader.GetString(0)] = Int(reader.GetValue(1));
            counts[f] = byArm;
        }
        return counts;
    }

    /// <summary>Adds the new allocation to the marginal count of each of its minimization levels (none for permuted blocks).</summary>
    private static async Task CountAllocationAsync(WriteContext w, string trialId, IReadOnlyList<MinimizationLevel> levels, string arm)
    {
        foreach (var level in levels)
        {
            var upsert = w.Command(
                "INSERT INTO minimization_counts (trial_id, factor, level, arm, n) VALUES (@t, @f, @l, @a, 1) ON CONFLICT (trial_id, factor, level, arm) DO UPDATE SET n = minimization_counts.n + 1",
                ("@t", trialId), ("@f", level.Factor), ("@l", level.Level), ("@a", arm));
            await upsert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Sends the randomization, its covariates and its audit record in one command (deferred on PostgreSQL, see
    /// <see cref="WriteContext"/>); returns the strata as stored.
    /// </summary>
    private static async Task<string> InsertAsync(WriteContext w, Allocation a, IReadOnlyDictionary<string, bool> eligibility, string stratum, int sequence, string? idempotencyKey)
    {
        string strataJson = RandomizationRows.ToJson(a.Strata), eligibilityJson = RandomizationRows.ToJson(eligibility);
        string details = AuditDetails.Randomized(a.Id, a.Site, a.Strata, eligibility, a.Covariates, a.Arm);
        if (w.Pipelining)
        {
            w.Defer(new RandomizationRow(a.Id, a.TrialId, a.ParticipantId, a.Site, stratum, strataJson, eligibilityJson, sequence, a.Arm, idempotencyKey, w.NowText,
                a.RandomizedBy, a.Covariates), "randomize", $"participant:{a.ParticipantId}", details);
            return strataJson;
        }
        (string Name, object? Value)[] parameters =
            [("@id", a.Id), ("@t", a.TrialId), ("@p", a.ParticipantId), ("@site", a.Site), ("@s", stratum), ("@strata", strataJson),
             ("@elig", eligibilityJson), ("@q", sequence), ("@arm", a.Arm), ("@k", idempotencyKey), ("@at", w.NowText), ("@by", a.RandomizedBy)];
        string insert = RandomizationRows.Insert;
        if (a.Covariates.Count > 0)
        {
            // Rows only when covariates are given, in the same command as the randomization and its audit record.
            insert += ";\n" + RandomizationRows.InsertBaselineValues(a.Covariates.Count);
            parameters = [.. parameters, .. a.Covariates.SelectMany((c, i) => new (string, object?)[] { ($"@b_c{i}", c.Key), ($"@b_v{i}", c.Value) })];
        }
        await w.AppendAuditAsync(a.TrialId, a.RandomizedBy, "randomize", $"participant:{a.ParticipantId}", details, null, insert, parameters);
        return strataJson;
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
