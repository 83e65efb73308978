using System.Security.Cryptography;

namespace Evident.Randomization;

/// <summary>
/// A <see cref="Random"/> whose every draw comes from the operating system's cryptographically secure generator
/// (<see cref="RandomNumberGenerator"/>), so an allocation list or a minimization coin cannot be predicted from earlier
/// draws. Thread-safe. Tests pass a seeded <see cref="Random"/> instead wherever a generator is injected.
/// </summary>
public sealed class CryptographicRandom : Random
{
    /// <summary>The shared instance (the generator is stateless, so one suffices).</summary>
    public static CryptographicRandom Instance { get; } = new();

    /// <summary>A uniform whole number in [0, <see cref="int.MaxValue"/>).</summary>
    public override int Next() => RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <summary>A uniform whole number in [0, <paramref name="maxValue"/>), without modulo bias.</summary>
    /// <param name="maxValue">Exclusive upper bound, ≥ 0 (0 returns 0).</param>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : RandomNumberGenerator.GetInt32(maxValue);
    }

    /// <summary>A uniform whole number in [<paramref name="minValue"/>, <paramref name="maxValue"/>).</summary>
    /// <param name="minValue">Inclusive lower bound.</param>
    /// <param name="maxValue">Exclusive upper bound, ≥ <paramref name="minValue"/>.</param>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxValue, minValue);
        return maxValue - minValue <= 1 ? minValue : RandomNumberGenerator.GetInt32(minValue, maxValue);
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => Sample();

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    /// <param name="buffer">The bytes to fill.</param>
    public override void NextBytes(byte[] buffer) => RandomNumberGenerator.Fill(buffer);

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    /// <param name="buffer">The bytes to fill.</param>
    public override void NextBytes(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);

    /// <summary>A uniform number in [0, 1): 53 random bits scaled by 2⁻⁵³.</summary>
    protected override double Sample()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return (BitConverter.ToUInt64(bytes) >> 11) * (1.0 / (1UL << 53));
    }
}
