using Evident.Design.Internal;

namespace Evident.Design.Forecast;

/// <summary>Argument checks of <see cref="EventForecast.Predict"/>; every range check rejects NaN.</summary>
internal static class ForecastChecks
{
    public static void Check(ReadOnlySpan<double> entry, ReadOnlySpan<double> followUp, ReadOnlySpan<bool> isEvent, double now, EventForecastOptions o)
    {
        if (followUp.Length != entry.Length || isEvent.Length != entry.Length)
            throw new DesignInputException("followUp", null, $"{entry.Length} entry times, {followUp.Length} follow-up times and {isEvent.Length} event flags; give one of each per participant.");
        if (entry.Length == 0) throw new DesignInputException("entry", null, "nobody is enrolled yet; there is nothing to forecast from.");
        if (!double.IsFinite(now)) throw new DesignInputException("now", EventForecast.Text(now), "must be a finite time.");
        for (int i = 0; i < entry.Length; i++)
        {
            if (!(entry[i] >= 0 && entry[i] <= now))
                throw new DesignInputException("entry", EventForecast.Text(entry[i]), $"participant {i + 1}: enrolment must lie in [0, now = {EventForecast.Text(now)}].");
            if (!(followUp[i] >= 0) || !double.IsFinite(followUp[i]))
                throw new DesignInputException("followUp", EventForecast.Text(followUp[i]), $"participant {i + 1}: follow-up must be a finite number ≥ 0.");
        }
        ArgumentNullException.ThrowIfNull(o.TargetEvents, "TargetEvents");
        if (o.TargetEvents.Count == 0) throw new DesignInputException("TargetEvents", null, "give at least one look's event count.");
        for (int l = 0; l < o.TargetEvents.Count; l++)
            if (o.TargetEvents[l] < 1 || (l > 0 && o.TargetEvents[l] <= o.TargetEvents[l - 1]))
                throw new DesignInputException("TargetEvents", o.TargetEvents[l].ToString(System.Globalization.CultureInfo.InvariantCulture), "event counts must be positive and increasing.");
        Checks.Within(o.Level, ValueRange.Open(0, 1), "Level", "must lie strictly between 0 and 1.");
        if (o.Replicates is < 100 or > 10_000_000) throw new DesignInputException("Replicates", o.Replicates.ToString(System.Globalization.CultureInfo.InvariantCulture), "must lie in [100, 10000000].");
        Checks.Within(o.DropoutHazard, DesignLimits.NonNegative, "DropoutHazard", "must be a finite number ≥ 0.");
        if (o.PlannedAccrualRate is double rate) Checks.Positive(rate, "PlannedAccrualRate");
        if (o.PlannedParticipants is < 0) throw new DesignInputException("PlannedParticipants", null, "must be ≥ 0.");
        var starts = o.HazardStarts;
        if (starts.Count == 0 || starts[0] != 0) throw new DesignInputException("HazardStarts", null, "the first piece must start at 0.");
        for (int j = 1; j < starts.Count; j++)
            if (!(starts[j] > starts[j - 1]) || !double.IsFinite(starts[j]))
                throw new DesignInputException("HazardStarts", EventForecast.Text(starts[j]), $"piece start {j + 1} must be finite and greater than the one before.");
    }
}
