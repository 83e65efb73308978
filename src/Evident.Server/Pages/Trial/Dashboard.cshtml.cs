using Evident.Server.Dashboard;
using Evident.Randomization.Accounts;
using Evident.Storage;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/dashboard</c> (the unblinded statistician, for the data-monitoring committee only): enrolment by
/// stratum and site over time, the current primary analysis (Kaplan–Meier by arm overall and per stratum, stratified
/// hazard ratio, log-rank), the group-sequential boundaries with the observed Z at each look, relapse by site and safety
/// — computed on each request from the database with the same code as <c>evident analyze</c> (<see cref="InterimDashboard"/>) —
/// and the data queries still unresolved at each site.
/// Every other role gets 403; another trial 404.
/// </summary>
/// <param name="store">The trial store.</param>
/// <param name="time">The service's clock (today's date is the data cut-off).</param>
public sealed class DashboardModel(TrialStore store, TimeProvider time) : TrialPageModel(store)
{
    /// <summary>The dashboard (set by <see cref="OnGetAsync"/>).</summary>
    internal InterimDashboard View { get; private set; } = null!;

    /// <summary>Per site (label, by the sites' order): data queries open (waiting for the site) and answered (waiting for their raiser).</summary>
    public IReadOnlyList<(string Site, int Open, int Answered)> QueriesBySite { get; private set; } = [];

    /// <inheritdoc />
    protected override bool Allows(TrialRole role) => role == TrialRole.UnblindedStatistician;

    /// <summary>Computes the dashboard.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync()
    {
        var view = await InterimDashboard.BuildAsync(Store, Trial.Id, time);
        if (view is null) return NotFound();
        View = view;
        var queries = await Store.ListQueriesAsync(Trial.Id);
        QueriesBySite = (await Store.ListSitesAsync(Trial.Id))
            .Select(site => (site.Label, queries.Count(q => q.Site == site.Id && q.Status == "open"), queries.Count(q => q.Site == site.Id && q.Status == "answered")))
            .ToArray();
        return Page();
    }
}
