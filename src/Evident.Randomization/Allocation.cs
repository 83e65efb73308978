namespace Evident.Randomization;

/// <summary>One randomized participant. Never deleted: a mistaken randomization is invalidated with a reason.</summary>
/// <param name="Id">Database id (assigned in commit order).</param>
/// <param name="TrialId">The trial.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Site">The site.</param>
/// <param name="Strata">The participant's stratification values, by factor id.</param>
/// <param name="Arm">The allocated arm id. The service removes it from responses for roles that may not see arms.</param>
/// <param name="RandomizedAt">When (UTC, from the service's clock).</param>
/// <param name="RandomizedBy">The user who randomized.</param>
/// <param name="InvalidatedAt">When it was invalidated, or null.</param>
/// <param name="InvalidationReason">Why, or null.</param>
public sealed record Allocation(
    long Id,
    string TrialId,
    string ParticipantId,
    string Site,
    IReadOnlyDictionary<string, string> Strata,
    string Arm,
    DateTimeOffset RandomizedAt,
    string RandomizedBy,
    DateTimeOffset? InvalidatedAt,
    string? InvalidationReason)
{
    /// <summary>The participant's baseline characteristics recorded at randomization, level by covariate id in ordinal order; empty when none was given.</summary>
    public IReadOnlyDictionary<string, string> Covariates { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
