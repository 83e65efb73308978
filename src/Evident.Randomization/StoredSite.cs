namespace Evident.Randomization;

/// <summary>A site of a trial.</summary>
/// <param name="Id">The site id.</param>
/// <param name="Label">The site's name.</param>
public sealed record StoredSite(string Id, string Label);
