namespace Evident.Server.Contracts;

/// <summary>Body of <c>POST /trials/{trialId}/sites</c>.</summary>
/// <param name="Id">Site id, 1–64 characters.</param>
/// <param name="Label">Site name; defaults to the id.</param>
internal sealed record SiteBody(string Id, string? Label = null);
