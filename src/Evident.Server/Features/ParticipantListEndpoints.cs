using System.Security.Claims;
using Evident.Protocol;
using Evident.Randomization.Accounts;
using Evident.Randomization.Participants;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// The participant list (search by id, sort, paging; per participant the last contact, events, open adverse events,
/// open queries and status; the arm only for roles that may see it) and the caller's worklist (<see cref="Worklist"/>).
/// Every role reads both; coordinators see their own site only. The participant list and the pages share
/// <see cref="ParticipantListing"/>, so they list the same participants in the same order.
/// </summary>
internal static class ParticipantListEndpoints
{
    public static void MapParticipantList(this IEndpointRouteBuilder trial)
    {
        trial.MapGet("/participants", List).WithTags("Participants")
            .WithSummary("Randomized participants with last contact, events, open adverse events, open queries and status; search by id, sort and page (coordinators: their site only).");
        trial.MapGet("/worklist", Read).WithTags("Participants")
            .WithSummary("What waits on the caller: follow-up visits due or overdue by the protocol's schedule, queries to answer, queries to close.");
    }

    private static async Task<Results<Ok<ParticipantPageView>, ValidationProblem, ProblemHttpResult>> List(
        string trialId, ClaimsPrincipal user, TrialStore store,
        string? search = null, string? sort = null, string? order = null, int page = 1, int pageSize = ParticipantListing.DefaultPageSize)
    {
        if (Parse(search, sort, order, page, pageSize) is not { } listing)
            return Problems.Invalid(ListingProblems(search, sort, order, page, pageSize));
        var caller = Caller.From(user);
        var trial = await store.GetTrialAsync(trialId);
        if (trial is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        var all = await store.ListParticipantSummariesAsync(trialId, caller.Role == TrialRole.SiteCoordinator ? caller.Site : null);
        var (rows, total) = listing.Apply(all);
        bool arms = caller.SeesArms(trial.Blinded);
        return TypedResults.Ok(new ParticipantPageView(total, listing.Page, listing.PageSize, ParticipantListing.Name(listing.Sort),
            listing.Descending ? "desc" : "asc", rows.Select(r => ParticipantRowView.From(r, arms)).ToArray()));
    }

    private static async Task<Results<Ok<WorklistView>, ProblemHttpResult>> Read(string trialId, ClaimsPrincipal user, TrialStore store, TimeProvider clock)
    {
        var trial = await store.GetTrialAsync(trialId);
        if (trial is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        var list = await Worklist.ReadAsync(store, trial, Caller.From(user), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var schedule = trial.Protocol.FollowUpSchedule is { } s ? new FollowUpScheduleView(s.Interval, s.Grace, trial.Protocol.TimeUnit.ToYamlName()) : null;
        return TypedResults.Ok(new WorklistView(list.AsOf, schedule, list.FollowUp.Select(FollowUpDueView.From).ToArray(),
            list.QueriesToAnswer.Select(QueryView.From).ToArray(), list.QueriesToClose.Select(QueryView.From).ToArray()));
    }

    /// <summary>The listing the parameters ask for, or null when one is out of range (<see cref="ListingProblems"/> says which).</summary>
    internal static ParticipantListing? Parse(string? search, string? sort, string? order, int page, int pageSize) =>
        ListingProblems(search, sort, order, page, pageSize).Count > 0
            ? null
            : new ParticipantListing(search, ParticipantListing.TryParseSort(sort ?? "randomized", out var s) ? s : ParticipantSort.Randomized, order == "desc", page, pageSize);

    private static Dictionary<string, string[]> ListingProblems(string? search, string? sort, string? order, int page, int pageSize)
    {
        var problems = new Dictionary<string, string[]>();
        if (search is { Length: > ParticipantListing.MaxSearch })
            problems["search"] = [$"The search text may have at most {ParticipantListing.MaxSearch} characters."];
        if (sort is not null && !ParticipantListing.TryParseSort(sort, out _))
            problems["sort"] = ["The sort must be one of " + string.Join(", ", ParticipantListing.SortNames.Select(n => n.Name)) + "."];
        if (order is not (null or "asc" or "desc")) problems["order"] = ["The order must be asc or desc."];
        if (page < 1) problems["page"] = ["The page must be 1 or more."];
        if (pageSize is < 1 or > ParticipantListing.MaxPageSize) problems["pageSize"] = [$"The page size must be 1 to {ParticipantListing.MaxPageSize}."];
        return problems;
    }
}
