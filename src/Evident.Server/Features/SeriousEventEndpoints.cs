using System.Security.Claims;
using Evident.Randomization.Capture;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// Expedited review of serious adverse events (<see cref="SeriousEventReview"/>): admins and the unblinded statistician
/// list the serious events whose current version nobody has reviewed and mark one reviewed (audited as
/// <c>sae.review</c>). Other roles are 403. Marking an entry that is not a serious adverse event, or a version reviewed
/// already, is 409; an entry that is not the participant's is 404.
/// </summary>
internal static class SeriousEventEndpoints
{
    public static void MapSeriousEvents(this IEndpointRouteBuilder trial)
    {
        var group = trial.MapGroup("").WithTags("Serious adverse events").RequireAuthorization(RolePolicies.Oversight);
        group.MapGet("/serious-adverse-events", ToReview)
            .WithSummary("The serious adverse events awaiting expedited review (admins, unblinded statistician), oldest onset first.");
        group.MapGet("/serious-adverse-events/reviews", Reviews)
            .WithSummary("Every expedited review of a serious adverse event, oldest first.");
        group.MapPost("/participants/{participantId}/entries/{entryId:long}/review", Review)
            .WithSummary("Mark the current version of a serious adverse event reviewed, with an optional remark (audited).");
    }

    private static async Task<Ok<IReadOnlyList<CaptureEntryView>>> ToReview(string trialId, TrialStore store) =>
        TypedResults.Ok<IReadOnlyList<CaptureEntryView>>((await store.ListSeriousEventsToReviewAsync(trialId)).Select(CaptureEntryView.From).ToArray());

    private static async Task<Ok<IReadOnlyList<SeriousEventReviewView>>> Reviews(string trialId, TrialStore store) =>
        TypedResults.Ok<IReadOnlyList<SeriousEventReviewView>>((await store.ListSeriousEventReviewsAsync(trialId)).Select(SeriousEventReviewView.From).ToArray());

    private static async Task<Results<Created<SeriousEventReviewView>, ValidationProblem, ProblemHttpResult>> Review(
        string trialId, string participantId, long entryId, SeriousEventReviewBody body, ClaimsPrincipal user, TrialStore store)
    {
        string? note = body.Note;
        if (note is not null && note.Length > SeriousEventReview.MaxNoteLength)
            return Problems.Invalid("note", $"The remark is at most {SeriousEventReview.MaxNoteLength} characters.");
        try
        {
            var review = await store.ReviewSeriousEventAsync(trialId, participantId, entryId, note, Caller.From(user).Name);
            return TypedResults.Created($"/trials/{Uri.EscapeDataString(trialId)}/serious-adverse-events/reviews", SeriousEventReviewView.From(review));
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
}

/// <summary>Body of POST …/entries/{entryId}/review (<c>{}</c> for none): an optional <c>note</c> (at most 1000 characters), kept as the audit record's reason.</summary>
internal sealed record SeriousEventReviewBody(string? Note = null);

/// <summary>One expedited review of a serious adverse event: the entry and version reviewed, who, when, and the remark.</summary>
internal sealed record SeriousEventReviewView(long EntryId, int Version, string ParticipantId, string Site, DateTimeOffset ReviewedAt, string ReviewedBy, string? Note)
{
    public static SeriousEventReviewView From(SeriousEventReview r) => new(r.EntryId, r.Version, r.ParticipantId, r.Site, r.ReviewedAt, r.ReviewedBy, r.Note);
}
