using System.Data.Common;
using System.Globalization;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Queries;

namespace Evident.Storage;

/// <summary>
/// Data queries on a <see cref="TrialStore"/> (<see cref="QueryRules"/>): open one on a participant's captured entry,
/// answer it, close it. Every step is a new row of <c>query_steps</c>, never updated, written in the store's group-commit
/// writer in the same transaction as its audit record (<c>query.open</c>, <c>query.answer</c>, <c>query.close</c>,
/// entity <c>participant:ID</c>, details by <see cref="AuditDetails.QueryStep"/>); the rules are checked against the
/// query as read in that transaction.
/// </summary>
public static class QueryStorage
{
    private const string SelectSteps =
        "SELECT query_id, trial_id, participant_id, site_id, entry_id, step, action, text, at, by_user FROM query_steps";

    /// <summary>Opens a query on entry <paramref name="entryId"/> of a randomized participant.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="participantId">The participant (randomized, not invalidated).</param>
    /// <param name="entryId">One of the participant's captured entries.</param>
    /// <param name="text">The question.</param>
    /// <param name="actor">Who (a statistician, monitor or admin; the caller checks the role).</param>
    /// <exception cref="StoreNotFoundException">The participant is not randomized, or the entry is not theirs.</exception>
    /// <exception cref="StoreConflictException">The participant's randomization is invalidated.</exception>
    public static Task<DataQuery> OpenQueryAsync(this TrialStore store, string trialId, string participantId, long entryId, string text, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return store.WriteAsync(async w =>
        {
            var r = await RandomizationRows.ReadOneAsync(w, trialId, participantId)
                    ?? throw new StoreNotFoundException($"Participant '{participantId}' is not randomized in this trial.");
            if (r.InvalidatedAt is not null) throw new StoreConflictException($"The randomization of participant '{participantId}' is invalidated; it cannot be queried.");
            var exists = w.Command("SELECT COUNT(*) FROM capture_entries WHERE trial_id = @t AND participant_id = @p AND entry_id = @e", ("@t", trialId), ("@p", participantId), ("@e", entryId));
            if (await Sql.CountAsync(exists) == 0) throw new StoreNotFoundException($"Entry {entryId} is not an entry of participant '{participantId}'.");
            var next = w.Command("SELECT COALESCE(MAX(query_id), 0) + 1 FROM query_steps WHERE trial_id = @t", ("@t", trialId));
            long queryId = Convert.ToInt64(await next.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var step = new QueryStep(1, QueryAction.Open, text, actor, w.Now);
            var query = new DataQuery(queryId, trialId, participantId, r.Site, entryId, [step]);
            await InsertAsync(w, query, step);
            return query;
        });
    }

    /// <summary>Answers or closes a query, after <see cref="QueryRules.StepProblem"/> allows it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="queryId">The query.</param>
    /// <param name="action"><see cref="QueryAction.Answer"/> or <see cref="QueryAction.Close"/>.</param>
    /// <param name="text">The answer or the closing remark ("" for none).</param>
    /// <param name="actor">Who.</param>
    /// <param name="role">Their role.</param>
    /// <param name="site">A coordinator's site.</param>
    /// <exception cref="StoreNotFoundException">No such query.</exception>
    /// <exception cref="QueryStepException">The rules refuse the step; nothing is stored.</exception>
    public static Task<DataQuery> StepQueryAsync(this TrialStore store, string trialId, long queryId, QueryAction action, string text, string actor, TrialRole role, string? site)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(text);
        return store.WriteAsync(async w =>
        {
            var query = Group(await ReadAsync(w.Command(SelectSteps + " WHERE trial_id = @t AND query_id = @q ORDER BY step", ("@t", trialId), ("@q", queryId))))
                            .SingleOrDefault() ?? throw new StoreNotFoundException($"Query {queryId} does not exist in this trial.");
            if (QueryRules.StepProblem(query, action, actor, role, site) is { } problem) throw new QueryStepException(problem);
            var step = new QueryStep(query.Steps.Count + 1, action, text, actor, w.Now);
            await InsertAsync(w, query, step);
            return query with { Steps = [.. query.Steps, step] };
        });
    }

    /// <summary>One query with every step, or null.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="queryId">The query.</param>
    public static async Task<DataQuery?> GetQueryAsync(this TrialStore store, string trialId, long queryId) =>
        (await ListAsync(store, " WHERE trial_id = @t AND query_id = @q", ("@t", trialId), ("@q", queryId))).SingleOrDefault();

    /// <summary>The trial's queries, by id, optionally of one site or one participant.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="site">Only this site's participants, when given.</param>
    /// <param name="participantId">Only this participant, when given.</param>
    public static Task<IReadOnlyList<DataQuery>> ListQueriesAsync(this TrialStore store, string trialId, string? site = null, string? participantId = null) =>
        ListAsync(store, " WHERE trial_id = @t" + (site is null ? "" : " AND site_id = @s") + (participantId is null ? "" : " AND participant_id = @p"),
            ("@t", trialId), ("@s", site ?? ""), ("@p", participantId ?? ""));

    /// <summary>Every step of every query of every trial, for checking the table against the audit trail.</summary>
    internal static async Task<IReadOnlyList<(DataQuery Query, QueryStep Step)>> ReadEveryStepAsync(TrialStore store)
    {
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectSteps + " ORDER BY id");
        return await ReadAsync(command);
    }

    private static async Task<IReadOnlyList<DataQuery>> ListAsync(TrialStore store, string where, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, SelectSteps + where + " ORDER BY query_id, step", parameters);
        return Group(await ReadAsync(command));
    }

    private static async Task InsertAsync(WriteContext w, DataQuery q, QueryStep s)
    {
        await w.Command(
            "INSERT INTO query_steps (trial_id, query_id, step, participant_id, site_id, entry_id, action, text, at, by_user) " +
            "VALUES (@t, @q, @n, @p, @s, @e, @a, @x, @at, @by)",
            ("@t", q.TrialId), ("@q", q.QueryId), ("@n", s.Step), ("@p", q.ParticipantId), ("@s", q.Site), ("@e", q.EntryId),
            ("@a", QueryRules.Name(s.Action)), ("@x", s.Text), ("@at", w.NowText), ("@by", s.By)).ExecuteNonQueryAsync();
        await w.AppendAuditAsync(q.TrialId, s.By, "query." + QueryRules.Name(s.Action), $"participant:{q.ParticipantId}", AuditDetails.QueryStep(q, s), null);
    }

    private static async Task<IReadOnlyList<(DataQuery Query, QueryStep Step)>> ReadAsync(DbCommand command)
    {
        var rows = new List<(DataQuery, QueryStep)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            QueryRules.TryParse(reader.GetString(6), out var action);
            var step = new QueryStep(Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture), action, reader.GetString(7), reader.GetString(9), Sql.ParseTime(reader.GetString(8)));
            var query = new DataQuery(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture), [step]);
            rows.Add((query, step));
        }
        return rows;
    }

    /// <summary>Rows ordered by query then step, as queries.</summary>
    private static IReadOnlyList<DataQuery> Group(IReadOnlyList<(DataQuery Query, QueryStep Step)> rows) =>
        rows.GroupBy(r => r.Query.QueryId).Select(g => g.First().Query with { Steps = g.Select(r => r.Step).ToArray() }).ToArray();
}
