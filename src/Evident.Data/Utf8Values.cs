using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Evident.Data;

/// <summary>
/// Classifies and converts UTF-8 field bytes without allocating: <c>NA</c>/empty/<c>NaN</c> → missing, invariant-culture
/// numbers (<c>1e-3</c>, <c>-0.5</c>, <c>Inf</c>, <c>-Inf</c>), logicals (<c>TRUE</c>, <c>T</c>, <c>true</c>, <c>True</c>
/// and the FALSE forms). Numbers with at most 19 significant digits and a decimal exponent within ±22 whose
/// mantissa is below 2⁵³ are converted exactly by Clinger's fast path (Clinger 1990, "How to read floating point
/// numbers accurately"); other numbers with at most 19 significant digits by the Eisel–Lemire algorithm
/// (Lemire 2021, "Number parsing at a gigabyte per second"; Mushtak &amp; Lemire 2023, "Fast number parsing without
/// fallback"), which is correctly rounded; the rest (more digits, subnormals) go to the runtime's parser.
/// </summary>
internal static class Utf8Values
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Classifies a field (already unquoted) and returns its number (or 1/0 for a logical).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldClass Classify(ReadOnlySpan<byte> field, out double value)
    {
        field = TrimSpaces(field);
        if (field.IsEmpty || (field.Length == 2 && field[0] == (byte)'N' && field[1] == (byte)'A'))
        {
            value = double.NaN;
            return FieldClass.Missing;
        }
        if (TryParseNumber(field, out value)) return double.IsNaN(value) ? FieldClass.Missing : FieldClass.Number;
        if (TryParseLogical(field, out bool b))
        {
            value = b ? 1 : 0;
            return FieldClass.Logical;
        }
        value = double.NaN;
        return FieldClass.Other;
    }

    /// <summary>True when the (untrimmed) field is NA or empty, the missing-value markers of a text column.</summary>
    public static bool IsTextMissing(ReadOnlySpan<byte> field)
    {
        field = TrimSpaces(field);
        return field.IsEmpty || (field.Length == 2 && field[0] == (byte)'N' && field[1] == (byte)'A');
    }

    public static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> s)
    {
        int start = 0, end = s.Length;
        while (start < end && s[start] == (byte)' ') start++;
        while (end > start && s[end - 1] == (byte)' ') end--;
        return s[start..end];
    }

    public static bool TryParseLogical(ReadOnlySpan<byte> s, out bool value)
    {
        value = false;
        if (s.Length == 1)
        {
            if (s[0] == (byte)'T') { value = true; return true; }
            return s[0] == (byte)'F';
        }
        if (s.SequenceEqual("TRUE"u8) || s.SequenceEqual("true"u8) || s.SequenceEqual("True"u8)) { value = true; return true; }
        return s.SequenceEqual("FALSE"u8) || s.SequenceEqual("false"u8) || s.SequenceEqual("False"u8);
    }

    /// <summary>Parses an invariant-culture number; NaN, Inf, -Inf, Infinity are accepted.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> s, out double value)
    {
        if (TryFastPath(s, out value)) return true;
        byte first = s[0];
        // The runtime parser also accepts thousands separators and hex; R does not, so only let through
        // text that starts like a number and is not obviously something else.
        if (!(first is >= (byte)'0' and <= (byte)'9' || first is (byte)'-' or (byte)'+' or (byte)'.' or (byte)'I' or (byte)'N'))
            return false;
        ReadOnlySpan<byte> body = first is (byte)'-' or (byte)'+' ? s[1..] : s;
        if (body.SequenceEqual("Inf"u8) || body.SequenceEqual("inf"u8) || body.SequenceEqual("Infinity"u8))
        {
            value = first == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body.SequenceEqual("NaN"u8))
        {
            value = double.NaN;
            return true;
        }
        if (body.IsEmpty || !(body[0] is >= (byte)'0' and <= (byte)'9' || body[0] == (byte)'.')) return false;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Clinger's exact fast path (and Eisel–Lemire) for <c>[+-]digits[.digits][(e|E)[+-]digits]</c> with at most 19
    /// significant digits; false means "use the slow path", not "not a number". Leading zeros are skipped, then digits
    /// are read eight at a time with SWAR arithmetic (as in fast_float) while eight remain, one at a time after. The
    /// (mantissa, exponent) pair is the field's exact decimal value, so the result is the correctly rounded double,
    /// bit-identical to <see cref="double.Parse(string, IFormatProvider)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFastPath(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        int n = s.Length;
        if (n == 0) return false;
        ref byte p = ref MemoryMarshal.GetReference(s);
        int i = 0;
        bool negative = p == (byte)'-';
        if (negative || p == (byte)'+') i = 1;
        int start = i;
        while (i < n && Unsafe.Add(ref p, i) == (byte)'0') i++;
        ulong mantissa = 0;
        int significant = i;
        ReadDigits(ref p, n, ref i, ref mantissa);
        int digits = i - significant, exponent = 0;
        bool anyDigit = i > start;
        if (i < n && Unsafe.Add(ref p, i) == (byte)'.')
        {
            int fraction = ++i;
            if (mantissa == 0) while (i < n && Unsafe.Add(ref p, i) == (byte)'0') i++;
            significant = i;
            ReadDigits(ref p, n, ref i, ref mantissa);
            digits += i - significant;
            exponent = fraction - i;
            anyDigit |= i > fraction;
        }
        if (!anyDigit || digits > 19) return false;
        if (i < n && (Unsafe.Add(ref p, i) | 0x20) == (byte)'e')
        {
            i++;
            bool negExp = false;
            if (i < n && Unsafe.Add(ref p, i) is (byte)'-' or (byte)'+') { negExp = Unsafe.Add(ref p, i) == (byte)'-'; i++; }
            int expStart = i, e = 0;
            while (i < n && (uint)(Unsafe.Add(ref p, i) - '0') <= 9 && e < 10000) { e = e * 10 + (Unsafe.Add(ref p, i) - '0'); i++; }
            if (i == expStart) return false;
            exponent += negExp ? -e : e;
        }
        if (i != n) return false;
        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }
        if (mantissa <= (1UL << 53) && exponent >= -22 && exponent <= 22)
        {
            double m = mantissa;
            value = exponent < 0 ? m / PowersOfTen[-exponent] : m * PowersOfTen[exponent];
        }
        else if (!EiselLemire(mantissa, exponent, out value))
        {
            return false;
        }
        if (negative) value = -value;
        return true;
    }

    /// <summary>
    /// Accumulates decimal digits into <paramref name="mantissa"/>: eight at a time while eight remain, then one at a
    /// time. Past 19 digits the mantissa wraps; the caller counts the digits and rejects such fields.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadDigits(ref byte p, int n, ref int i, ref ulong mantissa)
    {
        while (i + 8 <= n)
        {
            ulong chunk = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i));
            if (!BitConverter.IsLittleEndian || !IsEightDigits(chunk)) break;
            mantissa = unchecked(mantissa * 100_000_000 + ParseEightDigits(chunk));
            i += 8;
        }
        while (i < n)
        {
            uint d = (uint)(Unsafe.Add(ref p, i) - '0');
            if (d > 9) break;
            mantissa = unchecked(mantissa * 10 + d);
            i++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEightDigits(ulong chunk)
        => (((chunk + 0x4646464646464646UL) | (chunk - 0x3030303030303030UL)) & 0x8080808080808080UL) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ParseEightDigits(ulong chunk)
    {
        const ulong mask = 0x000000FF000000FFUL;
        const ulong mul1 = 0x000F424000000064UL; // 100 + (1000000 << 32)
        const ulong mul2 = 0x0000271000000001UL; // 1 + (10000 << 32)
        chunk -= 0x3030303030303030UL;
        chunk = chunk * 10 + (chunk >> 8);
        chunk = (((chunk & mask) * mul1) + (((chunk >> 16) & mask) * mul2)) >> 32;
        return (uint)chunk;
    }

    /// <summary>w·10^q correctly rounded to a double, for w ≠ 0 exact; false for subnormal results (slow path).</summary>
    private static bool EiselLemire(ulong w, int q, out double value)
    {
        value = 0;
        if (q < PowersOfFive.Smallest) return true;
        if (q > PowersOfFive.Largest)
        {
            value = double.PositiveInfinity;
            return true;
        }
        int lz = BitOperations.LeadingZeroCount(w);
        w <<= lz;
        int index = 2 * (q - PowersOfFive.Smallest);
        ReadOnlySpan<ulong> powers = PowersOfFive.Table;
        ulong high = Math.BigMul(w, powers[index], out ulong low);
        const ulong precisionMask = ulong.MaxValue >> 55;
        if ((high & precisionMask) == precisionMask)
        {
            ulong secondHigh = Math.BigMul(w, powers[index + 1], out _);
            low += secondHigh;
            if (secondHigh > low) high++;
        }
        int upperBit = (int)(high >> 63);
        ulong mantissa = high >> (upperBit + 9);
        int power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - lz + 1023;
        if (power2 <= 0) return false;
        if (low <= 1 && q >= -4 && q <= 23 && (mantissa & 3) == 1 && (mantissa << (upperBit + 9)) == high)
            mantissa &= ~1UL;
        mantissa += mantissa & 1;
        mantissa >>= 1;
        if (mantissa >= (2UL << 52))
        {
            mantissa = 1UL << 52;
            power2++;
        }
        mantissa &= ~(1UL << 52);
        if (power2 >= 0x7FF)
        {
            value = double.PositiveInfinity;
            return true;
        }
        value = BitConverter.UInt64BitsToDouble(mantissa | ((ulong)power2 << 52));
        return true;
    }
}
