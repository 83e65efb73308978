using System.Globalization;
using Evident.Randomization.Queries;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// The participant page's data queries (<see cref="QueryRules"/>, as the API's <c>/queries</c>): statisticians, monitors
/// and admins open a query on one of the participant's entries (<c>q.entry</c>, <c>q.text</c>); a coordinator of the
/// participant's site answers an open query (<c>qN.text</c>); the raiser closes it with an optional remark. Messages
/// are shown next to the fields; nothing is stored when a rule fails.
/// </summary>
public sealed partial class ParticipantModel
{
    /// <summary>The participant's queries, by id, each with every step.</summary>
    public IReadOnlyList<DataQuery> Queries { get; private set; } = [];

    /// <summary>Whether the signed-in user may open a query here (a raising role, a valid randomization, something recorded).</summary>
    public bool MayRaise => QueryRules.MayRaise(Role) && Randomization.InvalidatedAt is null && Timeline.Count > 0;

    /// <summary>Whether the signed-in user answers <paramref name="query"/> (a coordinator of its site, the query not closed).</summary>
    /// <param name="query">A query of this participant.</param>
    public bool MayAnswer(DataQuery query) => query.IsOpen && QueryRules.StepProblem(query, QueryAction.Answer, UserName, Role, CallerSite) is null;

    /// <summary>Whether the signed-in user closes <paramref name="query"/> (its raiser, the query not closed).</summary>
    /// <param name="query">A query of this participant.</param>
    public bool MayClose(DataQuery query) => query.IsOpen && QueryRules.StepProblem(query, QueryAction.Close, UserName, Role, CallerSite) is null;

    /// <summary>Opens a query on entry <c>q.entry</c> with the question <c>q.text</c>.</summary>
    /// <param name="participantId">The participant.</param>
    public async Task<IActionResult> OnPostQueryAsync(string participantId)
    {
        if (!await LoadAsync(participantId)) return NotFound();
        if (!MayRaise) return StatusCode(StatusCodes.Status403Forbidden);
        string? text = Read("q.text")?.Trim();
        bool entryKnown = long.TryParse(Read("q.entry"), NumberStyles.None, CultureInfo.InvariantCulture, out long entryId) && Timeline.Any(e => e.EntryId == entryId);
        if (!entryKnown) Errors.Add("q.entry", "Choose the entry the query is about.");
        if (QueryRules.TextProblem(QueryAction.Open, text) is { } problem) Errors.Add("q.text", problem);
        if (Errors.Any) return Refused(StatusCodes.Status400BadRequest);
        var query = await Store.OpenQueryAsync(Trial.Id, participantId, entryId, text!, Caller.Name);
        return LocalRedirect($"{TrialPath("participants", participantId)}#query-{query.QueryId.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Answers (<paramref name="action"/> <c>answer</c>) or closes (<c>close</c>) query <paramref name="queryId"/> with the text <c>qN.text</c>.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="queryId">The query.</param>
    /// <param name="action"><c>answer</c> or <c>close</c>.</param>
    public async Task<IActionResult> OnPostQueryStepAsync(string participantId, long queryId, string action)
    {
        if (!await LoadAsync(participantId)) return NotFound();
        var query = Queries.FirstOrDefault(q => q.QueryId == queryId);
        if (query is null || !QueryRules.TryParse(action, out var step) || step == QueryAction.Open) return NotFound();
        string field = $"q{queryId.ToString(CultureInfo.InvariantCulture)}.text";
        if (QueryRules.StepProblem(query, step, UserName, Role, CallerSite) is { } refused)
        {
            Errors.Add(field, refused);
            return Refused(query.IsOpen ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
        }
        string text = Read(field)?.Trim() ?? "";
        if (QueryRules.TextProblem(step, text) is { } problem)
        {
            Errors.Add(field, problem);
            return Refused(StatusCodes.Status400BadRequest);
        }
        try
        {
            await Store.StepQueryAsync(Trial.Id, queryId, step, text, Caller.Name, Role, CallerSite);
        }
        catch (QueryStepException e)
        {
            Errors.Add(field, e.Message);
            return Refused(StatusCodes.Status409Conflict);
        }
        return LocalRedirect($"{TrialPath("participants", participantId)}#query-{queryId.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Who did a step and what, in words: "Opened by monitor on 2026-02-01".</summary>
    /// <param name="step">A step.</param>
    public static string StepLabel(QueryStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        string verb = step.Action switch { QueryAction.Open => "Opened", QueryAction.Answer => "Answered", _ => "Closed" };
        return $"{verb} by {step.By} on {step.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
    }

    /// <summary>The words for a query's status.</summary>
    /// <param name="query">A query.</param>
    public static string StatusLabel(DataQuery query) => query?.Status switch
    {
        "open" => "Open: waiting for the site",
        "answered" => "Answered: waiting for the raiser to close it",
        _ => "Closed",
    };
}
