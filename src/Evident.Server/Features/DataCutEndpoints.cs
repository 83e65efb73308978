using System.Globalization;
using System.Security.Claims;
using System.Text;
using Evident.Data;
using Evident.Reporting.Report;
using Evident.Server.Contracts;
using Evident.Server.Dashboard;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Evident.Server.Features;

/// <summary>
/// Frozen data cuts (unblinded statistician only): freeze the captured data as they are now (stored once, hashed,
/// audited), list them, and download each cut's open and closed report (HTML, or results JSON) — every download writes
/// an <c>unblinded.view</c> audit record. UNBLINDED.
/// </summary>
internal static class DataCutEndpoints
{
    public static void MapDataCuts(this IEndpointRouteBuilder trial)
    {
        var cuts = trial.MapGroup("/data-cuts").RequireAuthorization(RolePolicies.Unblinded).WithTags("Oversight");
        cuts.MapPost("/", Freeze).WithSummary("Freeze a data cut: the captured data as they are now, stored once with their SHA-256 (unblinded statistician only).");
        cuts.MapGet("/", List).WithSummary("The trial's frozen data cuts.");
        cuts.MapGet("/{cutId:long}", One).WithSummary("One frozen data cut.");
        cuts.MapGet("/{cutId:long}/reports/{kind}", Report).WithSummary("A frozen cut's open or closed report as one self-contained HTML page (audited).")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cuts.MapGet("/{cutId:long}/results/{kind}", ResultsFile).WithSummary("A frozen cut's open or closed results.json (audited).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<DataCutView>, ValidationProblem, ProblemHttpResult>> Freeze(
        string trialId, DataCutBody body, ClaimsPrincipal user, TrialStore store, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var cutoff = today;
        if (body.Cutoff is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out cutoff))
            return Problems.Invalid("cutoff", $"cutoff '{text}' is not a date as yyyy-mm-dd.");
        if (cutoff > today) return Problems.Invalid("cutoff", $"cutoff {cutoff:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): a cut freezes data that exist.");
        try
        {
            var cut = await FrozenCut.FreezeAsync(store, trialId, cutoff, Caller.From(user).Name);
            return TypedResults.Created($"/trials/{Uri.EscapeDataString(trialId)}/data-cuts/{cut.Id}", DataCutView.From(trialId, cut));
        }
        catch (StoreNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
    }

    private static async Task<Ok<DataCutView[]>> List(string trialId, TrialStore store) =>
        TypedResults.Ok((await store.ListDataCutsAsync(trialId)).Select(c => DataCutView.From(trialId, c)).ToArray());

    private static async Task<Results<Ok<DataCutView>, ProblemHttpResult>> One(string trialId, long cutId, TrialStore store) =>
        (await store.ListDataCutsAsync(trialId)).FirstOrDefault(c => c.Id == cutId) is { } cut
            ? TypedResults.Ok(DataCutView.From(trialId, cut))
            : Problems.NotFound($"Trial '{trialId}' has no data cut {cutId}.");

    private static Task<IResult> Report(string trialId, long cutId, string kind, ClaimsPrincipal user, TrialStore store) =>
        Render(trialId, cutId, kind, "html", user, store);

    private static Task<IResult> ResultsFile(string trialId, long cutId, string kind, ClaimsPrincipal user, TrialStore store) =>
        Render(trialId, cutId, kind, "json", user, store);

    /// <summary>A cut's report or results as a file, after its audit record; the same answer for the API and the dashboard's links.</summary>
    internal static async Task<IResult> Render(string trialId, long cutId, string kind, string format, ClaimsPrincipal user, TrialStore store)
    {
        if (kind is not ("open" or "closed")) return Problems.Invalid("kind", $"report '{kind}': expected open or closed.");
        var reportKind = kind == "open" ? ReportKind.Open : ReportKind.Closed;
        if (await store.GetTrialAsync(trialId) is not { } trial) return Problems.NotFound($"There is no trial '{trialId}'.");
        try
        {
            if (await FrozenCut.ReadAsync(store, trial, cutId) is not { } cut) return Problems.NotFound($"Trial '{trialId}' has no data cut {cutId}.");
            var results = cut.Analyse();
            string content = format == "json" ? ResultsJson.Render(results, reportKind) : HtmlReport.Render(results, reportKind);
            await store.RecordUnblindedViewAsync(trialId, Caller.From(user).Name, "report", cutId, $"{kind} {format}");
            return Results.File(Encoding.UTF8.GetBytes(content), format == "json" ? "application/json; charset=utf-8" : "text/html; charset=utf-8", cut.FileName(reportKind, format));
        }
        catch (DataInputException e)
        {
            return Problems.Conflict($"The cut's analysis cannot be computed: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Frozen data cut altered", detail: e.Message);
        }
    }
}
