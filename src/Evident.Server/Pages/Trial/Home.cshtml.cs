using Evident.Storage;

namespace Evident.Server.Pages.Trial;

/// <summary><c>/t/{trialId}</c>: the trial and what the signed-in role can do in it.</summary>
/// <param name="store">The trial store.</param>
public sealed class HomeModel(TrialStore store) : TrialPageModel(store)
{
    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }
}
