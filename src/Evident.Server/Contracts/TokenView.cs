using Evident.Randomization.Accounts;

namespace Evident.Server.Contracts;

/// <summary>A newly issued token: shown once.</summary>
internal sealed record TokenView(string Trial, string User, string Role, string Token, DateTimeOffset ExpiresAt)
{
    public static TokenView From(IssuedToken t) => new(t.TrialId, t.UserName, TrialRoles.Name(t.Role), t.Token, t.ExpiresAt);
}
