namespace Evident.Server.Features;

/// <summary>One value of an audit record's details as a reader sees it, e.g. <c>Risk group: SR-average</c>.</summary>
/// <param name="Label">The protocol's label (a stratification factor, an eligibility question) or the service's word for the key.</param>
/// <param name="Value">The value in words, never empty and never "null".</param>
public sealed record AuditField(string Label, string Value);
