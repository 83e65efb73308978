using System.Buffers.Binary;
using Evident.Data.Xpt;

namespace Evident.Data.Tests.Xpt;

public class IbmFloatTests
{
    // Hand-computed: x = 0.F × 16^(e − 64). 1 = 0.1 × 16^1; −118.625 = −0x76.A = −0.76A × 16^2; 0.1 = 0x0.1999…9A;
    // 100 = 0x64 = 0.64 × 16^2; 0.5 = 0.8 × 16^0; 21703 = 0x54C7 = 0.54C7 × 16^4; 1/3 = 0x0.5555…54 (53 bits, shift 2);
    // 2^−260 = 0.1 × 16^−64 (the smallest); 2.5 = 0.28 × 16^1; −1 sets the sign bit.
    [Theory]
    [InlineData(1.0, "4110000000000000")]
    [InlineData(-118.625, "C276A00000000000")]
    [InlineData(0.1, "401999999999999A")]
    [InlineData(100.0, "4264000000000000")]
    [InlineData(0.5, "4080000000000000")]
    [InlineData(21703.0, "4454C70000000000")]
    [InlineData(1.0 / 3.0, "4055555555555554")]
    [InlineData(2.5, "4128000000000000")]
    [InlineData(-1.0, "C110000000000000")]
    [InlineData(0.0, "0000000000000000")]
    public void EncodesAndDecodesHandComputedPatterns(double value, string hex)
    {
        ulong bits = Convert.ToUInt64(hex, 16);
        Assert.Equal(hex, IbmFloat.Encode(value).ToString("X16"));
        Assert.Equal(value, IbmFloat.Decode(bits));
        var bytes = new byte[8];
        IbmFloat.Encode(value, bytes);
        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.Equal(value, IbmFloat.Decode(bytes));
    }

    [Fact]
    public void RangeEndsAreExactAndBeyondThemIsRejectedOrFlushed()
    {
        Assert.Equal(Math.ScaleB(1.0, -260), IbmFloat.MinValue);
        Assert.Equal("0010000000000000", IbmFloat.Encode(IbmFloat.MinValue).ToString("X16"));
        Assert.Equal(IbmFloat.MinValue, IbmFloat.Decode(0x0010000000000000UL));
        // Largest double below 2^252: (2^53 − 1)·2^199 = 0.FFFFFFFFFFFFF8 × 16^63.
        Assert.Equal("7FFFFFFFFFFFFFF8", IbmFloat.Encode(IbmFloat.MaxValue).ToString("X16"));
        Assert.Equal(IbmFloat.MaxValue, IbmFloat.Decode(0x7FFFFFFFFFFFFFF8UL));
        // The largest IBM value (1 − 2^−56)·16^63 rounds to 2^252, which is beyond what can be written back.
        Assert.Equal(Math.ScaleB(1.0, 252), IbmFloat.Decode(0x7FFFFFFFFFFFFFFFUL));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.Encode(Math.ScaleB(1.0, 252)));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.Encode(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.Encode(double.NegativeInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.Encode(-1e76));
        Assert.False(IbmFloat.TryEncode(double.PositiveInfinity, out _));
        // Underflow to 0, like SAS; the sign of zero is not kept.
        Assert.Equal(0UL, IbmFloat.Encode(IbmFloat.MinValue / 2));
        Assert.Equal(0UL, IbmFloat.Encode(double.Epsilon));
        Assert.Equal(0UL, IbmFloat.Encode(-0.0));
        Assert.Equal(0UL, IbmFloat.Encode(-1e-300));
    }

    [Fact]
    public void MissingValuesAreNaNAndNaNIsDot()
    {
        Assert.Equal("2E00000000000000", IbmFloat.Encode(double.NaN).ToString("X16"));
        Assert.Equal(IbmFloat.Missing, IbmFloat.MissingValue('.'));
        Assert.Equal(0x4100000000000000UL, IbmFloat.MissingValue('A'));
        Assert.Equal(0x5A00000000000000UL, IbmFloat.MissingValue('Z'));
        Assert.Equal(0x5F00000000000000UL, IbmFloat.MissingValue('_'));
        foreach (char code in ".ABCDEFGHIJKLMNOPQRSTUVWXYZ_")
            Assert.True(double.IsNaN(IbmFloat.Decode(IbmFloat.MissingValue(code))), $"missing .{code}");
        Assert.True(double.IsNaN(IbmFloat.Decode([0x2E, 0x00, 0x00])));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.MissingValue('a'));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.MissingValue('0'));
        // A missing-value first byte with a non-zero fraction is a number: 0x41 10… is 1.0.
        Assert.Equal(1.0, IbmFloat.Decode(0x4110000000000000UL));
        // Zero fraction with any other exponent byte is zero.
        Assert.Equal(0.0, IbmFloat.Decode(0x4000000000000000UL));
        Assert.Equal(0.0, IbmFloat.Decode(0x8000000000000000UL));
    }

    [Fact]
    public void FractionsWithMoreThan53BitsRoundToNearestEven()
    {
        // F · 2^−52 at exponent byte 0x41; F = 2^55 + k has 56 significant bits, the double keeps 53 (spacing 8).
        Assert.Equal(8.0, IbmFloat.Decode(0x4180000000000001UL));                       // below half: down
        Assert.Equal(8.0, IbmFloat.Decode(0x4180000000000004UL));                       // tie: to even (2^52)
        Assert.Equal(8.0 + Math.ScaleB(1.0, -48), IbmFloat.Decode(0x418000000000000CUL)); // tie: to even (2^52 + 2)
        Assert.Equal(8.0 + Math.ScaleB(1.0, -49), IbmFloat.Decode(0x4180000000000005UL)); // above half: up
        Assert.Equal(-8.0, IbmFloat.Decode(0xC180000000000001UL));
    }

    [Fact]
    public void TruncatedValuesKeepTheLeadingBytes()
    {
        Assert.Equal(-118.625, IbmFloat.Decode([0xC2, 0x76, 0xA0]));
        Assert.Equal(0x1999 / 65536.0, IbmFloat.Decode([0x40, 0x19, 0x99]));
        Assert.Equal(0x199999 / 16777216.0, IbmFloat.Decode([0x40, 0x19, 0x99, 0x99]));
        var four = new byte[4];
        IbmFloat.Encode(0.1, four);
        Assert.Equal("40199999", Convert.ToHexString(four));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.Decode(ReadOnlySpan<byte>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => IbmFloat.Encode(1.0, new byte[9]));
    }

    [Fact]
    public void EveryNormalDoubleInRangeRoundTripsBitForBit()
    {
        var random = new Random(20240601);
        Span<byte> raw = stackalloc byte[8];
        for (int i = 0; i < 200_000; i++)
        {
            random.NextBytes(raw);
            double x = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(raw));
            if (!double.IsFinite(x) || Math.Abs(x) < IbmFloat.MinValue || Math.Abs(x) > IbmFloat.MaxValue)
            {
                // Reinterpret as a value inside the IBM range: keep the mantissa and sign, draw the exponent.
                long bits = BinaryPrimitives.ReadInt64LittleEndian(raw);
                long exponent = random.Next(1023 - 259, 1023 + 252);
                x = BitConverter.Int64BitsToDouble((bits & unchecked((long)0x800F_FFFF_FFFF_FFFFUL)) | (exponent << 52));
            }
            ulong ibm = IbmFloat.Encode(x);
            Assert.True(BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(IbmFloat.Decode(ibm)), $"{x:R} -> {ibm:X16}");
            // Normalised: the leading hexadecimal digit of the fraction is non-zero.
            Assert.NotEqual(0UL, ibm & 0x00F0_0000_0000_0000UL);
        }
        foreach (double x in new[] { 1e-70, 2.5e-30, 1e60, 7e75, -7.2e75, 123456789.0, 4503599627370497.0, double.MaxValue / Math.ScaleB(1.0, 772) })
            Assert.Equal(x, IbmFloat.Decode(IbmFloat.Encode(x)));
    }
}
