using System.Runtime.CompilerServices;

namespace Evident.Design.Simulation;

/// <summary>
/// The random stream of one replicate: xoshiro256** (Blackman &amp; Vigna 2018) whose state is filled by SplitMix64
/// (Steele, Lea &amp; Flood 2014) from a hash of (seed, replicate index). A replicate's numbers therefore depend only
/// on the seed and its index — not on the thread that runs it, the shard it falls in, or the replicates before it.
/// </summary>
internal struct ReplicateRandom
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    private ulong _s0, _s1, _s2, _s3;

    public ReplicateRandom(ulong seed, long replicate)
    {
        // Distinct (seed, replicate) pairs give distinct SplitMix64 starting points; the mixing makes them independent.
        ulong x = Mix(seed ^ 0x6A09E667F3BCC909UL) + (ulong)replicate * 0x9E3779B97F4A7C15UL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBits()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextUniform() => (NextBits() >> 11) * TwoPowMinus53;

    /// <summary>Standard exponential (ziggurat), finite and ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential() => ExponentialZiggurat.Next(ref this);

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
