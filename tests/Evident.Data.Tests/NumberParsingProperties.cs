using System.Globalization;
using System.Numerics;
using System.Text;
using Evident.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Evident.Data.Tests;

/// <summary>
/// Property tests of the CSV number parser: every decimal it accepts, by the exact fast path (Clinger, Eisel–Lemire)
/// or the fallback, is bit-identical to the runtime's <see cref="double.Parse(string, NumberStyles, IFormatProvider)"/>.
/// </summary>
public sealed class NumberParsingProperties
{
    /// <summary>A decimal written as a CSV might hold it: sign, integer digits, fraction, exponent.</summary>
    public sealed record DecimalText(string Text);

    /// <summary>Any short string over the characters of numbers, spaces and a few others.</summary>
    public sealed record NumberishText(string Text);

    public static class Texts
    {
        private static Gen<string> Digits(int min, int max)
            => Gen.Choose(min, max).SelectMany(n => Gen.Elements("0123456789".ToCharArray()).ArrayOf(n)).Select(c => new string(c));

        public static Arbitrary<DecimalText> Decimals()
        {
            var sign = Gen.Elements("", "", "-", "+");
            var integer = Gen.Frequency((4, Digits(1, 3)), (2, Digits(0, 20)), (1, Gen.Constant("0")), (1, Gen.Constant("")));
            var fraction = Gen.Frequency((2, Gen.Constant("")), (4, Digits(1, 6).Select(d => "." + d)), (4, Digits(0, 22).Select(d => "." + d)),
                                         (1, Digits(1, 5).Select(d => ".000" + d)));
            var exponent = Gen.Frequency((4, Gen.Constant("")),
                                         (2, Gen.Zip(Gen.Elements("e", "E", "e-", "e+", "E-"), Gen.Choose(0, 25), (e, k) => e + k.ToString(CultureInfo.InvariantCulture))),
                                         (1, Gen.Zip(Gen.Elements("e", "e-", "e+0"), Gen.Choose(0, 400), (e, k) => e + k.ToString(CultureInfo.InvariantCulture))));
            var text = from s in sign
                       from i in integer
                       from f in fraction
                       from e in exponent
                       select s + i + f + e;
            return text.Where(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                       .Select(t => new DecimalText(t)).ToArbitrary();
        }

        public static Arbitrary<NumberishText> Numberish()
            => Gen.Elements("0123456789.-+eE xa,".ToCharArray()).ArrayOf().Select(c => new NumberishText(new string(c))).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 5000)]
    public bool Every_decimal_parses_bit_identical_to_double_Parse(DecimalText value)
    {
        double expected = double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return Utf8Values.TryParseNumber(Encoding.ASCII.GetBytes(value.Text), out double actual) && SameBits(expected, actual);
    }

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 5000)]
    public bool The_fast_path_takes_a_decimal_only_to_give_double_Parse_s_bits(DecimalText value)
    {
        double expected = double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return !Utf8Values.TryFastPath(Encoding.ASCII.GetBytes(value.Text), out double actual) || SameBits(expected, actual);
    }

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 5000)]
    public bool The_fast_path_accepts_nothing_double_Parse_rejects_or_reads_otherwise(NumberishText value)
    {
        if (!Utf8Values.TryFastPath(Encoding.ASCII.GetBytes(value.Text), out double actual)) return true;
        return !value.Text.Contains(' ') && !value.Text.Contains(',')
               && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected) && SameBits(expected, actual);
    }

    [Theory]
    [InlineData("0.6813666243808066")]
    [InlineData("-1.2627688345702612")]
    [InlineData("0.026149235958687456")]
    [InlineData("9007199254740993")]
    [InlineData("123456789012345678")]
    [InlineData("0.000000000000000000000000123")]
    [InlineData("1e22")]
    [InlineData("1e23")]
    [InlineData("-0")]
    [InlineData("-0.0e5")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("+7")]
    public void Typical_and_edge_decimals_take_the_fast_path_and_match(string text)
    {
        Assert.True(Utf8Values.TryFastPath(Encoding.ASCII.GetBytes(text), out double actual), text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(actual));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,5")]
    [InlineData("12345678901234567890")]
    [InlineData("0x10")]
    [InlineData("Inf")]
    public void Other_text_goes_to_the_slow_path(string text)
        => Assert.False(Utf8Values.TryFastPath(Encoding.ASCII.GetBytes(text), out _), text);

    [Fact]
    public void The_stored_powers_of_five_are_fast_float_s_table()
    {
        // Recomputed with big integers: truncated 5^q for q ≥ 0; 2^b / 5^−q + 1 for q < 0, b as in fast_float.
        ReadOnlySpan<ulong> table = PowersOfFive.Table;
        Assert.Equal(2 * (PowersOfFive.Largest - PowersOfFive.Smallest + 1), table.Length);
        var two128 = BigInteger.One << 128;
        for (int q = PowersOfFive.Smallest; q <= PowersOfFive.Largest; q++)
        {
            BigInteger c;
            if (q < 0)
            {
                var power5 = BigInteger.Pow(5, -q);
                int z = (int)(power5 - 1).GetBitLength();
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = (BigInteger.One << b) / power5 + 1;
                while (c >= two128) c >>= 1;
            }
            else
            {
                c = BigInteger.Pow(5, q);
                long bits = (long)c.GetBitLength();
                c = bits < 128 ? c << (int)(128 - bits) : c >> (int)(bits - 128);
            }
            int index = 2 * (q - PowersOfFive.Smallest);
            Assert.True((ulong)(c >> 64) == table[index] && (ulong)(c & ulong.MaxValue) == table[index + 1], $"5^{q}");
        }
    }

    private static bool SameBits(double expected, double actual)
        => BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);
}
