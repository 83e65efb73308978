namespace Evident.Randomization;

/// <summary>What a randomization request did.</summary>
public enum RandomizationStatus
{
    /// <summary>A new allocation was made and committed.</summary>
    Created,

    /// <summary>The participant (or the Idempotency-Key) was already randomized with the same details: the same allocation is returned and no slot is used.</summary>
    Existing,

    /// <summary>The participant is already randomized with a different site, stratification values or baseline covariates, or the Idempotency-Key belongs to another participant: nothing written.</summary>
    Conflict,

    /// <summary>The site is not a site of the trial: nothing written.</summary>
    UnknownSite,

    /// <summary>The stratum's sealed allocation list is used up: nothing written.</summary>
    ListExhausted,
}
