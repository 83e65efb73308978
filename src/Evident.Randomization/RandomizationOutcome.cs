namespace Evident.Randomization;

/// <summary>The result of <c>RandomizationStorage.RandomizeAsync</c> (the store applying <see cref="RandomizationService.Decide"/>).</summary>
/// <param name="Status">What happened.</param>
/// <param name="Randomization">The allocation for <see cref="RandomizationStatus.Created"/> and <see cref="RandomizationStatus.Existing"/>, else null.</param>
/// <param name="Message">Why nothing was written, for the other statuses.</param>
public sealed record RandomizationOutcome(RandomizationStatus Status, Allocation? Randomization, string? Message);
