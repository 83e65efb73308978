namespace Evident.Randomization;

/// <summary>
/// What <see cref="RandomizationService.Decide"/> needs to know about the trial's stored randomizations, read by the store
/// inside the transaction that will write the decision (so nothing changes in between).
/// </summary>
/// <param name="Participant">The participant's randomization, with its covariates, or null when not randomized.</param>
/// <param name="KeyHolder">Another participant's randomization made with the request's Idempotency-Key, or null.</param>
/// <param name="SiteExists">Whether the request's site is a site of the trial.</param>
/// <param name="Sequence">The position the participant would take in their stratum: the highest used, plus one.</param>
/// <param name="ListedArm">
/// Permuted blocks: the arm the sealed list holds at <paramref name="Sequence"/> in the participant's stratum, or null
/// when the list is used up. Ignored for minimization.
/// </param>
/// <param name="MinimizationCounts">
/// Minimization: for each of <see cref="RandomizationService.MinimizationLevels"/>, in that order, the participants
/// already allocated with that level, by arm id (an arm absent has none). Empty for permuted blocks.
/// </param>
public sealed record RandomizationState(
    Allocation? Participant,
    Allocation? KeyHolder,
    bool SiteExists,
    int Sequence,
    string? ListedArm,
    IReadOnlyList<IReadOnlyDictionary<string, int>> MinimizationCounts);
