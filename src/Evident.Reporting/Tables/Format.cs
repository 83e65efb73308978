using System.Globalization;

namespace Evident.Reporting.Tables;

/// <summary>Number formatting for readable tables, close to R's print defaults. Culture-invariant.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A number to <paramref name="digits"/> significant digits; "NA" for NaN.</summary>
    public static string Number(double value, int digits = 4)
    {
        if (double.IsNaN(value)) return "NA";
        if (double.IsPositiveInfinity(value)) return "Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e15)
        {
            int decimals = Math.Max(0, digits - 1 - (int)Math.Floor(Math.Log10(magnitude)));
            return Math.Round(value, Math.Min(decimals, 15)).ToString("0." + new string('#', Math.Min(decimals, 15)), Invariant);
        }
        return value.ToString("0." + new string('#', Math.Max(0, digits - 1)) + "e+0", Invariant);
    }

    /// <summary>A count.</summary>
    public static string Count(int value) => value.ToString(Invariant);

    /// <summary>A p-value as R's <c>format.pval</c> shows it: two significant digits, "&lt; 2e-16" below machine precision.</summary>
    public static string PValue(double p)
    {
        if (double.IsNaN(p)) return "NA";
        if (p < 2.2e-16) return "< 2e-16";
        return Number(p, 2);
    }

    /// <summary>A group label such as <c>sex=1</c> or <c>arm=B, risk=high</c>; "all" for the whole data.</summary>
    public static string Group(IReadOnlyDictionary<string, string> group) =>
        group.Count == 0 ? "all" : string.Join(", ", group.Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>R's note on rows dropped for a missing value: "(3 observations deleted due to missingness)".</summary>
    public static string Deleted(int droppedRows) => $"({droppedRows} observation{(droppedRows == 1 ? "" : "s")} deleted due to missingness)";

    /// <summary>Escapes text for Spectre.Console markup.</summary>
    public static string Text(string value) => Spectre.Console.Markup.Escape(value);
}
