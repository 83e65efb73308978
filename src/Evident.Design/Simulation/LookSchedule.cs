namespace Evident.Design.Simulation;

/// <summary>When the analyses of a simulated trial take place.</summary>
public enum LookTiming
{
    /// <summary>At the calendar time of the k-th primary event (event-driven looks, rpact <c>plannedEvents</c>).</summary>
    Events,

    /// <summary>At fixed calendar times since the start of accrual.</summary>
    CalendarTime,
}

/// <summary>The analysis schedule: cumulative event counts, or calendar times, one per look. Immutable.</summary>
/// <param name="Timing">Whether <paramref name="Values"/> are event counts or calendar times.</param>
/// <param name="Values">Strictly increasing; event counts are positive integers, times positive and finite.</param>
public sealed record LookSchedule(LookTiming Timing, IReadOnlyList<double> Values)
{
    /// <summary>Looks at the given cumulative numbers of primary events.</summary>
    public static LookSchedule AtEvents(params int[] events) => new(LookTiming.Events, Array.AsReadOnly(events.Select(e => (double)e).ToArray()));

    /// <summary>Looks at the given calendar times.</summary>
    public static LookSchedule AtTimes(params double[] times) => new(LookTiming.CalendarTime, Array.AsReadOnly((double[])times.Clone()));
}
