using System.Globalization;
using System.Security.Claims;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Evident.Server.Infrastructure;

/// <summary>
/// Sign-in for the server-rendered pages: a cookie scheme used by the pages only (the JSON API stays bearer-only, its
/// default scheme), the policy the pages authorize with, and the lockout rule. The cookie is HttpOnly, SameSite=Strict,
/// Secure when the request is HTTPS, expires after <see cref="IdleTimeout"/> without use (sliding) and in any case
/// <see cref="AbsoluteLifetime"/> after sign-in.
/// </summary>
public static class PageAuth
{
    /// <summary>The cookie authentication scheme of the pages.</summary>
    public const string Scheme = "EvidentPages";

    /// <summary>The authorization policy of the pages: a user signed in with <see cref="Scheme"/>.</summary>
    public const string Policy = "pages";

    /// <summary>The claim holding when the user signed in (round-trip ISO 8601), for the absolute lifetime.</summary>
    public const string SignedInClaim = "evident:signed-in";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    internal static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "evident.session";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Cookie.IsEssential = true;
        o.ExpireTimeSpan = IdleTimeout;
        o.SlidingExpiration = true;
        o.LoginPath = "/login";
        o.LogoutPath = "/logout";
        o.AccessDeniedPath = "/login";
        o.ReturnUrlParameter = "returnUrl";
        // Relative, so that the redirect is right behind a reverse proxy that does not forward the host.
        o.Events.OnRedirectToLogin = context =>
        {
            context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var uri) ? uri.PathAndQuery : context.RedirectUri);
            return Task.CompletedTask;
        };
        // Every request of a session: within the absolute lifetime, and the user's access stands (a revoked
        // user's open sessions end at their next request).
        o.Events.OnValidatePrincipal = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var principal = context.Principal;
            string? signedIn = principal?.FindFirstValue(SignedInClaim);
            bool valid = signedIn is not null && DateTimeOffset.TryParse(signedIn, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) && now - at < AbsoluteLifetime;
            if (valid)
            {
                var caller = Caller.From(principal!);
                valid = await services.GetRequiredService<TrialStore>().HasAccessAsync(caller.TrialId, caller.Name);
            }
            if (!valid)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            }
        };
    }

    /// <summary>The principal of a user who signed in at <paramref name="now"/>; the same claims the bearer handler sets (see <see cref="Caller"/>).</summary>
    internal static ClaimsPrincipal Principal(string trialId, StoredUser user, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, TrialRoles.Name(user.Role)),
            new(Caller.TrialClaim, trialId),
            new(SignedInClaim, now.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (user.Site is not null) claims.Add(new Claim(Caller.SiteClaim, user.Site));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
