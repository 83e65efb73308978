namespace Evident.Protocol;

/// <summary>Conversions for <see cref="TimeUnit"/>.</summary>
public static class TimeUnitExtensions
{
    /// <summary>Length of one unit in days: 1, 7, 365.25/12 or 365.25.</summary>
    /// <param name="unit">The unit.</param>
    public static double Days(this TimeUnit unit) => unit switch
    {
        TimeUnit.Days => 1,
        TimeUnit.Weeks => 7,
        TimeUnit.Months => 365.25 / 12,
        TimeUnit.Years => 365.25,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit."),
    };

    /// <summary>The YAML spelling: <c>days</c>, <c>weeks</c>, <c>months</c>, <c>years</c>.</summary>
    /// <param name="unit">The unit.</param>
    public static string ToYamlName(this TimeUnit unit) => unit.ToString().ToLowerInvariant();
}
