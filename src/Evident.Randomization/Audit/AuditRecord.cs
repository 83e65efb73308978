namespace Evident.Randomization.Audit;

/// <summary>
/// One link of the audit chain: who did what, when and why, and the SHA-256 of the previous link, so that editing or
/// deleting any stored record breaks the chain (see <see cref="AuditChain"/>).
/// </summary>
/// <param name="Sequence">1-based position in the chain (one chain per database).</param>
/// <param name="TrialId">The trial concerned, or null.</param>
/// <param name="At">When (UTC, ISO 8601 with ticks, from the service's injected clock).</param>
/// <param name="Actor">Who: a user name, or <c>cli:NAME</c> for set-up from the command line.</param>
/// <param name="Action">What kind of change, e.g. <c>randomize</c>, <c>unblind</c>, <c>invalidate</c>, <c>site.add</c>.</param>
/// <param name="Entity">What it changed, e.g. <c>participant:P-0001</c>.</param>
/// <param name="Details">The change as a JSON object.</param>
/// <param name="Reason">Why, where the action requires one, else null.</param>
/// <param name="PreviousHash">Hash of the previous record (64 zeros for the first).</param>
/// <param name="Hash">This record's hash.</param>
public sealed record AuditRecord(
    long Sequence,
    string? TrialId,
    string At,
    string Actor,
    string Action,
    string Entity,
    string Details,
    string? Reason,
    string PreviousHash,
    string Hash);
