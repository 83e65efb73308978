namespace Evident.Randomization.Accounts;

/// <summary>Where a user stands with web sign-in lockout (see <c>SignInStorage</c> in Evident.Storage).</summary>
/// <param name="Failures">Consecutive failed sign-ins since the last success or the last lock.</param>
/// <param name="LockedUntil">When the current lock ends (UTC), or null when the account was never locked or the lock was lifted.</param>
public sealed record SignInState(int Failures, DateTimeOffset? LockedUntil)
{
    /// <summary>No failures and no lock.</summary>
    public static SignInState Clear { get; } = new(0, null);

    /// <summary>Whether the account is locked at <paramref name="now"/>.</summary>
    /// <param name="now">The current time (from the service's clock).</param>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && now < until;
}
