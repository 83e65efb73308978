using System.Globalization;
using System.Security.Claims;
using Evident.Server.Contracts;
using Evident.Server.Infrastructure;
using Evident.Randomization.Capture;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// Follow-up events and adverse events of a randomized participant (off-study records: <see cref="OffStudyEndpoints"/>): record, correct (a new version with a reason), read
/// the current entries and the full history. Admins and coordinators record (coordinators only for their own site's
/// participants: another site's participant is 404, as if absent); every role reads (coordinators their own site).
/// Responses never carry an arm. Validation failures are 400 ValidationProblem naming the field; nothing is stored.
/// </summary>
internal static class CaptureEndpoints
{
    public static void MapCapture(this IEndpointRouteBuilder trial)
    {
        var group = trial.MapGroup("/participants/{participantId}").WithTags("Capture");
        group.MapPost("/follow-up", RecordFollowUp).RequireAuthorization(RolePolicies.Randomizers)
            .WithSummary("Record a follow-up event: relapse (with site), death, second malignancy or last contact.");
        group.MapGet("/follow-up", (string trialId, string participantId, ClaimsPrincipal user, TrialStore store) => Current(trialId, participantId, user, store, CaptureKinds.FollowUp.Contains))
            .WithSummary("The participant's current follow-up events.");
        group.MapPost("/adverse-events", RecordAdverseEvent).RequireAuthorization(RolePolicies.Randomizers)
            .WithSummary("Record an adverse event: term (from the protocol's list), grade, onset date, end date once resolved, seriousness with its ICH E2A criteria, attribution, action taken, outcome.");
        group.MapGet("/adverse-events", (string trialId, string participantId, ClaimsPrincipal user, TrialStore store) => Current(trialId, participantId, user, store, k => k == CaptureKind.AdverseEvent))
            .WithSummary("The participant's current adverse events.");
        group.MapPost("/entries/{entryId:long}/corrections", Correct).RequireAuthorization(RolePolicies.Randomizers)
            .WithSummary("Correct an entry: stores a new version with a reason; earlier versions are kept.");
        group.MapGet("/history", History).WithSummary("Every version of every entry of the participant, oldest first.");
    }

    private static Task<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>> RecordFollowUp(
        string trialId, string participantId, FollowUpBody body, ClaimsPrincipal user, TrialStore store)
    {
        if (!CaptureKinds.TryParse(body.Kind, out var kind) || !CaptureKinds.FollowUp.Contains(kind))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(
                Problems.Invalid("kind", "The kind must be one of relapse, death, second_malignancy, last_contact."));
        if (!TryDate(body.Date, out var date))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid("date", "The date must be a date written yyyy-MM-dd."));
        return Write(trialId, participantId, user, store, null, (s, actor) => s.RecordAsync(trialId, participantId, new CaptureInput(kind, date, body.RelapseSite, null, null), actor));
    }

    private static Task<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>> RecordAdverseEvent(
        string trialId, string participantId, AdverseEventBody body, ClaimsPrincipal user, TrialStore store)
    {
        if (!TryDate(body.OnsetDate, out var date))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid("onsetDate", "The onset date must be a date written yyyy-MM-dd."));
        if (!TryOptionalDate(body.EndDate, out var endDate))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid("endDate", EndDateFormat));
        if (!AdverseEventFields.TryRead(body.Serious, body.SeriousCriteria, body.Attribution, body.ActionTaken, body.Outcome, out var assessment, out var problems))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid(problems));
        return Write(trialId, participantId, user, store, f => f == "date" ? "onsetDate" : f,
            (s, actor) => s.RecordAsync(trialId, participantId, new CaptureInput(CaptureKind.AdverseEvent, date, null, body.Term, body.Grade) { EndDate = endDate, Assessment = assessment }, actor));
    }

    private static Task<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>> Correct(
        string trialId, string participantId, long entryId, CorrectionBody body, ClaimsPrincipal user, TrialStore store)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > ReasonBody.MaxLength)
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(
                Problems.Invalid("reason", $"A reason (1 to {ReasonBody.MaxLength} characters) is required."));
        if (!CaptureKinds.TryParse(body.Kind, out var kind))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(
                Problems.Invalid("kind", "The kind must be one of relapse, death, second_malignancy, last_contact, adverse_event, off_therapy, withdrawn, lost_to_follow_up."));
        if (!TryDate(body.Date, out var date))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid("date", "The date must be a date written yyyy-MM-dd."));
        if (!TryOptionalDate(body.EndDate, out var endDate))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid("endDate", EndDateFormat));
        if (!AdverseEventFields.TryRead(body.Serious, body.SeriousCriteria, body.Attribution, body.ActionTaken, body.Outcome, out var assessment, out var problems))
            return Task.FromResult<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid(problems));
        return Write(trialId, participantId, user, store, null,
            (s, actor) => s.CorrectAsync(trialId, participantId, entryId, new CaptureInput(kind, date, body.RelapseSite, body.Term, body.Grade)
            {
                EndDate = endDate,
                OffStudyReason = body.OffStudyReason,
                FollowUpAllowed = body.FollowUpAllowed,
                Assessment = assessment,
            }, body.Reason, actor));
    }

    /// <summary>Writes through <paramref name="write"/> after checking the caller may see the participant; rule failures are 400 by field, each renamed by <paramref name="field"/> to the body's member.</summary>
    internal static async Task<Results<Created<CaptureEntryView>, ValidationProblem, ProblemHttpResult>> Write(
        string trialId, string participantId, ClaimsPrincipal user, TrialStore store, Func<string, string>? field, Func<TrialStore, string, Task<CaptureEntry>> write)
    {
        var caller = Caller.From(user);
        var r = await store.GetRandomizationAsync(trialId, participantId);
        if (r is null || !caller.MaySee(r.Site)) return Problems.NotFound($"Participant '{participantId}' is not randomized in this trial.");
        try
        {
            var entry = await write(store, caller.Name);
            string location = $"/trials/{Uri.EscapeDataString(trialId)}/participants/{Uri.EscapeDataString(participantId)}/history";
            return TypedResults.Created(location, CaptureEntryView.From(entry));
        }
        catch (CaptureValidationException e)
        {
            return Problems.Invalid(e.Problems.ToDictionary(p => field is null ? p.Key : field(p.Key), p => p.Value));
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

    /// <summary>The participant's current entries of the kinds <paramref name="kinds"/> takes.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<CaptureEntryView>>, ProblemHttpResult>> Current(
        string trialId, string participantId, ClaimsPrincipal user, TrialStore store, Func<CaptureKind, bool> kinds)
    {
        var caller = Caller.From(user);
        var r = await store.GetRandomizationAsync(trialId, participantId);
        if (r is null || !caller.MaySee(r.Site)) return Problems.NotFound($"Participant '{participantId}' is not randomized in this trial.");
        var entries = await store.ListCurrentAsync(trialId, participantId);
        return TypedResults.Ok<IReadOnlyList<CaptureEntryView>>(entries.Where(e => kinds(e.Content.Kind)).Select(CaptureEntryView.From).ToArray());
    }

    private static async Task<Results<Ok<IReadOnlyList<CaptureEntryView>>, ProblemHttpResult>> History(string trialId, string participantId, ClaimsPrincipal user, TrialStore store)
    {
        var caller = Caller.From(user);
        var r = await store.GetRandomizationAsync(trialId, participantId);
        if (r is null || !caller.MaySee(r.Site)) return Problems.NotFound($"Participant '{participantId}' is not randomized in this trial.");
        var entries = await store.HistoryAsync(trialId, participantId);
        return TypedResults.Ok<IReadOnlyList<CaptureEntryView>>(entries.Select(CaptureEntryView.From).ToArray());
    }

    internal static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private const string EndDateFormat = "The end date, when given, must be a date written yyyy-MM-dd (leave it out while the event is ongoing).";

    /// <summary>An absent end date is valid (ongoing); a present one must parse.</summary>
    private static bool TryOptionalDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null) return true;
        if (!TryDate(text, out var parsed)) return false;
        date = parsed;
        return true;
    }
}
