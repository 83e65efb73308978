using System.Text.Json.Nodes;
using Evident.Randomization.Audit;
using Evident.Server.Infrastructure;
using Evident.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Features;

/// <summary>
/// The trial's audit trail for its admins: the records (filtered by participant, actor, action and date range, a page
/// at a time with the total in <c>X-Total-Count</c>), the same records as CSV in words, and whether the chain verifies.
/// In a blinded trial arms in the details read "(blinded)". The audit page reads the same filters and export.
/// </summary>
internal static class AuditEndpoints
{
    /// <summary>The most records one request may ask for with <c>limit</c>.</summary>
    public const int MaxLimit = 1000;

    public static void MapAudit(this IEndpointRouteBuilder trial)
    {
        var audit = trial.MapGroup("").RequireAuthorization(RolePolicies.Admin).WithTags("Oversight");
        audit.MapGet("/audit", Records).WithSummary("The trial's audit records, oldest first: filters participant, actor, action, from, to (UTC days); paging offset, limit; the total in X-Total-Count.");
        audit.MapGet("/audit.csv", Csv).WithSummary("The trial's audit records (same filters) as CSV, details in the protocol's words.");
        audit.MapGet("/audit/verification", Verification).WithSummary("Whether the audit chain verifies: records read, the first broken record and what is wrong with it.");
    }

    /// <summary>The filters of the query string as the OpenAPI document lists them; read as text so that a bad value gets a message of ours.</summary>
    internal sealed record FilterQuery(
        [FromQuery(Name = "participant")] string? Participant, [FromQuery(Name = "actor")] string? Actor, [FromQuery(Name = "action")] string? Action,
        [FromQuery(Name = "from")] string? From, [FromQuery(Name = "to")] string? To)
    {
        public Func<string, string?> Lookup(string? offset = null, string? limit = null) => key => key switch
        {
            "participant" => Participant, "actor" => Actor, "action" => Action, "from" => From, "to" => To, "offset" => offset, "limit" => limit, _ => null,
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ValidationProblem, ProblemHttpResult>> Records(string trialId, [AsParameters] FilterQuery q, string? offset, string? limit, HttpResponse response, TrialStore store)
    {
        var trial = await store.GetTrialAsync(trialId);
        if (trial is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        var query = q.Lookup(offset, limit);
        var (filter, problems) = AuditRequest.Read(query);
        long? skip = AuditRequest.Number(query, "offset", 0, long.MaxValue, problems);
        long? take = AuditRequest.Number(query, "limit", 1, MaxLimit, problems);
        if (problems.Count > 0) return Problems.Invalid(problems);
        response.Headers["X-Total-Count"] = (await store.CountAuditAsync(trialId, filter)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var records = await store.ReadAuditAsync(trialId, filter, newestFirst: false, skip ?? 0, (int?)take);
        return TypedResults.Ok<IReadOnlyList<AuditRecord>>(records.Select(r => AuditTrailView.Visible(trial, r)).ToArray());
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Csv(string trialId, [AsParameters] FilterQuery q, TrialStore store)
    {
        var trial = await store.GetTrialAsync(trialId);
        if (trial is null) return Problems.NotFound($"There is no trial '{trialId}'.");
        var (filter, problems) = AuditRequest.Read(q.Lookup());
        if (problems.Count > 0) return Problems.Invalid(problems);
        return TypedResults.Stream(stream => AuditCsv.WriteAsync(stream, store, trial, filter), "text/csv; charset=utf-8", AuditCsv.FileName(trial, filter));
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> Verification(string trialId, TrialStore store) =>
        await store.GetTrialAsync(trialId) is null ? Problems.NotFound($"There is no trial '{trialId}'.") : TypedResults.Ok(await VerifyAsync(store, trialId));

    /// <summary>
    /// Verifies the whole chain (<see cref="AuditStorage.VerifyAuditAsync"/>); a problem at a record of another trial or
    /// of the service is not described to this trial's admin, only located.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial whose admin asks.</param>
    public static async Task<AuditVerification> VerifyAsync(TrialStore store, string trialId)
    {
        var result = await store.VerifyAuditAsync();
        if (result.FirstBroken is not { } broken || (await store.ReadAuditRecordAsync(broken))?.TrialId == trialId) return result;
        return result with { Problem = "a record outside this trial does not verify; the service's operator runs `evident audit verify` for the details" };
    }

    // The hash still covers the arm; an inspector verifies the chain from the database with `evident audit verify`.
    internal static AuditRecord Redact(AuditRecord record)
    {
        if (JsonNode.Parse(record.Details) is not JsonObject details || !details.Remove("arm")) return record;
        details["arm"] = "(blinded)";
        return record with { Details = details.ToJsonString() };
    }
}
