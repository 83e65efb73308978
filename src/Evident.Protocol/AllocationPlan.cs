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
    MinimizationSettings? Minimization);
