using System.Security.Claims;
using Evident.Randomization.Capture;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// Off-study records of a randomized participant: off protocol therapy, withdrawal of consent (saying whether follow-up
/// data may still be collected) and lost to follow-up, each with a date and a reason; at most one of each kind. They are
/// captured entries like follow-up events: versioned (corrected through <c>…/entries/{entryId}/corrections</c>),
/// audited (<c>capture.record</c> / <c>capture.correct</c>) and exported. Who may record and read is as for
/// <see cref="CaptureEndpoints"/>.
/// </summary>
internal static class OffStudyEndpoints
{
    public static void MapOffStudy(this IEndpointRouteBuilder trial)
    {
        var group = trial.MapGroup("/participants/{participantId}").WithTags("Capture");
        group.MapPost("/off-study", Record).RequireAuthorization(RolePolicies.Randomizers)
            .WithSummary("Record that the participant went off protocol therapy, withdrew consent or was lost to follow-up, with the date and reason.");
        group.MapGet("/off-study", (string trialId, string participantId, ClaimsPrincipal user, TrialStore store) =>
                CaptureEndpoints.Current(trialId, participantId, user, store, CaptureKinds.IsOffStudy))
            .WithSummary("The participant's current off-study records.");
    }

    private static Task<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>> Record(
        string trialId, string participantId, OffStudyBody body, ClaimsPrincipal user, TrialStore store)
    {
        if (!CaptureKinds.TryParse(body.Kind, out var kind) || !CaptureKinds.IsOffStudy(kind))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(
                Problems.Invalid("kind", "The kind must be one of off_therapy, withdrawn, lost_to_follow_up."));
        if (!CaptureEndpoints.TryDate(body.Date, out var date))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid("date", "The date must be a date written yyyy-MM-dd."));
        var input = new CaptureInput(kind, date, null, null, null) { OffStudyReason = body.Reason, FollowUpAllowed = body.FollowUpAllowed };
        return CaptureEndpoints.Write(trialId, participantId, user, store, field => field == "offStudyReason" ? "reason" : field,
            (s, actor) => s.RecordAsync(trialId, participantId, input, actor));
    }
}
