namespace Evident.Randomization.Accounts;

/// <summary>A newly issued operator token: shown once, stored only as its hash.</summary>
/// <param name="Name">The operator.</param>
/// <param name="Token">The token (<c>evt_…</c>).</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record IssuedOperatorToken(string Name, string Token, DateTimeOffset ExpiresAt);
