using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/participants</c>: the randomized participants (a coordinator sees their own site's only), in order of
/// randomization, with an arm column only for roles that may see arms.
/// </summary>
/// <param name="store">The trial store.</param>
public sealed class ParticipantsModel(TrialStore store) : TrialPageModel(store)
{
    /// <summary>The participants shown.</summary>
    public IReadOnlyList<Allocation> Participants { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync() =>
        Participants = await Store.ListRandomizationsAsync(Trial.Id, Role == TrialRole.SiteCoordinator ? CallerSite : null);
}
