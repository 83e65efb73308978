namespace Evident.Randomization;

/// <summary>One entry of a sealed permuted-block allocation list: the arm the <see cref="Sequence"/>-th participant of a stratum receives.</summary>
/// <param name="Stratum">The stratum key (see <see cref="StratumKey"/>), e.g. <c>risk=SR-high</c>; empty when unstratified.</param>
/// <param name="Sequence">1-based position within the stratum.</param>
/// <param name="Block">1-based number of the block within the stratum.</param>
/// <param name="BlockSize">Size of that block (one of the protocol's block sizes).</param>
/// <param name="Arm">The arm id.</param>
public sealed record AllocationSlot(string Stratum, int Sequence, int Block, int BlockSize, string Arm);
