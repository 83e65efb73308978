using System.Security.Claims;
using System.Text.Encodings.Web;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Evident.Server.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer evt_…</c>: the token's SHA-256 is looked up among the trials' tokens, then
/// among the operators' (<see cref="OperatorStorage"/>), and a token that is unknown, expired (by the injected
/// <see cref="TimeProvider"/>) or revoked is refused with 401.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TrialStore store, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length > 256) return AuthenticateResult.Fail("Malformed Authorization header.");
        string hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        var owner = await store.FindTokenAsync(hash);
        if (owner is null) return await OperatorAsync(hash);
        if (!owner.IsValidAt(time.GetUtcNow())) return AuthenticateResult.Fail(owner.RevokedAt is null ? "The token has expired." : "The token was revoked.");
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, owner.UserName),
            new(ClaimTypes.Role, TrialRoles.Name(owner.Role)),
            new(Caller.TrialClaim, owner.TrialId),
        };
        if (owner.Site is not null) claims.Add(new Claim(Caller.SiteClaim, owner.Site));
        return Success(claims);
    }

    /// <summary>An operator's token: the name as the audit actor (<c>operator:NAME</c>), the operator role, and no trial.</summary>
    private async Task<AuthenticateResult> OperatorAsync(string hash)
    {
        var owner = await store.FindOperatorTokenAsync(hash);
        if (owner is null) return AuthenticateResult.Fail("Unknown token.");
        if (!owner.IsValidAt(time.GetUtcNow())) return AuthenticateResult.Fail(owner.RevokedAt is null ? "The token has expired." : "The token was revoked.");
        return Success([new Claim(ClaimTypes.Name, owner.Actor), new Claim(ClaimTypes.Role, RolePolicies.OperatorRole)]);
    }

    private static AuthenticateResult Success(List<Claim> claims)
    {
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
