namespace Evident.Server.Contracts;

/// <summary>Body of <c>POST /trials/{trialId}/users</c>.</summary>
/// <param name="Name">User name, 1–64 characters.</param>
/// <param name="Role"><c>admin</c>, <c>site-coordinator</c>, <c>blinded-statistician</c>, <c>unblinded-statistician</c> (<c>dsmb</c>) or <c>monitor</c>.</param>
/// <param name="Site">The site, for a site coordinator only.</param>
/// <param name="Password">A password for the web pages (8–256 characters), or null.</param>
/// <param name="TokenDays">Days the first token works, 1–3650; default: the service's token lifetime (90 days unless configured).</param>
internal sealed record UserBody(string Name, string Role, string? Site = null, string? Password = null, int? TokenDays = null);
