namespace Evident.Randomization.Accounts;

/// <summary>A newly issued bearer token: shown once, stored only as its hash.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="UserName">The user.</param>
/// <param name="Role">The user's role.</param>
/// <param name="Token">The token (<c>evt_…</c>).</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record IssuedToken(string TrialId, string UserName, TrialRole Role, string Token, DateTimeOffset ExpiresAt);
