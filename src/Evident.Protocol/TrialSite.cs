namespace Evident.Protocol;

/// <summary>A participating site (YAML <c>sites[]</c>), optional; may serve as a minimization factor.</summary>
/// <param name="Id">Identifier as it appears in the data.</param>
/// <param name="Label">Name of the site; defaults to the id.</param>
public sealed record TrialSite(string Id, string Label);
