using Evident.Randomization;
using Evident.Storage;

namespace Evident.Server.Infrastructure;

/// <summary>
/// Reads a participant by the id the client wrote, whichever Unicode form it used: a <c>{participantId}</c> route value
/// that is not in normalization form C is replaced by its normalized form (the form every new id is stored in), unless a
/// participant stored before the rule has exactly the id as written, so old ids stay readable
/// (<see cref="ParticipantIds"/>). Runs after routing and before the endpoint binds its parameters, for the API and the
/// pages alike.
/// </summary>
internal sealed class ParticipantRoute(RequestDelegate next)
{
    private const string Key = "participantId";

    public async Task InvokeAsync(HttpContext context, TrialStore store)
    {
        var values = context.Request.RouteValues;
        if (values[Key] is string id && values["trialId"] is string trialId && ParticipantIds.Normalize(id) is { } normalized
            && normalized != id && await store.GetRandomizationAsync(trialId, id) is null)
            values[Key] = normalized;
        await next(context);
    }
}
