using Evident.Server.Infrastructure;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// What the trial's overseers read: the emergency unblindings (admins and the unblinded statistician) and the sealed
/// allocation list (unblinded statistician only); the audit trail is <see cref="AuditEndpoints"/>.
/// </summary>
internal static class OversightEndpoints
{
    public static void MapUnblindings(this IEndpointRouteBuilder trial) =>
        trial.MapGet("/unblindings", async (string trialId, TrialStore store) => TypedResults.Ok(await store.ListUnblindingsAsync(trialId)))
            .RequireAuthorization(RolePolicies.Oversight).WithTags("Oversight").WithSummary("Emergency unblindings: who, when, why.");

    public static void MapAllocationList(this IEndpointRouteBuilder trial) =>
        trial.MapGet("/allocation-list", async (string trialId, TrialStore store) => TypedResults.Ok(await store.ReadAllocationListAsync(trialId)))
            .RequireAuthorization(RolePolicies.Unblinded).WithTags("Oversight").WithSummary("The sealed allocation list (unblinded statistician only).");
}

/// <summary>The trial itself: its public description (any role) and creation of new trials (operators only, never a trial's admin).</summary>
internal static class TrialEndpoints
{
    public static void MapTrialInfo(this IEndpointRouteBuilder trial) =>
        trial.MapGet("/", async Task<Results<Ok<Contracts.TrialView>, ProblemHttpResult>> (string trialId, TrialStore store) =>
            await store.GetTrialAsync(trialId) is { } t ? TypedResults.Ok(Contracts.TrialView.From(t)) : Problems.NotFound($"There is no trial '{trialId}'."))
            .WithTags("Trials").WithSummary("The trial: arms, strata and eligibility questions.");

    public static void MapTrials(this IEndpointRouteBuilder app) =>
        app.MapPost("/trials", Create).RequireAuthorization(RolePolicies.Operator).WithTags("Trials")
            .WithSummary("Create a trial from a protocol file and seal its allocation list (operators only); returns the new trial's first admin token.");

    private static async Task<Results<Created<Contracts.CreatedTrialView>, ValidationProblem, ProblemHttpResult>> Create(
        Contracts.CreateTrialBody body, System.Security.Claims.ClaimsPrincipal user, TrialStore store, TokenLifetime lifetime)
    {
        if (body.ListLength is < 1 or > 100_000) return Problems.Invalid("listLength", "listLength must be 1 to 100000.");
        string actor = Caller.From(user).Name;
        try
        {
            // The body's blinded overrides the protocol's allocation.blinding (blinded when the protocol does not say).
            bool blinded = body.Blinded ?? Evident.Protocol.TrialProtocol.Parse(body.ProtocolYaml, "protocol.yaml").Allocation.IsBlinded;
            var trial = await store.CreateTrialAsync(body.ProtocolYaml, "protocol.yaml", blinded, body.ListLength ?? 5000, CryptographicRandom.Instance, actor);
            var token = await store.AddUserAsync(trial.Id, body.AdminName, TrialRole.Admin, null, null, lifetime.Default, actor);
            return TypedResults.Created($"/trials/{Uri.EscapeDataString(trial.Id)}", new Contracts.CreatedTrialView(Contracts.TrialView.From(trial), Contracts.TokenView.From(token)));
        }
        catch (Evident.Protocol.ProtocolException e)
        {
            return Problems.Invalid("protocolYaml", e.Message);
        }
        catch (ArgumentException e)
        {
            return Problems.Invalid("adminName", e.Message);
        }
        catch (StoreConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }
}

/// <summary>Liveness: answers 200 when the database answers.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (TrialStore store) => TypedResults.Ok(new { status = "ok", trials = (await store.ListTrialIdsAsync()).Count }))
            .AllowAnonymous().WithTags("Health");
}
