using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>The stable radix sort behind the Cox design and concordance, including its parallel (multi-block) path.</summary>
public class RadixSortTests
{
    private static (ulong[] Keys, int[] Items, double[] Values) Data(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        // Few distinct values (many ties, so stability shows), both signs, ±0, and a spread of exponents.
        for (int i = 0; i < n; i++) values[i] = Math.Round((random.NextDouble() - 0.3) * 2000) / 8 * Math.Pow(10, random.Next(-3, 4));
        values[0] = -0.0;
        if (n > 1) values[1] = 0.0;
        var keys = values.Select(RadixSort.Key).ToArray();
        return (keys, Enumerable.Range(0, n).ToArray(), values);
    }

    private static int[] StableOrder(double[] values, int start, int length)
    {
        var idx = Enumerable.Range(start, length).ToArray();
        // Key equality follows double equality (−0 = +0); ties keep their original order.
        return idx.OrderBy(i => values[i] == 0 ? 0.0 : values[i]).ThenBy(i => i).ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    [InlineData(400_000)]   // several blocks: the parallel histogram and scatter
    public void SortsStablyLikeAComparisonSort(int n)
    {
        var (keys, items, values) = Data(n, n);
        RadixSort.Sort(keys, items);
        Assert.Equal(StableOrder(values, 0, n), items);
        for (int i = 1; i < n; i++) Assert.True(keys[i - 1] <= keys[i]);
    }

    [Fact]
    public void SortsOnlyTheGivenRange()
    {
        const int n = 300_000, start = 12_345, length = 270_000;
        var (keys, items, values) = Data(n, 7);
        var before = (ulong[])keys.Clone();
        RadixSort.Sort(keys, items, start, length);
        Assert.Equal(StableOrder(values, start, length), items[start..(start + length)]);
        Assert.Equal(Enumerable.Range(0, start), items[..start]);
        Assert.Equal(Enumerable.Range(start + length, n - start - length), items[(start + length)..]);
        Assert.Equal(before[..start], keys[..start]);
        Assert.Equal(before[(start + length)..], keys[(start + length)..]);
    }

    [Fact]
    public void ConstantKeysKeepTheirOrder()
    {
        var keys = Enumerable.Repeat(RadixSort.Key(2.5), 200_000).ToArray();
        var items = Enumerable.Range(0, keys.Length).ToArray();
        RadixSort.Sort(keys, items);
        Assert.Equal(Enumerable.Range(0, keys.Length), items);
    }

    [Theory]
    [InlineData(1_000, 0)]
    [InlineData(300_000, 0)]     // several blocks
    [InlineData(5_000, 1)]       // runs of close values: sharing the top bits, finished by insertion
    [InlineData(300_000, 2)]     // long runs of distinct close values: finished by a comparison sort
    public void SortingOnTheHighBitsFirstGivesTheStableOrder(int n, int kind)
    {
        var random = new Random(n + kind);
        var values = kind switch
        {
            0 => Data(n, n + 1).Values,
            // 2,048 top-bits buckets of two or three values each, which differ in lower bits or tie.
            1 => Enumerable.Range(0, n).Select(_ => 1 + random.Next(2048) * Math.Pow(2, -19) + random.Next(8) * Math.Pow(2, -25)).ToArray(),
            _ => Enumerable.Range(0, n).Select(_ => -3 - random.Next(1 << 20) * Math.Pow(2, -50)).ToArray(),
        };
        var keys = values.Select(RadixSort.Key).ToArray();
        var items = Enumerable.Range(0, n).ToArray();
        RadixSort.SortHighBitsFirst(keys, items, 0, n);
        Assert.Equal(StableOrder(values, 0, n), items);
        for (int i = 1; i < n; i++) Assert.True(keys[i - 1] <= keys[i]);
    }
}
