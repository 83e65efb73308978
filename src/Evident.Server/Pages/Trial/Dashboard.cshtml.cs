using System.Globalization;
using Evident.Server.Dashboard;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/dashboard</c> (the unblinded statistician, for the data-monitoring committee only): enrolment by
/// stratum and site over time, the current primary analysis (Kaplan–Meier by arm overall and per stratum, stratified
/// hazard ratio, log-rank), the group-sequential boundaries with the observed Z at each look, relapse by site and safety
/// — computed on each request from the database with the same code as <c>evident analyze</c> (<see cref="InterimDashboard"/>).
/// With <c>?cut=N</c> it shows frozen data cut N instead of the live data; a button freezes a new cut, and each cut's open
/// and closed reports download from here. Every view writes an <c>unblinded.view</c> audit record. Every other role gets
/// 403; another trial 404. It also counts the data queries still unresolved at each site.
/// </summary>
/// <param name="store">The trial store.</param>
/// <param name="time">The service's clock (today's date is the data cut-off).</param>
public sealed class DashboardModel(TrialStore store, TimeProvider time) : TrialPageModel(store)
{
    /// <summary>The dashboard (set by <see cref="OnGetAsync"/>).</summary>
    internal InterimDashboard View { get; private set; } = null!;

    /// <summary>The trial's frozen data cuts, in the order frozen.</summary>
    public IReadOnlyList<StoredDataCut> Cuts { get; private set; } = [];

    /// <summary>Today (the default cut-off of a new cut), yyyy-mm-dd.</summary>
    public string Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Why the last freeze was refused, or null.</summary>
    public string? FreezeError { get; private set; }

    /// <summary>Per site (label, by the sites' order): data queries open (waiting for the site) and answered (waiting for their raiser).</summary>
    public IReadOnlyList<(string Site, int Open, int Answered)> QueriesBySite { get; private set; } = [];

    /// <inheritdoc />
    protected override bool Allows(TrialRole role) => role == TrialRole.UnblindedStatistician;

    /// <summary>Computes the dashboard of the live data, or of frozen cut <paramref name="cut"/>.</summary>
    /// <param name="cut">A frozen cut's number, or null for the live data.</param>
    public async Task<IActionResult> OnGetAsync(long? cut)
    {
        Cuts = await Store.ListDataCutsAsync(Trial.Id);
        if (cut is { } id)
        {
            if (await FrozenCut.ReadAsync(Store, Trial, id) is not { } frozen) return NotFound();
            View = InterimDashboard.FromCut(frozen);
        }
        else
        {
            var view = await InterimDashboard.BuildAsync(Store, Trial.Id, time);
            if (view is null) return NotFound();
            View = view;
        }
        await Store.RecordUnblindedViewAsync(Trial.Id, UserName, "dashboard", cut);
        var queries = await Store.ListQueriesAsync(Trial.Id);
        QueriesBySite = (await Store.ListSitesAsync(Trial.Id))
            .Select(site => (site.Label, queries.Count(q => q.Site == site.Id && q.Status == "open"), queries.Count(q => q.Site == site.Id && q.Status == "answered")))
            .ToArray();
        return Page();
    }

    /// <summary>Freezes the captured data as they are now, with <paramref name="cutoff"/> as its cut-off, and shows the new cut.</summary>
    /// <param name="cutoff">yyyy-mm-dd, not after today.</param>
    public async Task<IActionResult> OnPostFreezeAsync(string? cutoff)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var date = today;
        if (!string.IsNullOrEmpty(cutoff) && !DateOnly.TryParseExact(cutoff, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            FreezeError = $"The cut-off '{cutoff}' is not a date as yyyy-mm-dd.";
        else if (date > today)
            FreezeError = $"The cut-off {date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): a cut freezes data that exist.";
        if (FreezeError is not null)
        {
            var result = await OnGetAsync(null);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return result;
        }
        var cut = await FrozenCut.FreezeAsync(Store, Trial.Id, date, UserName);
        return Redirect(TrialPath("dashboard") + "?cut=" + cut.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The address of cut <paramref name="cut"/>'s report of <paramref name="kind"/> (<c>open</c> or <c>closed</c>).</summary>
    /// <param name="cut">The cut.</param>
    /// <param name="kind">The report.</param>
    public string ReportPath(StoredDataCut cut, string kind)
    {
        ArgumentNullException.ThrowIfNull(cut);
        return TrialPath("dashboard", "cuts", cut.Id.ToString(CultureInfo.InvariantCulture), kind);
    }
}
