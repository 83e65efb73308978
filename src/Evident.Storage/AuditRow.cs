namespace Evident.Storage;

/// <summary>An audit record as stored (see <see cref="WriteContext"/>).</summary>
internal sealed record AuditRow(long Sequence, string? TrialId, string At, string Actor, string Action, string Entity, string Details, string? Reason,
    string PreviousHash, string Hash);
