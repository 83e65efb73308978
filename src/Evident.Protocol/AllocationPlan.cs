namespace Evident.Protocol;

/// <summary>How the randomization service allocates (YAML <c>allocation:</c>).</summary>
/// <param name="Ratio">
/// Allocation ratio, one positive whole number per arm in the order of <see cref="TrialProtocol.Arms"/> (YAML
/// <c>ratio: "1:1"</c>).
/// </param>
/// <param name="Method">Permuted blocks or minimization.</param>
/// <param name="BlockSizes">
/// Block sizes to draw from (permuted blocks), each a multiple of the ratio's sum; empty for minimization.
/// </param>
/// <param name="StratifyBy">Stratification factors the blocks are stratified by (permuted blocks); default all.</param>
/// <param name="Minimization">Minimization settings, or null for permuted blocks.</param>
public sealed record AllocationPlan(
    IReadOnlyList<int> Ratio,
    AllocationMethod Method,
    IReadOnlyList<int> BlockSizes,
    IReadOnlyList<string> StratifyBy,
    MinimizationSettings? Minimization)
{
    /// <summary>Open label or blinded as the protocol says (<c>blinding</c>), or null when it does not say.</summary>
    public AllocationBlinding? Blinding { get; init; }

    /// <summary>
    /// Whether a trial created from the protocol is blinded when nothing overrides it: yes unless the protocol says
    /// <c>open-label</c> (protocols written before the key existed stay blinded).
    /// </summary>
    public bool IsBlinded => Blinding != AllocationBlinding.OpenLabel;
}
