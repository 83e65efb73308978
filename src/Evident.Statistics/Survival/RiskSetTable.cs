using System.Runtime.CompilerServices;
using Evident.Statistics.Internal;

namespace Evident.Statistics.Survival;

/// <summary>
/// The risk-set pass shared by the survival estimators: the distinct observed times in ascending order, with the
/// number at risk just before each time, the events at it and the censorings at it. Kaplan–Meier (and, later,
/// Aalen–Johansen cumulative incidence) are functions of this table alone.
/// </summary>
/// <remarks>
/// <para>
/// Row <c>i</c> describes the distinct time <c>Time[i]</c>: <c>AtRisk[i]</c> = number of observations with time ≥
/// <c>Time[i]</c> (R's <c>n.risk</c>), <c>Events[i]</c> = events at exactly <c>Time[i]</c> (<c>n.event</c>),
/// <c>Censored[i]</c> = censorings at exactly <c>Time[i]</c> (<c>n.censor</c>). Every distinct time appears, whether
/// it carries an event, a censoring or both; a censoring tied with an event is still at risk for that event, as in
/// R's survival package.
/// </para>
/// <para>Invariant: <c>AtRisk[i + 1] = AtRisk[i] − Events[i] − Censored[i]</c>, <c>AtRisk[0] = N</c>.</para>
/// </remarks>
public sealed class RiskSetTable
{
    private readonly double[] _time;
    private readonly int[] _atRisk;
    private readonly int[] _events;
    private readonly int[] _censored;

    private RiskSetTable(double[] time, int[] atRisk, int[] events, int[] censored, int n, int totalEvents)
    {
        _time = time;
        _atRisk = atRisk;
        _events = events;
        _censored = censored;
        N = n;
        TotalEvents = totalEvents;
        Time = Array.AsReadOnly(time);
        AtRisk = Array.AsReadOnly(atRisk);
        Events = Array.AsReadOnly(events);
        Censored = Array.AsReadOnly(censored);
    }

    /// <summary>Number of observations the table was built from (R: <c>n</c>, <c>records</c>).</summary>
    public int N { get; }

    /// <summary>Total number of events (R: <c>sum(n.event)</c>).</summary>
    public int TotalEvents { get; }

    /// <summary>Number of distinct times (rows of the table).</summary>
    public int Count => _time.Length;

    /// <summary>Distinct observed times, strictly ascending.</summary>
    public IReadOnlyList<double> Time { get; }

    /// <summary>Number at risk just before each time: observations with time ≥ <c>Time[i]</c>.</summary>
    public IReadOnlyList<int> AtRisk { get; }

    /// <summary>Events at each time.</summary>
    public IReadOnlyList<int> Events { get; }

    /// <summary>Censorings at each time.</summary>
    public IReadOnlyList<int> Censored { get; }

    internal ReadOnlySpan<double> TimeSpan => _time;
    internal ReadOnlySpan<int> AtRiskSpan => _atRisk;
    internal ReadOnlySpan<int> EventsSpan => _events;
    internal ReadOnlySpan<int> CensoredSpan => _censored;

    /// <summary>
    /// Builds the table from right-censored observations in any order: one O(n log n) sort, then one linear pass.
    /// </summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="isEvent"><c>true</c> = event at <paramref name="time"/>, <c>false</c> = censored there.</param>
    /// <exception cref="ArgumentException">Lengths differ, or no observations.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is NaN, infinite or negative.</exception>
    public static RiskSetTable Build(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent)
    {
        Preconditions.CheckNotEmpty(time.Length, nameof(time));
        Preconditions.CheckSameLength(time.Length, isEvent.Length, nameof(isEvent));
        Preconditions.CheckTimes(time, nameof(time));
        var sorted = SurvivalOrder.Sort(time, isEvent, default, default, 1);
        return FromSorted(sorted.TimesOf(0), sorted.CodesOf(0));
    }

    /// <summary>
    /// The linear pass. Precondition: <paramref name="time"/> ascending; <paramref name="code"/> bit 0 = event
    /// (see <see cref="SurvivalOrder"/>). Ties may be in any order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static RiskSetTable FromSorted(ReadOnlySpan<double> time, ReadOnlySpan<int> code)
        => FromSorted(time, code, ReadOnlySpan<double>.Empty);

    /// <summary>
    /// The linear pass with delayed entry: <paramref name="entry"/> holds the same rows' entry times, ascending
    /// (empty = all at risk from the start); the number at risk at t leaves out the rows with entry ≥ t.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static RiskSetTable FromSorted(ReadOnlySpan<double> time, ReadOnlySpan<int> code, ReadOnlySpan<double> entry)
    {
        int n = time.Length;
        int distinct = 0;
        for (int i = 0; i < n; i++)
        {
            Preconditions.DebugAssert(i == 0 || time[i - 1] <= time[i]);
            if (i == 0 || time[i] != time[i - 1]) distinct++;
        }

        var times = new double[distinct];
        var atRisk = new int[distinct];
        var events = new int[distinct];
        var censored = new int[distinct];
        int row = 0, totalEvents = 0, entered = 0;
        for (int i = 0; i < n;)
        {
            double t = time[i];
            int d = 0, j = i;
            for (; j < n && time[j] == t; j++) d += code[j] & 1;
            while (entered < entry.Length && entry[entered] < t) entered++;
            times[row] = t;
            atRisk[row] = n - i - (entry.Length - entered);
            events[row] = d;
            censored[row] = j - i - d;
            totalEvents += d;
            row++;
            i = j;
        }
        return new RiskSetTable(times, atRisk, events, censored, n, totalEvents);
    }
}
