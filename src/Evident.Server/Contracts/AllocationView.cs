
using Evident.Randomization;
namespace Evident.Server.Contracts;

/// <summary>
/// A randomized participant as the API shows it; <see cref="Arm"/> is omitted for roles that may not see arms. Baseline
/// covariates are not arms: every role that sees the participant sees them (an empty object when none was recorded).
/// </summary>
internal sealed record AllocationView(
    string ParticipantId,
    string Site,
    IReadOnlyDictionary<string, string> Strata,
    IReadOnlyDictionary<string, string> Covariates,
    string? Arm,
    DateTimeOffset RandomizedAt,
    string RandomizedBy,
    bool Invalidated,
    DateTimeOffset? InvalidatedAt,
    string? InvalidationReason)
{
    public static AllocationView From(Allocation r, bool showArm) =>
        new(r.ParticipantId, r.Site, r.Strata, r.Covariates, showArm ? r.Arm : null, r.RandomizedAt, r.RandomizedBy, r.InvalidatedAt is not null, r.InvalidatedAt, r.InvalidationReason);
}
