using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/randomize/result/{participantId}</c> (admins and site coordinators): the allocation just made. The arm
/// is shown only to roles that may see it; in a blinded trial the participant id and the randomization number
/// (<see cref="TrialPageModel.RandomizationNumber"/>) stand in for it. Another site's participant is 404.
/// </summary>
/// <param name="store">The trial store.</param>
public sealed class RandomizeResultModel(TrialStore store) : TrialPageModel(store)
{
    /// <summary>The randomization shown.</summary>
    public Allocation Randomization { get; private set; } = null!;

    /// <inheritdoc />
    protected override bool Allows(TrialRole role) => role is TrialRole.Admin or TrialRole.SiteCoordinator;

    /// <summary>Shows the allocation.</summary>
    /// <param name="participantId">The participant.</param>
    public async Task<IActionResult> OnGetAsync(string participantId)
    {
        var r = await Store.GetRandomizationAsync(Trial.Id, participantId);
        if (r is null || !MaySee(r.Site)) return NotFound();
        Randomization = r;
        return Page();
    }
}
