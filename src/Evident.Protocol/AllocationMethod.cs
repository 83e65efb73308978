namespace Evident.Protocol;

/// <summary>How participants are allocated to arms (YAML <c>allocation.method</c>).</summary>
public enum AllocationMethod
{
    /// <summary>
    /// Stratified permuted blocks (Zelen 1974) with block sizes drawn at random from <see cref="AllocationPlan.BlockSizes"/>;
    /// YAML <c>permuted-blocks</c>.
    /// </summary>
    PermutedBlocks,

    /// <summary>Pocock–Simon (1975) minimization with a random element; YAML <c>minimization</c>.</summary>
    Minimization,
}
