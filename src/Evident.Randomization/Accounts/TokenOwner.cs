namespace Evident.Randomization.Accounts;

/// <summary>Who a bearer token belongs to, and whether it still works.</summary>
/// <param name="TrialId">The trial the user belongs to.</param>
/// <param name="UserName">The user's name.</param>
/// <param name="Role">The user's role.</param>
/// <param name="Site">The coordinator's site, else null.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
public sealed record TokenOwner(string TrialId, string UserName, TrialRole Role, string? Site, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token is neither expired nor revoked at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
