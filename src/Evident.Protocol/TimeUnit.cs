namespace Evident.Protocol;

/// <summary>
/// The unit in which analysis times, milestones and design durations are expressed (YAML <c>time_unit</c>).
/// Dates are converted with <see cref="TimeUnitExtensions.Days"/>: a month is 365.25/12 days, a year 365.25 days.
/// </summary>
public enum TimeUnit
{
    /// <summary>Days (YAML <c>days</c>).</summary>
    Days,

    /// <summary>Weeks of 7 days (YAML <c>weeks</c>).</summary>
    Weeks,

    /// <summary>Months of 365.25/12 = 30.4375 days (YAML <c>months</c>, the default).</summary>
    Months,

    /// <summary>Years of 365.25 days (YAML <c>years</c>).</summary>
    Years,
}
