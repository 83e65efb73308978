using System.Security.Claims;
using Evident.Randomization.Queries;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// Data queries (<see cref="QueryRules"/>): a statistician, monitor or admin opens a query on a participant's captured
/// entry; a coordinator of the participant's site answers it (correcting the entry first through
/// <c>…/entries/{entryId}/corrections</c> when it was wrong); the raiser closes it. Every step is audited
/// (<c>query.open</c>, <c>query.answer</c>, <c>query.close</c>). Every role reads queries, coordinators only their own
/// site's (another site's query is 404, as if absent). A step the rules refuse is 403 (wrong role, site or user) or 409
/// (the query is closed).
/// </summary>
internal static class QueryEndpoints
{
    public static void MapQueries(this IEndpointRouteBuilder trial)
    {
        var group = trial.MapGroup("/queries").WithTags("Queries");
        group.MapPost("", Open).RequireAuthorization(RolePolicies.QueryRaisers)
            .WithSummary("Open a data query on a participant's captured entry (statisticians, monitors, admins).");
        group.MapGet("", List).WithSummary("The trial's data queries (coordinators: their site's), optionally of one status or participant.");
        group.MapGet("/{queryId:long}", Get).WithSummary("One data query with every step.");
        group.MapPost("/{queryId:long}/answers", (string trialId, long queryId, QueryTextBody body, ClaimsPrincipal user, TrialStore store) =>
                Step(trialId, queryId, QueryAction.Answer, body, user, store))
            .WithSummary("Answer a query (a coordinator of the participant's site).");
        group.MapPost("/{queryId:long}/close", (string trialId, long queryId, QueryTextBody body, ClaimsPrincipal user, TrialStore store) =>
                Step(trialId, queryId, QueryAction.Close, body, user, store))
            .WithSummary("Close a query (whoever opened it), with an optional remark.");
    }

    private static async Task<Results<Created<QueryView>, ValidationProblem, ProblemHttpResult>> Open(string trialId, QueryBody body, ClaimsPrincipal user, TrialStore store)
    {
        if (QueryRules.TextProblem(QueryAction.Open, body.Text) is { } problem) return Problems.Invalid("text", problem);
        var caller = Caller.From(user);
        var r = await store.GetRandomizationAsync(trialId, body.ParticipantId ?? "");
        if (r is null || !caller.MaySee(r.Site)) return Problems.NotFound($"Participant '{body.ParticipantId}' is not randomized in this trial.");
        try
        {
            var query = await store.OpenQueryAsync(trialId, body.ParticipantId!, body.EntryId, body.Text, caller.Name);
            return TypedResults.Created(Location(trialId, query.QueryId), QueryView.From(query));
        }
        catch (StoreNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        catch (StoreConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<QueryView>>, ValidationProblem>> List(
        string trialId, ClaimsPrincipal user, TrialStore store, string? status = null, string? participantId = null)
    {
        if (status is not (null or "open" or "answered" or "closed" or "unresolved"))
            return Problems.Invalid("status", "The status must be one of open, answered, closed, unresolved (open or answered).");
        var caller = Caller.From(user);
        var queries = await store.ListQueriesAsync(trialId, caller.Role == Randomization.Accounts.TrialRole.SiteCoordinator ? caller.Site : null, participantId);
        var chosen = queries.Where(q => status is null || q.Status == status || (status == "unresolved" && q.IsOpen));
        return TypedResults.Ok<IReadOnlyList<QueryView>>(chosen.Select(QueryView.From).ToArray());
    }

    private static async Task<Results<Ok<QueryView>, ProblemHttpResult>> Get(string trialId, long queryId, ClaimsPrincipal user, TrialStore store)
    {
        var query = await store.GetQueryAsync(trialId, queryId);
        if (query is null || !Caller.From(user).MaySee(query.Site)) return Problems.NotFound($"Query {queryId} does not exist in this trial.");
        return TypedResults.Ok(QueryView.From(query));
    }

    private static async Task<Results<Created<QueryView>, ValidationProblem, ProblemHttpResult>> Step(
        string trialId, long queryId, QueryAction action, QueryTextBody body, ClaimsPrincipal user, TrialStore store)
    {
        if (QueryRules.TextProblem(action, body.Text) is { } problem) return Problems.Invalid("text", problem);
        var caller = Caller.From(user);
        var query = await store.GetQueryAsync(trialId, queryId);
        if (query is null || !caller.MaySee(query.Site)) return Problems.NotFound($"Query {queryId} does not exist in this trial.");
        try
        {
            var stepped = await store.StepQueryAsync(trialId, queryId, action, body.Text ?? "", caller.Name, caller.Role, caller.Site);
            return TypedResults.Created(Location(trialId, queryId), QueryView.From(stepped));
        }
        catch (QueryStepException e)
        {
            return e.Message.EndsWith("is closed.", StringComparison.Ordinal) ? Problems.Conflict(e.Message) : Problems.Forbidden(e.Message);
        }
        catch (StoreNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
    }

    private static string Location(string trialId, long queryId) => $"/trials/{Uri.EscapeDataString(trialId)}/queries/{queryId}";
}
