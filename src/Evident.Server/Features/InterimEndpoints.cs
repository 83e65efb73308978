using Evident.Server.Dashboard;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Evident.Reporting.Report;

namespace Evident.Server.Features;

/// <summary>
/// The live interim analysis as data, for the unblinded statistician's own tools: exactly the numbers of the DSMB
/// dashboard (<see cref="InterimDashboard"/>: the captured trial analysed by <c>TrialAnalysis.Run</c> with today as the
/// cut-off), in the results.json format <c>evident analyze</c> writes. UNBLINDED: every answer with data writes an
/// <c>unblinded.view</c> audit record.
/// </summary>
internal static class InterimEndpoints
{
    public static void MapInterim(this IEndpointRouteBuilder trial) =>
        trial.MapGet("/interim", Interim).RequireAuthorization(RolePolicies.Unblinded).WithTags("Oversight")
            .WithSummary("The live interim analysis (results.json format; unblinded statistician only).");

    private static async Task<IResult> Interim(string trialId, System.Security.Claims.ClaimsPrincipal user, TrialStore store, TimeProvider time)
    {
        var dashboard = await InterimDashboard.BuildAsync(store, trialId, time);
        if (dashboard is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        if (dashboard.Results is null) return Problems.Conflict($"The analysis cannot be computed yet: {dashboard.Unavailable}");
        await store.RecordUnblindedViewAsync(trialId, Caller.From(user).Name, "interim", null);
        return Results.Text(ResultsJson.Render(dashboard.Results), "application/json", System.Text.Encoding.UTF8);
    }
}
