using System.Security.Claims;
using Evident.Server.Contracts;
using Evident.Server.Infrastructure;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>Users and their tokens (admin only): add a user (first token returned once), issue another token, revoke.</summary>
internal static class UserEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder trial)
    {
        var group = trial.MapGroup("/users").WithTags("Users").RequireAuthorization(RolePolicies.Admin);
        group.MapGet("/", async (string trialId, TrialStore store) => TypedResults.Ok(await store.ListUsersAsync(trialId))).WithSummary("List users.");
        group.MapPost("/", Add).WithSummary("Add a user; the answer holds their first token (shown once).");
        group.MapPost("/{name}/tokens", Issue).WithSummary("Issue another token to a user (shown once).");
        group.MapPost("/{name}/revoke", Revoke).WithSummary("Revoke every token of a user, with a reason.");
    }

    private static async Task<Results<Created<TokenView>, ValidationProblem, ProblemHttpResult>> Add(string trialId, UserBody body, ClaimsPrincipal user, TrialStore store, TokenLifetime lifetime)
    {
        if (!TrialRoles.TryParse(body.Role, out var role))
            return Problems.Invalid("role", $"'{body.Role}' is not a role; the roles are {string.Join(", ", TrialRoles.All.Select(r => r.Name))}.");
        if (body.TokenDays is < 1 or > 3650) return Problems.Invalid("tokenDays", "tokenDays must be 1 to 3650.");
        string? passwordHash;
        try
        {
            passwordHash = body.Password is null ? null : Passwords.Hash(body.Password);
            var issued = await store.AddUserAsync(trialId, body.Name, role, body.Site, passwordHash, body.TokenDays is { } days ? TimeSpan.FromDays(days) : lifetime.Default, Caller.From(user).Name);
            return TypedResults.Created($"/trials/{Uri.EscapeDataString(trialId)}/users/{Uri.EscapeDataString(body.Name)}", TokenView.From(issued));
        }
        catch (ArgumentException e)
        {
            return Problems.Invalid(e.ParamName ?? "name", e.Message);
        }
        catch (StoreNotFoundException e)
        {
            return Problems.Invalid("site", e.Message);
        }
        catch (StoreConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static async Task<Results<Ok<TokenView>, ProblemHttpResult>> Issue(string trialId, string name, ClaimsPrincipal user, TrialStore store, TokenLifetime lifetime)
    {
        try
        {
            return TypedResults.Ok(TokenView.From(await store.IssueTokenAsync(trialId, name, lifetime.Default, Caller.From(user).Name)));
        }
        catch (StoreNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Revoke(string trialId, string name, ReasonBody body, ClaimsPrincipal user, TrialStore store)
    {
        if (!body.IsValid) return Problems.Invalid("reason", $"A reason (1 to {ReasonBody.MaxLength} characters) is required.");
        try
        {
            await store.RevokeTokensAsync(trialId, name, body.Reason, Caller.From(user).Name);
            return TypedResults.NoContent();
        }
        catch (StoreNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
    }
}
