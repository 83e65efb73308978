using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Participants;
using Evident.Randomization.Queries;
using Evident.Server.Infrastructure;
using Evident.Storage;

namespace Evident.Server.Features;

/// <summary>
/// What waits on the caller on a day, shared by <c>GET /trials/{id}/worklist</c> and the trial's home page: follow-up
/// visits due or overdue by the protocol's <c>follow_up_schedule</c> (for the roles that record or monitor follow-up:
/// admins and monitors over every site, coordinators over their own), the data queries the caller's site must answer
/// (coordinators: open queries of their site) and those the caller raised that were answered and wait on them to close.
/// Statisticians see no follow-up list (they record nothing). Carries no arm.
/// </summary>
/// <param name="AsOf">The day assessed (UTC).</param>
/// <param name="FollowUp">Visits due or overdue, overdue first (empty without a schedule or for statisticians).</param>
/// <param name="QueriesToAnswer">Open queries the caller's site answers, oldest first.</param>
/// <param name="QueriesToClose">Answered queries the caller raised, oldest first.</param>
internal sealed record Worklist(DateOnly AsOf, IReadOnlyList<FollowUpDue> FollowUp, IReadOnlyList<DataQuery> QueriesToAnswer, IReadOnlyList<DataQuery> QueriesToClose)
{
    /// <summary>Whether <paramref name="role"/> gets the follow-up list.</summary>
    public static bool FollowsUp(TrialRole role) => role is TrialRole.Admin or TrialRole.SiteCoordinator or TrialRole.Monitor;

    public static async Task<Worklist> ReadAsync(TrialStore store, StoredTrial trial, Caller caller, DateOnly today)
    {
        string? site = caller.Role == TrialRole.SiteCoordinator ? caller.Site : null;
        var followUp = FollowsUp(caller.Role)
            ? FollowUpDue.Assess(trial.Protocol.FollowUpSchedule, trial.Protocol.TimeUnit, await store.ListParticipantSummariesAsync(trial.Id, site), today)
            : [];
        var queries = await store.ListQueriesAsync(trial.Id, site);
        var toAnswer = caller.Role == TrialRole.SiteCoordinator ? queries.Where(q => q.Status == "open").ToArray() : [];
        var toClose = queries.Where(q => q.Status == "answered" && q.RaisedBy == caller.Name).ToArray();
        return new Worklist(today, followUp, toAnswer, toClose);
    }
}
