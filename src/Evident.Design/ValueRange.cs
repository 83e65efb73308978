using System.Globalization;

namespace Evident.Design;

/// <summary>
/// The values an input may take: an interval with each end open or closed (an infinite end is always open). NaN lies in
/// no range. Evident.Design checks its inputs against the ranges of <see cref="DesignLimits"/>, and readers of the same
/// inputs (the protocol and scenario files) check against the same values, so that every limit is stated once.
/// </summary>
/// <param name="Lower">Lower end; <see cref="double.NegativeInfinity"/> for none.</param>
/// <param name="Upper">Upper end; <see cref="double.PositiveInfinity"/> for none.</param>
/// <param name="LowerIncluded">Whether <paramref name="Lower"/> itself is allowed.</param>
/// <param name="UpperIncluded">Whether <paramref name="Upper"/> itself is allowed.</param>
public sealed record ValueRange(double Lower, double Upper, bool LowerIncluded, bool UpperIncluded)
{
    /// <summary>(lower, upper).</summary>
    /// <param name="lower">Lower end, excluded.</param>
    /// <param name="upper">Upper end, excluded.</param>
    public static ValueRange Open(double lower, double upper) => new(lower, upper, false, false);

    /// <summary>[lower, upper].</summary>
    /// <param name="lower">Lower end, included.</param>
    /// <param name="upper">Upper end, included.</param>
    public static ValueRange Closed(double lower, double upper) => new(lower, upper, true, true);

    /// <summary>(lower, upper].</summary>
    /// <param name="lower">Lower end, excluded.</param>
    /// <param name="upper">Upper end, included.</param>
    public static ValueRange AboveUpTo(double lower, double upper) => new(lower, upper, false, true);

    /// <summary>[lower, upper).</summary>
    /// <param name="lower">Lower end, included.</param>
    /// <param name="upper">Upper end, excluded.</param>
    public static ValueRange FromBelow(double lower, double upper) => new(lower, upper, true, false);

    /// <summary>[lower, ∞): finite values ≥ <paramref name="lower"/>.</summary>
    /// <param name="lower">Lower end, included.</param>
    public static ValueRange AtLeast(double lower) => new(lower, double.PositiveInfinity, true, false);

    /// <summary>(lower, ∞): finite values &gt; <paramref name="lower"/>.</summary>
    /// <param name="lower">Lower end, excluded.</param>
    public static ValueRange Above(double lower) => new(lower, double.PositiveInfinity, false, false);

    /// <summary>Whether <paramref name="value"/> lies in the range (false for NaN).</summary>
    /// <param name="value">The value to test.</param>
    public bool Contains(double value) =>
        (LowerIncluded ? value >= Lower : value > Lower) && (UpperIncluded ? value <= Upper : value < Upper);

    /// <summary>Interval notation, e.g. <c>(0, 0.5)</c>, <c>[0, 1)</c>, <c>(0, ∞)</c>; numbers in invariant culture.</summary>
    public override string ToString() =>
        $"{(LowerIncluded ? '[' : '(')}{Text(Lower)}, {Text(Upper)}{(UpperIncluded ? ']' : ')')}";

    private static string Text(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString("R", CultureInfo.InvariantCulture);
}
