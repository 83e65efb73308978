namespace Evident.Randomization.Accounts;

/// <summary>A user of one trial.</summary>
/// <param name="Name">User name, unique in the trial.</param>
/// <param name="Role">The role.</param>
/// <param name="Site">The site a site coordinator belongs to; null for other roles.</param>
/// <param name="HasPassword">Whether a password (for the web pages) is set.</param>
public sealed record StoredUser(string Name, TrialRole Role, string? Site, bool HasPassword);
