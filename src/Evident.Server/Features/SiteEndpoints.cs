using System.Security.Claims;
using Evident.Server.Contracts;
using Evident.Server.Infrastructure;
using Evident.Randomization;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>Sites of a trial: every role lists them; admins add them.</summary>
internal static class SiteEndpoints
{
    public static void MapSites(this IEndpointRouteBuilder trial)
    {
        var group = trial.MapGroup("/sites").WithTags("Sites");
        group.MapGet("/", async (string trialId, TrialStore store) => TypedResults.Ok(await store.ListSitesAsync(trialId)))
            .WithSummary("List the trial's sites.");
        group.MapPost("/", Add).RequireAuthorization(RolePolicies.Admin).WithSummary("Add a site (admin).");
    }

    private static async Task<Results<Created<StoredSite>, ValidationProblem, ProblemHttpResult>> Add(string trialId, SiteBody body, ClaimsPrincipal user, TrialStore store)
    {
        try
        {
            var site = await store.AddSiteAsync(trialId, body.Id, body.Label, Caller.From(user).Name);
            return TypedResults.Created($"/trials/{Uri.EscapeDataString(trialId)}/sites/{Uri.EscapeDataString(site.Id)}", site);
        }
        catch (ArgumentException e)
        {
            return Problems.Invalid("id", e.Message);
        }
        catch (StoreConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }
}
