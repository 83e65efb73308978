using Evident.Protocol;
using Evident.Randomization;

namespace Evident.Randomization.Tests.Randomization;

public sealed class PermutedBlocksTests
{
    private static readonly TrialArm[] Arms = [new("a", "A", true), new("b", "B", false)];

    private static AllocationPlan Plan(int[] ratio, int[] sizes) => new(ratio, AllocationMethod.PermutedBlocks, sizes, [], null);

    [Fact]
    public void Every_block_holds_the_ratio_and_sizes_come_from_the_protocol()
    {
        var slots = PermutedBlocks.Generate(Plan([2, 1], [3, 6]), Arms, "risk=high", 1000, new Random(42));
        Assert.InRange(slots.Count, 1000, 1005);
        Assert.Equal(Enumerable.Range(1, slots.Count), slots.Select(s => s.Sequence));
        foreach (var block in slots.GroupBy(s => s.Block))
        {
            int size = block.First().BlockSize;
            Assert.Contains(size, new[] { 3, 6 });
            Assert.Equal(size, block.Count());
            Assert.Equal(size / 3 * 2, block.Count(s => s.Arm == "a"));
        }
        Assert.All(slots, s => Assert.Equal("risk=high", s.Stratum));
        // Both sizes are used and orders vary (not a fixed pattern).
        Assert.Equal(2, slots.Select(s => s.BlockSize).Distinct().Count());
        Assert.True(slots.GroupBy(s => s.Block).Select(b => string.Concat(b.Select(s => s.Arm))).Distinct().Count() > 3);
    }

    [Fact]
    public void Same_seed_same_list_and_one_slot_asks_for_one_whole_block()
    {
        var first = PermutedBlocks.Generate(Plan([1, 1], [4]), Arms, "", 10, new Random(1));
        var second = PermutedBlocks.Generate(Plan([1, 1], [4]), Arms, "", 10, new Random(1));
        Assert.Equal(first, second);
        Assert.Equal(12, first.Count);
        Assert.Equal(4, PermutedBlocks.Generate(Plan([1, 1], [4]), Arms, "", 1, new Random(1)).Count);
    }

    [Fact]
    public void Cryptographic_generator_gives_balanced_blocks()
    {
        var slots = PermutedBlocks.Generate(Plan([1, 1], [4, 6]), Arms, "", 600, CryptographicRandom.Instance);
        foreach (var block in slots.GroupBy(s => s.Block)) Assert.Equal(block.Count() / 2, block.Count(s => s.Arm == "b"));
    }

    [Fact]
    public void Invalid_plans_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutedBlocks.Generate(Plan([1, 1], [4]), Arms, "", 0, new Random(1)));
        Assert.Throws<ArgumentException>(() => PermutedBlocks.Generate(Plan([1, 1], [3]), Arms, "", 5, new Random(1)));
        Assert.Throws<ArgumentException>(() => PermutedBlocks.Generate(Plan([1, 1, 1], [3]), Arms, "", 5, new Random(1)));
        Assert.Throws<ArgumentException>(() => PermutedBlocks.Generate(new AllocationPlan([1, 1], AllocationMethod.Minimization, [], [], null), Arms, "", 5, new Random(1)));
    }
}
