using System.Security.Claims;
using Evident.Server.Contracts;
using Evident.Server.Infrastructure;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Features;

/// <summary>
/// Randomizing participants, reading them, emergency unblinding and invalidation. A coordinator works only with their own
/// site's participants (another site's participant is 404, as if absent); arms appear only for roles that may see them.
/// </summary>
internal static class RandomizationEndpoints
{
    public static void MapRandomizations(this IEndpointRouteBuilder trial)
    {
        var group = trial.MapGroup("/randomizations").WithTags("Randomizations");
        group.MapPost("/", Randomize).RequireAuthorization(RolePolicies.Randomizers)
            .WithSummary("Randomize a participant (idempotent by participant id and by Idempotency-Key).");
        group.MapGet("/", List).WithSummary("List randomized participants (coordinators: their site only).");
        group.MapGet("/{participantId}", Get).WithSummary("One randomized participant.");
        group.MapPost("/{participantId}/unblind", Unblind).RequireAuthorization(RolePolicies.Unblinders)
            .WithSummary("Emergency unblinding of one participant, with a reason; returns the arm.");
        group.MapPost("/{participantId}/invalidate", Invalidate).RequireAuthorization(RolePolicies.Admin)
            .WithSummary("Invalidate a mistaken randomization, with a reason; it is never deleted.");
    }

    private static async Task<Results<Created<AllocationView>, Ok<AllocationView>, ValidationProblem, ProblemHttpResult>> Randomize(
        string trialId, RandomizeBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user, TrialStore store)
    {
        var caller = Caller.From(user);
        var trial = await store.GetTrialAsync(trialId);
        if (trial is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        if (Enrolment.IdempotencyKeyProblem(idempotencyKey) is { } keyProblem) return Problems.Invalid("Idempotency-Key", keyProblem);
        var request = new EnrolmentRequest(body.ParticipantId, body.Site, body.Strata ?? [], body.Eligibility ?? [], body.Covariates);
        var problems = Enrolment.Problems(trial, request);
        if (problems.Count > 0) return Problems.Invalid(problems.ToDictionary());
        if (Enrolment.SiteRefusal(caller, request) is { } forbidden) return Problems.Forbidden(forbidden);

        var outcome = await Enrolment.RandomizeAsync(store, trial, request, idempotencyKey, caller);
        if (outcome.Randomization is { } randomization)
        {
            var view = AllocationView.From(randomization, caller.SeesArms(trial.Blinded));
            return outcome.Status == RandomizationStatus.Created
                ? TypedResults.Created($"/trials/{Uri.EscapeDataString(trialId)}/randomizations/{Uri.EscapeDataString(request.ParticipantId)}", view)
                : TypedResults.Ok(view);
        }
        var (status, field) = Enrolment.Refusal(outcome.Status);
        return status == StatusCodes.Status400BadRequest ? Problems.Invalid(field, outcome.Message!) : Problems.Conflict(outcome.Message!);
    }

    private static async Task<Results<Ok<IReadOnlyList<AllocationView>>, ProblemHttpResult>> List(string trialId, ClaimsPrincipal user, TrialStore store)
    {
        var caller = Caller.From(user);
        var trial = await store.GetTrialAsync(trialId);
        if (trial is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        var list = await store.ListRandomizationsAsync(trialId, caller.Role == TrialRole.SiteCoordinator ? caller.Site : null);
        bool showArm = caller.SeesArms(trial.Blinded);
        return TypedResults.Ok<IReadOnlyList<AllocationView>>(list.Select(r => AllocationView.From(r, showArm)).ToArray());
    }

    private static async Task<Results<Ok<AllocationView>, ProblemHttpResult>> Get(string trialId, string participantId, ClaimsPrincipal user, TrialStore store)
    {
        var caller = Caller.From(user);
        var trial = await store.GetTrialAsync(trialId);
        var r = trial is null ? null : await store.GetRandomizationAsync(trialId, participantId);
        if (trial is null || r is null || !caller.MaySee(r.Site)) return Problems.NotFound($"Participant '{participantId}' is not randomized in this trial.");
        return TypedResults.Ok(AllocationView.From(r, caller.SeesArms(trial.Blinded)));
    }

    private static async Task<Results<Ok<AllocationView>, ValidationProblem, ProblemHttpResult>> Unblind(
        string trialId, string participantId, ReasonBody body, ClaimsPrincipal user, TrialStore store)
    {
        var caller = Caller.From(user);
        if (!body.IsValid) return Problems.Invalid("reason", $"A reason (1 to {ReasonBody.MaxLength} characters) is required.");
        var existing = await store.GetRandomizationAsync(trialId, participantId);
        if (existing is null || !caller.MaySee(existing.Site)) return Problems.NotFound($"Participant '{participantId}' is not randomized in this trial.");
        var r = await store.UnblindAsync(trialId, participantId, body.Reason, caller.Name);
        return r is null ? Problems.NotFound($"Participant '{participantId}' is not randomized in this trial.") : TypedResults.Ok(AllocationView.From(r, showArm: true));
    }

    private static async Task<Results<Ok<AllocationView>, ValidationProblem, ProblemHttpResult>> Invalidate(
        string trialId, string participantId, ReasonBody body, ClaimsPrincipal user, TrialStore store)
    {
        var caller = Caller.From(user);
        if (!body.IsValid) return Problems.Invalid("reason", $"A reason (1 to {ReasonBody.MaxLength} characters) is required.");
        var trial = await store.GetTrialAsync(trialId);
        try
        {
            var r = await store.InvalidateAsync(trialId, participantId, body.Reason, caller.Name);
            return r is null || trial is null
                ? Problems.NotFound($"Participant '{participantId}' is not randomized in this trial.")
                : TypedResults.Ok(AllocationView.From(r, caller.SeesArms(trial.Blinded)));
        }
        catch (StoreConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }
}
