using System.Globalization;
using Evident.Data;
using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>
/// The simple layout without calendar dates (<c>data.simple.follow_up_time</c>): follow-up as time since randomization
/// in the protocol's unit, and per event component a status (1 = the event happened, 0 = it did not) with an optional
/// time column (the event's time; without one, the follow-up time).
/// </summary>
/// <remarks>
/// Each endpoint ends at the earliest time among its components with status 1 (ties go to the component listed first
/// in the endpoint, as with dates); without any, follow-up is censored at the follow-up time. Errors name the file, row,
/// column and value: a missing, negative or non-numeric time, a status other than 0 or 1, an event after the follow-up time.
/// </remarks>
internal static class TimesLayout
{
    public static EndpointOutcome[] Outcomes(TrialProtocol protocol, DataTable table, int row, DataColumn followUp,
                                             (ComponentColumns Binding, DataColumn Status, DataColumn? Time)[] components,
                                             Dictionary<string, int> componentIndex)
    {
        double end = Time(table, followUp, row, "follow-up time");
        var componentTimes = new double?[protocol.Components.Count];
        foreach (var (binding, status, time) in components)
        {
            double s = Number(table, status, row, "event status");
            if (s is not (0 or 1)) throw DataErrors.Bad(table, row, status.Name, status.Format(row), "is not an event status; expected 1 (the event happened) or 0 (it did not)");
            if (s == 0) continue;
            double at = time is null ? end : Time(table, time, row, "event time");
            if (at > end)
                throw DataErrors.Bad(table, row, time!.Name, time.Format(row), $"is after the follow-up time {end.ToString(CultureInfo.InvariantCulture)}; an event ends follow-up");
            componentTimes[componentIndex[binding.Component]] = at;
        }
        var outcomes = new EndpointOutcome[protocol.Endpoints.Count];
        for (int e = 0; e < outcomes.Length; e++)
        {
            int first = -1;
            foreach (string componentId in protocol.Endpoints[e].Components)
            {
                int k = componentIndex[componentId];
                if (componentTimes[k] is { } t && (first < 0 || t < componentTimes[first]!.Value)) first = k;
            }
            outcomes[e] = new EndpointOutcome(DateOnly.MinValue, DateOnly.MinValue, first) { Time = first >= 0 ? componentTimes[first]!.Value : end };
        }
        return outcomes;
    }

    /// <summary>A time since randomization: a finite number ≥ 0.</summary>
    private static double Time(DataTable table, DataColumn column, int row, string what)
    {
        double t = Number(table, column, row, what);
        if (!(t >= 0) || double.IsInfinity(t))
            throw DataErrors.Bad(table, row, column.Name, column.Format(row), $"is not a {what}; expected a finite number ≥ 0 in the protocol's time unit");
        return t;
    }

    private static double Number(DataTable table, DataColumn column, int row, string what)
    {
        if (column.IsMissing(row)) throw DataErrors.Missing(table, row, column.Name, what);
        if (column.Kind != ColumnKind.Text) return column.Numbers[row];
        string text = column.Format(row)!.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value : throw DataErrors.Bad(table, row, column.Name, text, $"is not a number; expected the {what}");
    }
}
