using System.Buffers.Binary;

namespace Evident.Data.Xpt;

/// <summary>
/// IBM System/360 hexadecimal floating point, the number format of SAS XPORT transport files (SAS TS-140).
/// An 8-byte big-endian value is <c>(−1)^s · 0.F · 16^(e − 64)</c>: bit 63 is the sign <c>s</c>, bits 62–56 the
/// excess-64 base-16 exponent <c>e</c>, bits 55–0 the fraction <c>F</c> (56 bits, normalised so that its leading
/// hexadecimal digit is non-zero). Examples: 1.0 = <c>41 10 00 00 00 00 00 00</c>,
/// −118.625 = <c>C2 76 A0 00 00 00 00 00</c>, 0.1 = <c>40 19 99 99 99 99 99 9A</c>.
/// SAS missing values are a first byte of <c>0x2E</c> (<c>.</c>), <c>0x41</c>–<c>0x5A</c> (<c>.A</c>–<c>.Z</c>) or
/// <c>0x5F</c> (<c>._</c>) followed by zero bytes. SAS may store a numeric in 2–8 bytes: the leading bytes of the
/// 8-byte value, the rest truncated (not rounded).
/// </summary>
/// <remarks>
/// <para>Precision. Encoding a double is exact for every normal double with 2^−260 ≤ |x| &lt; 2^252: the 53-bit
/// IEEE significand shifted by 0–3 bits fits the 56-bit fraction. Decoding is exact when the fraction has at most
/// 53 significant bits (always so for values this class or SAS on IEEE hosts wrote from doubles); a fraction with
/// 54–56 significant bits (base-16 normalisation leaves 53 to 56) is rounded to the nearest double, ties to even,
/// a relative error ≤ 2^−54. Truncation to <c>n</c> &lt; 8 bytes keeps 8(n − 1) fraction bits, i.e. 8(n − 1) − 3
/// significant bits at worst (length 4: about 6 decimal digits; length 3: about 4).</para>
/// <para>Range. IBM covers 16^−65 ≈ 5.4 × 10^−79 to 16^63 ≈ 7.2 × 10^75. Smaller magnitudes are written as 0 (as SAS
/// does); larger ones and ±∞ cannot be written. The sign of zero is not kept.</para>
/// <para>Equivalent to the conversions in SAS's <c>XPORT</c> engine and to R <c>foreign::read.xport</c> /
/// <c>haven::write_xpt</c>.</para>
/// </remarks>
public static class IbmFloat
{
    private const ulong FractionMask = 0x00FF_FFFF_FFFF_FFFFUL;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>The largest magnitude that can be encoded: the largest double below 16^63 = 2^252.</summary>
    public static readonly double MaxValue = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(Math.ScaleB(1.0, 252)) - 1);

    /// <summary>The smallest non-zero magnitude that can be encoded, 16^−65 = 2^−260; smaller values encode as 0.</summary>
    public static readonly double MinValue = Math.ScaleB(1.0, -260);

    /// <summary>The SAS missing value <c>.</c> (<c>2E 00 00 00 00 00 00 00</c>) as a big-endian 8-byte pattern.</summary>
    public const ulong Missing = 0x2EUL << 56;

    /// <summary>
    /// Encodes a double as an 8-byte IBM value, returned as a big-endian bit pattern (the first file byte is the
    /// high byte). NaN encodes as the SAS missing value <c>.</c>; |x| &lt; 2^−260 (and ±0) as 0.
    /// </summary>
    /// <param name="value">A finite value with |value| ≤ <see cref="MaxValue"/>, or NaN.</param>
    /// <returns>The IBM bit pattern.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is ±∞ or larger in magnitude than <see cref="MaxValue"/>.</exception>
    public static ulong Encode(double value)
    {
        if (!TryEncode(value, out ulong bits))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"IBM floating point holds magnitudes below 2^252 (about 7.2e75); {value:R} cannot be encoded.");
        return bits;
    }

    /// <summary>Encodes like <see cref="Encode(double)"/>, returning false (and 0) for ±∞ and magnitudes above <see cref="MaxValue"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="bits">The IBM bit pattern, when the value can be encoded.</param>
    /// <returns>True when the value can be encoded.</returns>
    public static bool TryEncode(double value, out ulong bits)
    {
        if (double.IsNaN(value)) { bits = Missing; return true; }
        long ieee = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((ieee >> 52) & 0x7FF);
        if (biased == 0x7FF) { bits = 0; return false; }
        if (biased == 0) { bits = 0; return true; }   // ±0 and subnormals (< 2^-1022) underflow to 0
        // |x| = m · 2^(E − 52), m ∈ [2^52, 2^53). With e2 = E + 1 and h = ⌈e2 / 4⌉, |x| = F · 16^h · 2^−56 where
        // F = m · 2^(e2 + 3 − 4h) and the shift e2 + 3 − 4h ∈ {0, 1, 2, 3}: F < 2^56 with a non-zero leading hex digit.
        int e2 = biased - 1023 + 1;
        int h = (e2 + 3) >> 2;
        if (h > 63) { bits = 0; return false; }
        if (h < -64) { bits = 0; return true; }
        ulong m = ((ulong)ieee & 0x000F_FFFF_FFFF_FFFFUL) | (1UL << 52);
        ulong fraction = m << (e2 + 3 - 4 * h);
        bits = fraction | ((ulong)(h + 64) << 56) | ((ulong)ieee & SignBit);
        return true;
    }

    /// <summary>Writes <see cref="Encode(double)"/>'s big-endian bytes, truncated to <paramref name="destination"/>'s length (SAS stores short numerics as the leading bytes).</summary>
    /// <param name="value">The value (see <see cref="Encode(double)"/>).</param>
    /// <param name="destination">1–8 bytes.</param>
    public static void Encode(double value, Span<byte> destination)
    {
        if (destination.Length is < 1 or > 8)
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, "an IBM value has 1 to 8 bytes.");
        Span<byte> full = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(full, Encode(value));
        full[..destination.Length].CopyTo(destination);
    }

    /// <summary>Decodes an 8-byte IBM bit pattern (big-endian: the first file byte is the high byte); any SAS missing value gives NaN.</summary>
    /// <param name="bits">The bit pattern.</param>
    /// <returns>The nearest double (exact when the fraction has ≤ 53 significant bits), or NaN for a missing value.</returns>
    public static double Decode(ulong bits)
    {
        ulong fraction = bits & FractionMask;
        if (fraction == 0) return IsMissingByte((byte)(bits >> 56)) ? double.NaN : 0.0;
        int exponent = (int)((bits >> 56) & 0x7F) - 64;
        // fraction < 2^56 converts to double with a single round-to-nearest-even; the power-of-two scaling is exact
        // because every IBM magnitude lies well inside the double's normal range.
        double magnitude = Math.ScaleB((long)fraction, 4 * exponent - 56);
        return (bits & SignBit) != 0 ? -magnitude : magnitude;
    }

    /// <summary>Decodes 1–8 big-endian bytes, the missing bytes of a truncated value taken as zero.</summary>
    /// <param name="bytes">The stored bytes (SAS variable length 2–8).</param>
    /// <returns>The value, or NaN for a missing value.</returns>
    public static double Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is < 1 or > 8)
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes.Length, "an IBM value has 1 to 8 bytes.");
        return Decode(ReadPadded(bytes));
    }

    /// <summary>The bit pattern of a SAS missing value: <c>'.'</c> (ordinary), <c>'A'</c>–<c>'Z'</c> (<c>.A</c>–<c>.Z</c>) or <c>'_'</c> (<c>._</c>).</summary>
    /// <param name="code">'.', 'A'–'Z' or '_'.</param>
    /// <returns>The code byte followed by seven zero bytes.</returns>
    public static ulong MissingValue(char code)
    {
        if (!IsMissingByte(code > 0xFF ? (byte)0 : (byte)code))
            throw new ArgumentOutOfRangeException(nameof(code), code, "a SAS missing value is '.', 'A'–'Z' or '_'.");
        return (ulong)code << 56;
    }

    /// <summary>True for the first byte of a SAS missing value: '.', 'A'–'Z', '_'.</summary>
    internal static bool IsMissingByte(byte first) => first == 0x2E || first == 0x5F || (first >= 0x41 && first <= 0x5A);

    /// <summary>Reads 1–8 big-endian bytes into the high end of a 64-bit pattern.</summary>
    internal static ulong ReadPadded(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 8) return BinaryPrimitives.ReadUInt64BigEndian(bytes);
        ulong bits = 0;
        for (int i = 0; i < bytes.Length; i++) bits |= (ulong)bytes[i] << (56 - 8 * i);
        return bits;
    }
}
