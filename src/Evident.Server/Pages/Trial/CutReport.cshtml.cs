using Evident.Server.Features;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/dashboard/cuts/{cutId}/{open|closed}</c> (the unblinded statistician): a frozen cut's report as one
/// self-contained HTML file, exactly as <c>GET /trials/{trialId}/data-cuts/{cutId}/reports/{kind}</c> answers it
/// (audited), for the dashboard's download links.
/// </summary>
/// <param name="store">The trial store.</param>
public sealed class CutReportModel(TrialStore store) : TrialPageModel(store)
{
    /// <inheritdoc />
    protected override bool Allows(TrialRole role) => role == TrialRole.UnblindedStatistician;

    /// <summary>Writes the report.</summary>
    /// <param name="cutId">The cut.</param>
    /// <param name="kind"><c>open</c> or <c>closed</c>.</param>
    public async Task<IActionResult> OnGetAsync(long cutId, string kind)
    {
        var result = await DataCutEndpoints.Render(Trial.Id, cutId, kind, "html", User, Store);
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }
}
