using System.Security.Claims;
using Evident.Randomization.Accounts;

namespace Evident.Server.Infrastructure;

/// <summary>The authenticated user of a request, read from the claims the bearer token handler set.</summary>
/// <param name="TrialId">The trial the token belongs to.</param>
/// <param name="Name">The user name (written to the audit trail as the actor).</param>
/// <param name="Role">The role.</param>
/// <param name="Site">A coordinator's site, else null.</param>
internal sealed record Caller(string TrialId, string Name, TrialRole Role, string? Site)
{
    public const string TrialClaim = "evident:trial";
    public const string SiteClaim = "evident:site";

    public static Caller From(ClaimsPrincipal user)
    {
        TrialRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role);
        return new Caller(user.FindFirstValue(TrialClaim) ?? "", user.Identity?.Name ?? "", role, user.FindFirstValue(SiteClaim));
    }

    /// <summary>Whether this caller may see arms in a trial that is (or is not) blinded.</summary>
    public bool SeesArms(bool blinded) => TrialRoles.SeesArms(Role, blinded);

    /// <summary>Whether this caller may see participants of <paramref name="site"/> (coordinators: their own site only).</summary>
    public bool MaySee(string site) => Role != TrialRole.SiteCoordinator || Site == site;
}
