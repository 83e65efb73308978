namespace Evident.Randomization.Accounts;

/// <summary>
/// Who an operator token belongs to, and whether it still works. Operators act on the service, not in a trial: they
/// create trials (and name each new trial's first admin), and no trial's role opens that.
/// </summary>
/// <param name="Name">The operator's name.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
public sealed record OperatorTokenOwner(string Name, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>The audit trail's actor for an operator: <c>operator:NAME</c>, never a trial user's name.</summary>
    public string Actor => $"operator:{Name}";

    /// <summary>Whether the token is neither expired nor revoked at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
