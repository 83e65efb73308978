namespace Evident.Randomization;

/// <summary>
/// What <see cref="RandomizationService.Decide"/> decided for one request: allocate an arm (<see cref="RandomizationStatus.Created"/>),
/// return the allocation already made (<see cref="RandomizationStatus.Existing"/>), or refuse with a message (every other
/// status). Only a <see cref="RandomizationStatus.Created"/> decision is written.
/// </summary>
public sealed record RandomizationDecision
{
    private RandomizationDecision(RandomizationStatus status, string? arm, Allocation? existing, string? message)
    {
        Status = status;
        Arm = arm;
        Existing = existing;
        Message = message;
    }

    /// <summary>What the request does.</summary>
    public RandomizationStatus Status { get; }

    /// <summary>The arm id to allocate, for <see cref="RandomizationStatus.Created"/>; else null.</summary>
    public string? Arm { get; }

    /// <summary>The allocation already made, for <see cref="RandomizationStatus.Existing"/>; else null.</summary>
    public Allocation? Existing { get; }

    /// <summary>Why nothing is written, in plain English, for a refusal; else null.</summary>
    public string? Message { get; }

    internal static RandomizationDecision Allocate(string arm) => new(RandomizationStatus.Created, arm, null, null);

    internal static RandomizationDecision Repeat(Allocation existing) => new(RandomizationStatus.Existing, null, existing, null);

    internal static RandomizationDecision Refuse(RandomizationStatus status, string message) => new(status, null, null, message);
}
