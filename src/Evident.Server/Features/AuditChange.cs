namespace Evident.Server.Features;

/// <summary>One value a correction changed: <c>Date: 2026-02-10 → 2026-02-12</c>.</summary>
/// <param name="Label">What changed, as in <see cref="AuditField.Label"/>.</param>
/// <param name="Old">The value of the version replaced, or "—" when it had none.</param>
/// <param name="New">The value of the correction, or "—" when it has none.</param>
public sealed record AuditChange(string Label, string Old, string New);
