using System.Globalization;
using Evident.Protocol;
using Evident.Randomization;

namespace Evident.Storage;

/// <summary>
/// The trial registry on a <see cref="TrialStore"/>: trials (the protocol stored verbatim, its sealed allocation lists)
/// and their sites. Every change is audited in its own transaction (<c>trial.create</c>, <c>site.add</c>); a trial's
/// creation also in the service's part of the trail (a <c>trial.create</c> record without a trial).
/// </summary>
public static class TrialStorage
{
    /// <summary>
    /// Registers a trial from its protocol and seals its allocation lists: for permuted blocks, one list of at least
    /// <paramref name="listLength"/> slots per stratum (whole blocks, sizes drawn at random) generated from
    /// <paramref name="random"/>; for minimization, zeroed marginal counts. The protocol's sites are added.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="yaml">The protocol file's text (stored verbatim).</param>
    /// <param name="sourceName">Its file name, for messages.</param>
    /// <param name="blinded">Whether arms are hidden from every role but the unblinded statistician.</param>
    /// <param name="listLength">Slots per stratum, 1 ≤ n ≤ 1,000,000 (permuted blocks only).</param>
    /// <param name="random">The generator (<see cref="CryptographicRandom"/> in service).</param>
    /// <param name="actor">Who, for the audit trail: an operator (<see cref="Evident.Randomization.Accounts.OperatorTokenOwner.Actor"/>) or <c>cli:USER</c>.</param>
    /// <exception cref="ProtocolException">The protocol is not valid.</exception>
    /// <exception cref="StoreConflictException">A trial with the protocol's id exists.</exception>
    public static async Task<StoredTrial> CreateTrialAsync(this TrialStore store, string yaml, string sourceName, bool blinded, int listLength, Random random, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(listLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listLength, 1_000_000);
        var protocol = TrialProtocol.Parse(yaml, sourceName);
        var strata = StratumKey.All(protocol);
        var lists = protocol.Allocation.Method == AllocationMethod.PermutedBlocks
            ? strata.SelectMany(stratum => PermutedBlocks.Generate(protocol.Allocation, protocol.Arms, stratum, listLength, random)).ToArray()
            : [];

        return await store.WriteAsync(async w =>
        {
            string id = protocol.Trial.Id;
            if (await Sql.CountAsync(w.Command("SELECT COUNT(*) FROM trials WHERE id = @id", ("@id", id))) > 0)
                throw new StoreConflictException($"Trial '{id}' exists already.");
            await w.Command(
                "INSERT INTO trials (id, protocol_yaml, protocol_source, protocol_hash, blinded, created_at) VALUES (@id, @yaml, @source, @hash, @blinded, @at)",
                ("@id", id), ("@yaml", yaml), ("@source", sourceName), ("@hash", protocol.Hash), ("@blinded", blinded ? 1 : 0), ("@at", w.NowText)).ExecuteNonQueryAsync();
            await InsertAllocationListAsync(w, id, lists);
            string details = AuditDetails.TrialCreated(protocol, sourceName, blinded, strata.Count, lists.Length);
            await w.AppendAuditAsync(id, actor, "trial.create", $"trial:{id}", details, null);
            foreach (var site in protocol.Sites) await store.InsertSiteAsync(w, id, site.Id, site.Label, actor);
            // The service's own part of the trail (no trial) records who created which trial too.
            await w.AppendAuditAsync(null, actor, "trial.create", $"trial:{id}", details, null);
            return new StoredTrial(id, protocol, blinded, w.Now, yaml);
        });
    }

    /// <summary>The trial with this id, or null.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial id.</param>
    public static async Task<StoredTrial?> GetTrialAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trialId);
        if (store.Trials.TryGetValue(trialId, out var cached)) return cached;
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT protocol_yaml, protocol_source, blinded, created_at FROM trials WHERE id = @id", ("@id", trialId));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        var protocol = TrialProtocol.Parse(reader.GetString(0), reader.GetString(1));
        var trial = new StoredTrial(trialId, protocol, Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0, Sql.ParseTime(reader.GetString(3)), reader.GetString(0));
        return store.Trials.GetOrAdd(trialId, trial);
    }

    /// <summary>The ids of every trial, ascending.</summary>
    /// <param name="store">The store.</param>
    public static async Task<IReadOnlyList<string>> ListTrialIdsAsync(this TrialStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT id FROM trials ORDER BY id");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Adds a site to a trial.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="siteId">Site id, 1–64 characters.</param>
    /// <param name="label">Site name; the id when null.</param>
    /// <param name="actor">Who, for the audit trail.</param>
    /// <exception cref="StoreNotFoundException">No such trial.</exception>
    /// <exception cref="StoreConflictException">The site exists.</exception>
    public static async Task<StoredSite> AddSiteAsync(this TrialStore store, string trialId, string siteId, string? label, string actor)
    {
        await store.RequireTrialAsync(trialId);
        CheckName(siteId, "site id");
        return await store.WriteAsync(w => store.InsertSiteAsync(w, trialId, siteId, label ?? siteId, actor));
    }

    /// <summary>The sites of a trial, by id.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<IReadOnlyList<StoredSite>> ListSitesAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT id, label FROM sites WHERE trial_id = @t ORDER BY id", ("@t", trialId));
        var sites = new List<StoredSite>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sites.Add(new StoredSite(reader.GetString(0), reader.GetString(1)));
        return sites;
    }

    /// <summary>The trial, or <see cref="StoreNotFoundException"/>.</summary>
    internal static async Task<StoredTrial> RequireTrialAsync(this TrialStore store, string trialId) =>
        await store.GetTrialAsync(trialId) ?? throw new StoreNotFoundException($"Trial '{trialId}' does not exist.");

    /// <summary>Whether the site exists, read in the write's transaction; a site once seen committed is remembered (sites are never removed).</summary>
    internal static async Task<bool> SiteExistsAsync(this TrialStore store, WriteContext w, string trialId, string siteId)
    {
        if (store.KnownSites.ContainsKey((trialId, siteId))) return true;
        if (await Sql.CountAsync(w.Command("SELECT COUNT(*) FROM sites WHERE trial_id = @t AND id = @s", ("@t", trialId), ("@s", siteId))) == 0) return false;
        w.AfterCommit(() => store.KnownSites.TryAdd((trialId, siteId), true));
        return true;
    }

    /// <summary>Refuses a site id or user name that is empty, longer than 64 characters, or has control characters or surrounding spaces.</summary>
    internal static void CheckName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl) || name.Trim().Length != name.Length)
            throw new ArgumentException($"The {what} must be 1 to 64 characters without control characters or surrounding spaces.");
    }

    private static async Task<StoredSite> InsertSiteAsync(this TrialStore store, WriteContext w, string trialId, string siteId, string label, string actor)
    {
        if (await store.SiteExistsAsync(w, trialId, siteId)) throw new StoreConflictException($"Site '{siteId}' exists already in trial '{trialId}'.");
        await w.Command("INSERT INTO sites (trial_id, id, label, created_at) VALUES (@t, @id, @label, @at)",
            ("@t", trialId), ("@id", siteId), ("@label", label), ("@at", w.NowText)).ExecuteNonQueryAsync();
        await w.AppendAuditAsync(trialId, actor, "site.add", $"site:{siteId}", AuditDetails.SiteAdded(siteId, label), null);
        return new StoredSite(siteId, label);
    }

    /// <summary>Inserts the sealed lists, one prepared statement for every slot.</summary>
    private static async Task InsertAllocationListAsync(WriteContext w, string trialId, IReadOnlyList<AllocationSlot> slots)
    {
        var insert = w.Command(
            "INSERT INTO allocation_list (trial_id, stratum, seq, block, block_size, arm) VALUES (@t, @s, @q, @b, @n, @a)",
            ("@t", trialId), ("@s", ""), ("@q", 0), ("@b", 0), ("@n", 0), ("@a", ""));
        insert.Prepare();
        foreach (var s in slots)
        {
            insert.Parameters["@s"].Value = s.Stratum;
            insert.Parameters["@q"].Value = s.Sequence;
            insert.Parameters["@b"].Value = s.Block;
            insert.Parameters["@n"].Value = s.BlockSize;
            insert.Parameters["@a"].Value = s.Arm;
            await insert.ExecuteNonQueryAsync();
        }
    }
}
