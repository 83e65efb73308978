using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Evident.Statistics.Cox;
using Evident.Statistics.Internal;

namespace Evident.Statistics.Survival;

/// <summary>
/// Observations put in the order every survival kernel wants: grouped by bucket (curve or stratum), ascending time
/// within a bucket. Each row carries a code: bit 0 = event, the remaining bits = a label (the comparison group for
/// the log-rank test, 0 otherwise).
/// </summary>
/// <remarks>
/// Contract: <see cref="Time"/> and <see cref="Code"/> have one entry per row; rows of bucket <c>b</c> occupy
/// <c>[Start[b], Start[b + 1])</c>, ascending in time. The order of tied rows is unspecified; every consumer groups
/// ties before using them.
/// </remarks>
internal readonly struct SortedSample
{
    public SortedSample(double[] time, int[] code, int[] start)
    {
        Time = time;
        Code = code;
        Start = start;
    }

    public double[] Time { get; }
    public int[] Code { get; }
    public int[] Start { get; }
    public int BucketCount => Start.Length - 1;

    public ReadOnlySpan<double> TimesOf(int bucket) => Time.AsSpan(Start[bucket], Start[bucket + 1] - Start[bucket]);
    public ReadOnlySpan<int> CodesOf(int bucket) => Code.AsSpan(Start[bucket], Start[bucket + 1] - Start[bucket]);
}

/// <summary>
/// The one sort of the survival kernels: an O(n) stable counting pass by bucket, then one O(m log m) sort of each
/// bucket's m times (Σ m log m ≤ n log n). Everything after this is a linear pass.
/// </summary>
internal static class SurvivalOrder
{
    /// <summary>
    /// Sorts validated rows. <paramref name="label"/> (may be empty = 0) is stored in the code above the event bit;
    /// <paramref name="bucket"/> (may be empty = one bucket) must hold codes in <c>[0, bucketCount)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SortedSample Sort(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<int> label,
                                    ReadOnlySpan<int> bucket, int bucketCount)
    {
        int n = time.Length;
        var sortedTime = new double[n];
        var code = new int[n];
        var start = new int[bucketCount + 1];

        if (bucket.IsEmpty)
        {
            Preconditions.DebugAssert(bucketCount == 1);
            for (int i = 0; i < n; i++)
            {
                sortedTime[i] = time[i] + 0.0; // −0 → +0, so a reported time never prints as "-0"
                code[i] = Encode(isEvent[i], label.IsEmpty ? 0 : label[i]);
            }
            start[1] = n;
        }
        else
        {
            for (int i = 0; i < n; i++) start[bucket[i] + 1]++;
            for (int b = 0; b < bucketCount; b++) start[b + 1] += start[b];
            var next = new int[bucketCount];
            Array.Copy(start, next, bucketCount);
            for (int i = 0; i < n; i++)
            {
                int at = next[bucket[i]]++;
                sortedTime[at] = time[i] + 0.0;
                code[at] = Encode(isEvent[i], label.IsEmpty ? 0 : label[i]);
            }
        }

        int longest = 0;
        for (int b = 0; b < bucketCount; b++) longest = Math.Max(longest, start[b + 1] - start[b]);
        ulong[]? keyBuffer = longest >= RadixThreshold ? new ulong[longest] : null;
        int[]? codeBuffer = longest >= RadixThreshold ? new int[longest] : null;
        for (int b = 0; b < bucketCount; b++)
        {
            int length = start[b + 1] - start[b];
            if (length >= RadixThreshold)
            {
                // Non-negative doubles order as their IEEE-754 bit patterns do (+0 normalized above).
                var keys = MemoryMarshal.Cast<double, ulong>(sortedTime.AsSpan(start[b], length));
                RadixSort(keys, code.AsSpan(start[b], length), keyBuffer!.AsSpan(0, length), codeBuffer!.AsSpan(0, length));
            }
            else if (length > 1)
            {
                Array.Sort(sortedTime, code, start[b], length);
            }
        }
        return new SortedSample(sortedTime, code, start);
    }

    /// <summary>Below this many rows a comparison sort beats the radix sort's fixed histogram cost.</summary>
    private const int RadixThreshold = 4096;

    private const int DigitBits = 11;
    private const int Radix = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;

    /// <summary>
    /// Least-significant-digit radix sort of 64-bit keys carrying an int payload: all digit histograms in one pass,
    /// then one scatter per 11-bit digit, skipping digits every key shares (e.g. the sign/exponent bits of times
    /// on one scale, or the low mantissa bits of integer times). O(n) with ≤ 6 scatters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSort(Span<ulong> keys, Span<int> codes, Span<ulong> keyBuffer, Span<int> codeBuffer)
    {
        int n = keys.Length;
        var counts = new int[Passes * Radix];
        for (int i = 0; i < n; i++)
        {
            ulong k = keys[i];
            for (int p = 0; p < Passes; p++) counts[p * Radix + (int)((k >> (p * DigitBits)) & (Radix - 1))]++;
        }

        Span<ulong> fromKeys = keys, toKeys = keyBuffer;
        Span<int> fromCodes = codes, toCodes = codeBuffer;
        for (int p = 0; p < Passes; p++)
        {
            var count = counts.AsSpan(p * Radix, Radix);
            int shift = p * DigitBits;
            if (count[(int)((fromKeys[0] >> shift) & (Radix - 1))] == n) continue; // every key has this digit

            int offset = 0;
            for (int d = 0; d < Radix; d++)
            {
                int c = count[d];
                count[d] = offset;
                offset += c;
            }
            for (int i = 0; i < n; i++)
            {
                ulong k = fromKeys[i];
                int at = count[(int)((k >> shift) & (Radix - 1))]++;
                toKeys[at] = k;
                toCodes[at] = fromCodes[i];
            }
            var swapKeys = fromKeys; fromKeys = toKeys; toKeys = swapKeys;
            var swapCodes = fromCodes; fromCodes = toCodes; toCodes = swapCodes;
        }
        if (fromKeys != keys)
        {
            fromKeys.CopyTo(keys);
            fromCodes.CopyTo(codes);
        }
    }

    public static bool IsEvent(int code) => (code & 1) != 0;

    public static int Label(int code) => code >> 1;

    private static int Encode(bool isEvent, int label) => (label << 1) | (isEvent ? 1 : 0);
}
