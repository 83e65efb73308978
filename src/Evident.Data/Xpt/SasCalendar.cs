namespace Evident.Data.Xpt;

/// <summary>
/// SAS dates and datetimes: a SAS date is the number of days since 1960-01-01 (0 = 1960-01-01, −1 = 1959-12-31),
/// a SAS datetime the number of seconds since 1960-01-01T00:00:00. ADaM stores <c>ADT</c>, <c>STARTDT</c>,
/// <c>RANDDT</c>… as SAS dates with a <c>DATE9.</c> or <c>YYMMDD10.</c> format. R equivalent:
/// <c>as.Date(x, origin = "1960-01-01")</c>, <c>as.POSIXct(x, origin = "1960-01-01", tz = "UTC")</c>.
/// </summary>
public static class SasCalendar
{
    /// <summary>Day 0 of the SAS calendar.</summary>
    public static readonly DateOnly Epoch = new(1960, 1, 1);

    private static readonly int EpochDayNumber = Epoch.DayNumber;

    /// <summary>The calendar date of a SAS date value, or null when it is missing (NaN) or not a whole day number inside years 1–9999.</summary>
    /// <param name="days">Days since 1960-01-01.</param>
    /// <returns>The date, or null.</returns>
    public static DateOnly? ToDate(double days)
    {
        if (double.IsNaN(days) || days != Math.Floor(days)) return null;
        double dayNumber = EpochDayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber) return null;
        return DateOnly.FromDayNumber((int)dayNumber);
    }

    /// <summary>The SAS date value (days since 1960-01-01) of a calendar date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The day count, e.g. 21703 for 2019-06-03.</returns>
    public static double FromDate(DateOnly date) => date.DayNumber - EpochDayNumber;

    /// <summary>The date and time of a SAS datetime value, or null when it is missing (NaN) or outside years 1–9999.</summary>
    /// <param name="seconds">Seconds since 1960-01-01T00:00:00.</param>
    /// <returns>The date and time (kind Unspecified: SAS datetimes carry no time zone), or null.</returns>
    public static DateTime? ToDateTime(double seconds)
    {
        if (!double.IsFinite(seconds)) return null;
        var epoch = Epoch.ToDateTime(TimeOnly.MinValue);
        double ticks = epoch.Ticks + Math.Round(seconds * TimeSpan.TicksPerSecond);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return null;
        return new DateTime((long)ticks, DateTimeKind.Unspecified);
    }
}
