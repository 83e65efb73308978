using Evident.Server.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Server.Pages;

/// <summary><c>/logout</c>: GET asks, POST (anti-forgery checked) ends the session and returns to the sign-in page.</summary>
public sealed class LogoutModel : PageModel
{
    /// <summary>Shows the log-out button (nothing changes on GET).</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PageAuth.Scheme);
        return LocalRedirect("/login?signedOut=1");
    }
}
