using Evident.Protocol;

namespace Evident.Randomization;

/// <summary>
/// Stratified permuted blocks with randomly chosen block sizes (Zelen 1974; Matts &amp; Lachin 1988, "Properties of
/// permuted-block randomization in clinical trials"). Each block of size b holds b·rₖ/Σr copies of arm k (r the
/// allocation ratio) in a uniformly random order (Fisher–Yates), and each block's size is drawn uniformly from the
/// protocol's block sizes, so the end of a block cannot be counted off by a site. Within every stratum the imbalance
/// between arms never exceeds half the largest block, and is zero at every block boundary.
/// </summary>
public static class PermutedBlocks
{
    /// <summary>
    /// Generates the allocation list of one stratum: whole blocks until at least <paramref name="length"/> slots exist.
    /// </summary>
    /// <param name="plan">The protocol's allocation plan (method permuted blocks; ratio one entry per arm).</param>
    /// <param name="arms">The protocol's arms, in the order of <see cref="AllocationPlan.Ratio"/>.</param>
    /// <param name="stratum">The stratum key written into each slot.</param>
    /// <param name="length">Minimum number of slots, ≥ 1.</param>
    /// <param name="random">The generator: <see cref="CryptographicRandom"/> in service, a seeded <see cref="Random"/> in tests.</param>
    /// <returns>The slots in allocation order, sequences 1, 2, …; length is a whole number of blocks.</returns>
    /// <exception cref="ArgumentException">The plan is not permuted blocks, or the ratio and arms disagree.</exception>
    public static IReadOnlyList<AllocationSlot> Generate(AllocationPlan plan, IReadOnlyList<TrialArm> arms, string stratum, int length, Random random)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(stratum);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (plan.Method != AllocationMethod.PermutedBlocks || plan.BlockSizes.Count == 0)
            throw new ArgumentException("The allocation plan is not permuted blocks with block sizes.", nameof(plan));
        if (plan.Ratio.Count != arms.Count) throw new ArgumentException($"The ratio has {plan.Ratio.Count} entries but there are {arms.Count} arms.", nameof(plan));
        int ratioSum = 0;
        foreach (int r in plan.Ratio) ratioSum += r;
        foreach (int b in plan.BlockSizes)
            if (b <= 0 || b % ratioSum != 0) throw new ArgumentException($"Block size {b} is not a positive multiple of the ratio's sum {ratioSum}.", nameof(plan));

        var slots = new List<AllocationSlot>(length + plan.BlockSizes.Max());
        var block = new List<int>();
        int blockNumber = 0;
        while (slots.Count < length)
        {
            int size = plan.BlockSizes[random.Next(plan.BlockSizes.Count)];
            blockNumber++;
            block.Clear();
            for (int k = 0; k < arms.Count; k++)
                for (int c = 0; c < size / ratioSum * plan.Ratio[k]; c++) block.Add(k);
            for (int i = block.Count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (block[i], block[j]) = (block[j], block[i]);
            }
            foreach (int k in block) slots.Add(new AllocationSlot(stratum, slots.Count + 1, blockNumber, size, arms[k].Id));
        }
        return slots;
    }
}
