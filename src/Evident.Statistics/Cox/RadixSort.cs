namespace Evident.Statistics;

/// <summary>
/// Stable LSD radix sort of row indices by a double key (11-bit digits, passes whose digit is constant skipped):
/// O(n) and several times faster than a comparison sort on 10⁶ rows, which dominates a Cox fit otherwise.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 11, Buckets = 1 << Bits, Passes = (64 + Bits - 1) / Bits;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>An unsigned key with the order of the finite double (−0 and +0 equal).</summary>
    public static ulong Key(double value)
    {
        if (value == 0) value = 0;
        ulong b = BitConverter.DoubleToUInt64Bits(value);
        return (b & SignBit) != 0 ? ~b : b | SignBit;
    }

    /// <summary>Sorts <paramref name="items"/> stably by <paramref name="keys"/>; both are permuted in place.</summary>
    public static void Sort(ulong[] keys, int[] items)
    {
        int n = keys.Length;
        if (n < 2) return;
        var counts = new int[Passes * Buckets];
        foreach (ulong k in keys)
            for (int pass = 0; pass < Passes; pass++) counts[pass * Buckets + (int)((k >> (pass * Bits)) & (Buckets - 1))]++;
        var keyTmp = new ulong[n];
        var itemTmp = new int[n];
        ulong[] srcK = keys, dstK = keyTmp;
        int[] srcI = items, dstI = itemTmp;
        for (int pass = 0; pass < Passes; pass++)
        {
            var count = new Span<int>(counts, pass * Buckets, Buckets);
            int shift = pass * Bits;
            if (count[(int)((srcK[0] >> shift) & (Buckets - 1))] == n) continue;   // every key shares this digit
            int sum = 0;
            for (int b = 0; b < Buckets; b++) { int c = count[b]; count[b] = sum; sum += c; }
            for (int i = 0; i < n; i++)
            {
                ulong k = srcK[i];
                int pos = count[(int)((k >> shift) & (Buckets - 1))]++;
                dstK[pos] = k;
                dstI[pos] = srcI[i];
            }
            (srcK, dstK) = (dstK, srcK);
            (srcI, dstI) = (dstI, srcI);
        }
        if (!ReferenceEquals(srcK, keys))
        {
            srcK.CopyTo(keys, 0);
            srcI.CopyTo(items, 0);
        }
    }
}
