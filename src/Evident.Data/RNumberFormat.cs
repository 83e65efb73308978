using System.Globalization;
using System.Text;

namespace Evident.Data;

/// <summary>
/// Formats doubles the way R's <c>as.character</c> and factor labels show them: the shortest digits that
/// round-trip, without a trailing ".0" (<c>1</c>, <c>2.5</c>), in fixed notation unless scientific notation is
/// narrower (R's <c>scipen = 0</c> rule: <c>1e+05</c>, <c>1e-04</c>, but <c>0.001</c> and <c>123456</c>),
/// and <c>Inf</c>, <c>-Inf</c>, <c>NaN</c> as R spells them.
/// </summary>
internal static class RNumberFormat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        if (value == 0) return "0";

        // Shortest round-trip digits and the decimal exponent: value = ±d.ddd × 10^exponent.
        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        (string digits, int exponent) = Decompose(shortest);
        string sign = value < 0 ? "-" : "";

        string fixedText = FixedNotation(digits, exponent);
        string sciText = ScientificNotation(digits, exponent);
        return sign + (fixedText.Length <= sciText.Length ? fixedText : sciText);
    }

    private static (string Digits, int Exponent) Decompose(string text)
    {
        int ePos = text.IndexOfAny(['E', 'e']);
        string mantissa = ePos < 0 ? text : text[..ePos];
        int exp10 = ePos < 0 ? 0 : int.Parse(text.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        string all = intPart + fracPart;
        int leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0') leading++;
        // Position of the first significant digit relative to the decimal point.
        int exponent = intPart.Length - 1 - leading + exp10;
        string digits = all[leading..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        return (digits, exponent);
    }

    private static string FixedNotation(string digits, int exponent)
    {
        var sb = new StringBuilder();
        if (exponent < 0)
        {
            sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            return sb.ToString();
        }
        int integerDigits = exponent + 1;
        if (digits.Length <= integerDigits)
        {
            sb.Append(digits).Append('0', integerDigits - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, integerDigits).Append('.').Append(digits, integerDigits, digits.Length - integerDigits);
        }
        return sb.ToString();
    }

    private static string ScientificNotation(string digits, int exponent)
    {
        var sb = new StringBuilder();
        sb.Append(digits[0]);
        if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('e').Append(exponent < 0 ? '-' : '+');
        int abs = Math.Abs(exponent);
        if (abs < 10) sb.Append('0');
        sb.Append(abs.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
