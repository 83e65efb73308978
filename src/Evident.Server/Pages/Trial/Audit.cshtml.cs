using Evident.Randomization.Accounts;
using Evident.Randomization.Audit;
using Evident.Server.Features;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/audit</c> (admins): the trial's audit records, newest first, <see cref="PageSize"/> a page, filtered
/// by participant, actor, action and date range (the API's filters, <c>GET /trials/{trial}/audit</c>), in words
/// (<see cref="AuditEntryView"/>), with the chain's verification at the top and the filtered records as CSV
/// (<c>?handler=csv</c>, as <c>GET /trials/{trial}/audit.csv</c>). In a blinded trial arms read "(blinded)".
/// </summary>
/// <param name="store">The trial store.</param>
public sealed class AuditModel(TrialStore store) : TrialPageModel(store)
{
    /// <summary>Records on one page.</summary>
    public const int PageSize = 50;

    /// <summary>The filter read from the query string.</summary>
    public AuditFilter Filter { get; private set; } = AuditFilter.None;

    /// <summary>Messages about filters that could not be read (those filters are not applied).</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The records shown, newest first.</summary>
    public IReadOnlyList<AuditEntryView> Entries { get; private set; } = [];

    /// <summary>How many records the filter admits.</summary>
    public long Total { get; private set; }

    /// <summary>The page shown, 1-based.</summary>
    public long PageNumber { get; private set; } = 1;

    /// <summary>How many pages the filtered records fill (at least 1).</summary>
    public long PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The actors of the trial's records, for the actor filter.</summary>
    public IReadOnlyList<string> Actors { get; private set; } = [];

    /// <summary>The actions of the trial's records with their words, for the action filter.</summary>
    public IReadOnlyList<(string Action, string Label)> Actions { get; private set; } = [];

    /// <summary>The verification of the chain, done as the page is read.</summary>
    public AuditVerification Verification { get; private set; } = null!;

    /// <inheritdoc />
    protected override bool Allows(TrialRole role) => role == TrialRole.Admin;

    /// <summary>Loads the filtered page of records and the chain's verification.</summary>
    public async Task OnGetAsync()
    {
        ReadFilter();
        var problems = new Dictionary<string, string[]>();
        PageNumber = AuditRequest.Number(AuditRequest.Of(Request.Query), "page", 1, long.MaxValue / PageSize, problems) ?? 1;
        Errors.AddRange(problems, f => f);
        Total = await Store.CountAuditAsync(Trial.Id, Filter);
        PageNumber = Math.Min(PageNumber, PageCount);
        var records = await Store.ReadAuditAsync(Trial.Id, Filter, newestFirst: true, (PageNumber - 1) * PageSize, PageSize);
        Entries = await (await AuditTrailView.CreateAsync(Store, Trial)).ViewsAsync(records);
        var (actors, actions) = await Store.ListAuditChoicesAsync(Trial.Id);
        Actors = actors;
        Actions = actions.Select(a => (a, AuditText.Action(a))).OrderBy(a => a.Item2, StringComparer.Ordinal).ToArray();
        Verification = await AuditEndpoints.VerifyAsync(Store, Trial.Id);
    }

    /// <summary>The filtered records as CSV, oldest first.</summary>
    public IActionResult OnGetCsv()
    {
        ReadFilter();
        if (Errors.Any) return BadRequest(string.Join(" ", Errors.All.Select(e => e.Message)));
        var filter = Filter;
        return new FileCallbackResult(stream => AuditCsv.WriteAsync(stream, Store, Trial, filter), AuditCsv.FileName(Trial, filter));
    }

    /// <summary>This page's address with the current filters and <paramref name="page"/> (or the CSV handler when null).</summary>
    /// <param name="page">A page number, or null for the export.</param>
    public string Link(long? page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null) query.Add(new(key, value));
        }
        Add("participant", Filter.Participant);
        Add("actor", Filter.Actor);
        Add("action", Filter.Action);
        Add("from", Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(page is null ? "handler" : "page", page is null ? "csv" : page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return TrialPath("audit") + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    private void ReadFilter()
    {
        var (filter, problems) = AuditRequest.Read(AuditRequest.Of(Request.Query));
        Errors.AddRange(problems, f => f);
        Filter = filter;
    }

    /// <summary>A file written by a callback straight to the response.</summary>
    private sealed class FileCallbackResult(Func<Stream, Task> write, string fileName) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            TypedResults.Stream(write, "text/csv; charset=utf-8", fileName).ExecuteAsync(context.HttpContext);
    }
}
