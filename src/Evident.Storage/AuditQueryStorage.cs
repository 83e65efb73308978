using System.Data.Common;
using System.Globalization;
using System.Text;
using Evident.Randomization.Audit;

namespace Evident.Storage;

/// <summary>
/// One trial's audit records as a reader asks for them: filtered (<see cref="AuditFilter"/>), counted, a page at a time
/// or streamed whole, newest or oldest first; the values the filters offer (actors, actions); and, for a correction,
/// the record of the version it replaced. Reads only; the records are written by the changes themselves.
/// </summary>
public static class AuditQueryStorage
{
    private const string Columns = "seq, trial_id, at, actor, action, entity, details, reason, prev_hash, hash";

    /// <summary>How many of the trial's records the filter admits.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="filter">The conditions.</param>
    public static async Task<long> CountAuditAsync(this TrialStore store, string trialId, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (where, parameters) = Where(trialId, filter);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, "SELECT COUNT(*) FROM audit WHERE " + where, parameters);
        return await Sql.CountAsync(command);
    }

    /// <summary>The trial's records the filter admits, skipping <paramref name="offset"/> and reading at most <paramref name="limit"/> (all when null).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="filter">The conditions.</param>
    /// <param name="newestFirst">Descending sequence numbers (the page) rather than ascending (the API, the export).</param>
    /// <param name="offset">Records skipped, ≥ 0.</param>
    /// <param name="limit">Records read at most, ≥ 1, or null for all.</param>
    public static async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(this TrialStore store, string trialId, AuditFilter filter, bool newestFirst, long offset = 0, int? limit = null)
    {
        var list = new List<AuditRecord>();
        await foreach (var record in store.StreamAuditAsync(trialId, filter, newestFirst, offset, limit)) list.Add(record);
        return list;
    }

    /// <summary>As <see cref="ReadAuditAsync(TrialStore, string, AuditFilter, bool, long, int?)"/>, read as the records are consumed (the export).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="filter">The conditions.</param>
    /// <param name="newestFirst">Descending sequence numbers rather than ascending.</param>
    /// <param name="offset">Records skipped, ≥ 0.</param>
    /// <param name="limit">Records read at most, ≥ 1, or null for all.</param>
    public static async IAsyncEnumerable<AuditRecord> StreamAuditAsync(this TrialStore store, string trialId, AuditFilter filter, bool newestFirst, long offset = 0, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (limit is { } l) ArgumentOutOfRangeException.ThrowIfLessThan(l, 1);
        var (where, parameters) = Where(trialId, filter);
        var sql = new StringBuilder($"SELECT {Columns} FROM audit WHERE {where} ORDER BY seq {(newestFirst ? "DESC" : "ASC")}");
        if (limit is not null || offset > 0)
        {
            sql.Append(" LIMIT @limit OFFSET @offset");
            parameters = [.. parameters, ("@limit", (object?)(limit ?? long.MaxValue)), ("@offset", offset)];
        }
        await foreach (var record in Query(store, sql.ToString(), parameters)) yield return record;
    }

    /// <summary>The distinct actors and actions of the trial's records, each sorted, for the filters' choices.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<(IReadOnlyList<string> Actors, IReadOnlyList<string> Actions)> ListAuditChoicesAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        async Task<IReadOnlyList<string>> Distinct(string column)
        {
            await using var command = Sql.Command(connection, null, $"SELECT DISTINCT {column} FROM audit WHERE trial_id = @t", ("@t", trialId));
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync()) values.Add(reader.GetString(0));
            values.Sort(StringComparer.Ordinal);
            return values;
        }
        return (await Distinct("actor"), await Distinct("action"));
    }

    /// <summary>
    /// The capture records (<c>capture.record</c>, <c>capture.correct</c>) of one participant written before
    /// <paramref name="beforeSequence"/>, ascending: the versions a correction may have replaced.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant.</param>
    /// <param name="beforeSequence">Records with a smaller sequence number only.</param>
    public static Task<IReadOnlyList<AuditRecord>> ReadCaptureHistoryAsync(this TrialStore store, string trialId, string participantId, long beforeSequence)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Read(store, $"SELECT {Columns} FROM audit WHERE trial_id = @t AND entity = @e AND action IN ('capture.record', 'capture.correct') AND seq < @s ORDER BY seq",
            ("@t", trialId), ("@e", "participant:" + participantId), ("@s", beforeSequence));
    }

    /// <summary>The record with sequence number <paramref name="sequence"/>, or null when there is none.</summary>
    /// <param name="store">The store.</param>
    /// <param name="sequence">The sequence number.</param>
    public static async Task<AuditRecord?> ReadAuditRecordAsync(this TrialStore store, long sequence)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await Read(store, $"SELECT {Columns} FROM audit WHERE seq = @s", ("@s", sequence))).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<AuditRecord>> Read(TrialStore store, string sql, params (string, object?)[] parameters)
    {
        var list = new List<AuditRecord>();
        await foreach (var record in Query(store, sql, parameters)) list.Add(record);
        return list;
    }

    private static async IAsyncEnumerable<AuditRecord> Query(TrialStore store, string sql, (string, object?)[] parameters)
    {
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            yield return Row(reader);
    }

    /// <summary>One row of <c>SELECT seq, trial_id, at, actor, action, entity, details, reason, prev_hash, hash</c>.</summary>
    internal static AuditRecord Row(DbDataReader reader) =>
        new(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Sql.NullableString(reader, 1), reader.GetString(2),
            reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), Sql.NullableString(reader, 7), reader.GetString(8), reader.GetString(9));

    // Times are stored as fixed-width ISO 8601 text, so a day's bounds compare as text on both databases.
    private static (string Where, (string, object?)[] Parameters) Where(string trialId, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder("trial_id = @t");
        var parameters = new List<(string, object?)> { ("@t", trialId) };
        void Add(string condition, string name, object value)
        {
            where.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }
        if (filter.Participant is { } p) Add("entity = @e", "@e", "participant:" + p);
        if (filter.Actor is { } a) Add("actor = @a", "@a", a);
        if (filter.Action is { } action) Add("action = @x", "@x", action);
        if (filter.From is { } from) Add("at >= @from", "@from", Day(from));
        if (filter.To is { } to) Add("at < @to", "@to", Day(to.AddDays(1)));
        return (where.ToString(), parameters.ToArray());
    }

    private static string Day(DateOnly day) => Sql.Time(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
