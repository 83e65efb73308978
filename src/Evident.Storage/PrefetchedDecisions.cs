using System.Data.Common;
using System.Globalization;
using Evident.Randomization;

namespace Evident.Storage;

/// <summary>
/// The decision state of every permuted-block randomization of a PostgreSQL batch, read in the round trip that locks the
/// audit head (<see cref="Query"/> follows the head's <c>SELECT … FOR UPDATE</c> in the same command), then kept up to
/// date in memory as the batch decides, in order: what each decision sees is what
/// <see cref="RandomizationStorage"/>'s one-by-one read would have seen after the batch's earlier inserts.
/// </summary>
/// <remarks>
/// Exact because the head lock serialises every writer of the database (every node's batches): nothing else inserts
/// randomizations between the read and the commit. Per key: the stored randomization of its participant and of its
/// Idempotency-Key; per stratum: the highest used slot and the listed arms of as many following slots as the batch has
/// randomizations in that stratum; and the next randomization id.
/// </remarks>
internal sealed class PrefetchedDecisions
{
    /// <summary>Three result sets: stored randomizations (with their Idempotency-Key last), slots by stratum, the next id.</summary>
    public const string Query = SelectWithKey + " JOIN unnest(@d_t::text[], @d_p::text[]) u(t, p) ON trial_id = u.t AND participant_id = u.p\n" +
        "UNION " + SelectWithKey + " JOIN unnest(@d_t::text[], @d_k::text[]) u(t, k) ON trial_id = u.t AND idempotency_key = u.k;\n" +
        """
        SELECT u.t, u.s, u.m, a.seq, a.arm FROM (
          SELECT u.t, u.s, u.c, COALESCE((SELECT r.seq FROM randomizations r WHERE r.trial_id = u.t AND r.stratum = u.s ORDER BY r.seq DESC LIMIT 1), 0) AS m
          FROM unnest(@d_st::text[], @d_ss::text[], @d_sc::integer[]) u(t, s, c)) u
        LEFT JOIN allocation_list a ON a.trial_id = u.t AND a.stratum = u.s AND a.seq > u.m AND a.seq <= u.m + u.c;
        SELECT COALESCE(MAX(id), 0) + 1 FROM randomizations
        """;

    private const string SelectWithKey = "SELECT " + RandomizationRows.Columns + ", idempotency_key FROM randomizations";

    private readonly HashSet<DecisionKey> keys;
    private readonly Dictionary<(string Trial, string Participant), (Allocation Row, bool Stored)> byParticipant = [];
    private readonly Dictionary<(string Trial, string Key), Allocation> byKey = [];
    private readonly Dictionary<(string Trial, string Stratum), int> nextSlot = [];
    private readonly Dictionary<(string Trial, string Stratum, int Seq), string> listed = [];

    private PrefetchedDecisions(HashSet<DecisionKey> keys) => this.keys = keys;

    /// <summary>The next randomization id.</summary>
    public long NextId { get; private set; }

    /// <summary>The parameters of <see cref="Query"/> for <paramref name="batch"/>.</summary>
    public static (string Name, object? Value)[] Parameters(IReadOnlyCollection<DecisionKey> batch)
    {
        var strata = batch.GroupBy(k => (k.TrialId, k.Stratum)).Select(g => (g.Key.TrialId, g.Key.Stratum, Count: g.Count())).ToArray();
        return
        [
            ("@d_t", batch.Select(k => k.TrialId).ToArray()), ("@d_p", batch.Select(k => k.ParticipantId).ToArray()),
            ("@d_k", batch.Select(k => k.IdempotencyKey).ToArray()),
            ("@d_st", strata.Select(s => s.TrialId).ToArray()), ("@d_ss", strata.Select(s => s.Stratum).ToArray()), ("@d_sc", strata.Select(s => s.Count).ToArray()),
        ];
    }

    /// <summary>Reads the three result sets of <see cref="Query"/> (the reader is at the first).</summary>
    public static async Task<PrefetchedDecisions> ReadAsync(DbDataReader reader, IReadOnlyCollection<DecisionKey> batch)
    {
        var state = new PrefetchedDecisions([.. batch]);
        while (await reader.ReadAsync())
        {
            var row = RandomizationRows.Read(reader);
            state.byParticipant[(row.TrialId, row.ParticipantId)] = (row, true);
            if (Sql.NullableString(reader, RandomizationRows.ColumnCount) is { } key) state.byKey[(row.TrialId, key)] = row;
        }
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            var stratum = (reader.GetString(0), reader.GetString(1));
            state.nextSlot[stratum] = Int(reader.GetValue(2)) + 1;
            if (!reader.IsDBNull(3)) state.listed[(stratum.Item1, stratum.Item2, Int(reader.GetValue(3)))] = reader.GetString(4);
        }
        await reader.NextResultAsync();
        await reader.ReadAsync();
        state.NextId = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        return state;
    }

    /// <summary>Whether <paramref name="key"/> was read by this batch.</summary>
    public bool Covers(DecisionKey key) => keys.Contains(key);

    /// <summary>
    /// The randomization of the key's participant (and whether it is stored, so its covariates are still to be read, or
    /// made earlier in this batch, with them) and another participant's randomization holding the key's Idempotency-Key.
    /// </summary>
    public (Allocation? Participant, bool Stored, Allocation? KeyHolder) Existing(DecisionKey key)
    {
        byParticipant.TryGetValue((key.TrialId, key.ParticipantId), out var participant);
        Allocation? holder = key.IdempotencyKey is { } k && byKey.TryGetValue((key.TrialId, k), out var h) && h.ParticipantId != key.ParticipantId ? h : null;
        return (participant.Row, participant.Stored, holder);
    }

    /// <summary>The stratum's next slot and its listed arm (null past the end of the list).</summary>
    public (int Sequence, string? Listed) NextSlot(DecisionKey key)
    {
        int sequence = nextSlot[(key.TrialId, key.Stratum)];
        return (sequence, listed.GetValueOrDefault((key.TrialId, key.Stratum, sequence)));
    }

    /// <summary>Counts a randomization made in this batch (<paramref name="stored"/>: as a later read would return it).</summary>
    public void Add(DecisionKey key, Allocation stored)
    {
        byParticipant[(key.TrialId, key.ParticipantId)] = (stored, false);
        if (key.IdempotencyKey is { } k) byKey[(key.TrialId, k)] = stored;
        // A randomization decided without this state (minimization, in a batch with permuted blocks) still uses an id.
        if (nextSlot.TryGetValue((key.TrialId, key.Stratum), out int next)) nextSlot[(key.TrialId, key.Stratum)] = next + 1;
        NextId = Math.Max(NextId, stored.Id + 1);
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
