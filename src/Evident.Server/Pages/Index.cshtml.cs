using Evident.Server.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Server.Pages;

/// <summary><c>/</c>: the signed-in user's trial home, else the sign-in page.</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>Redirects to <c>/t/{trialId}</c> or <c>/login</c>.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var session = await HttpContext.AuthenticateAsync(PageAuth.Scheme);
        if (!session.Succeeded) return LocalRedirect("/login");
        return LocalRedirect("/t/" + Uri.EscapeDataString(Caller.From(session.Principal).TrialId));
    }
}
