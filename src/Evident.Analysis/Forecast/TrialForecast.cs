using Evident.Analysis.Input;
using Evident.Design.Forecast;
using Evident.Protocol;

namespace Evident.Analysis.Forecast;

/// <summary>
/// When will each planned look's events be reached? The trial's blinded data (arms pooled) at the cut-off, mapped to
/// times in the protocol's unit from the first randomization, go to <see cref="EventForecast.Predict"/> with the looks'
/// targets ⌈t<sub>k</sub>·design.planned_events⌉ (as monitoring counts them), design.participants as the accrual goal,
/// the planned rate design.participants / design.accrual_duration for <see cref="ForecastAccrual.Plan"/>, and the design's
/// dropout assumption; the predicted times become calendar dates (rounded up to the day).
/// </summary>
public static class TrialForecast
{
    /// <summary>Forecasts the looks' dates.</summary>
    /// <param name="protocol">The protocol: its design gives the looks, planned events and participants.</param>
    /// <param name="data">The trial's data in either layout.</param>
    /// <param name="settings">Cut-off, models, level, replicates, seed.</param>
    /// <exception cref="ArgumentException">The protocol has no design or no planned events, or a setting is out of range.</exception>
    public static TrialForecastResult Run(TrialProtocol protocol, TrialData data, ForecastSettings settings)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        if (protocol.Design is not { PlannedEvents: int planned } design)
            throw new ArgumentException($"{protocol.SourceName}: the design gives no planned_events, so the looks' event counts are unknown.");
        var endpoint = protocol.Analyses.Monitoring is { } monitoring ? protocol.Endpoint(monitoring.Endpoint) : protocol.PrimaryEndpoint;
        int e = protocol.Endpoints.ToList().IndexOf(endpoint);
        DateOnly cutoff = settings.Cutoff ?? LatestDate(data, e);
        var rows = data.Participants.Where(p => p.Randomized <= cutoff).ToArray();
        if (rows.Length == 0) throw new ArgumentException($"nobody is randomized on or before {cutoff:yyyy-MM-dd}; there is nothing to forecast from.");
        double unit = protocol.TimeUnit.Days();
        DateOnly first = rows.Min(p => p.Randomized);
        double Time(DateOnly date) => (date.DayNumber - first.DayNumber) / unit;
        var entry = rows.Select(p => Time(p.Randomized)).ToArray();
        var followUp = rows.Select(p => p.Outcomes[e]).Select(o => Math.Max(0, (Min(o.End, cutoff).DayNumber - o.Start.DayNumber) / unit)).ToArray();
        var isEvent = rows.Select(p => p.Outcomes[e]).Select(o => o.IsEvent && o.End <= cutoff).ToArray();

        var fractions = design.Boundaries.Information ?? [.. Enumerable.Range(1, design.Boundaries.Looks).Select(k => k / (double)design.Boundaries.Looks)];
        var options = new EventForecastOptions
        {
            TargetEvents = [.. fractions.Select(t => Math.Max(1, (int)Math.Ceiling(t * planned - 1e-9)))],
            PlannedParticipants = design.Participants,
            Accrual = settings.Accrual,
            PlannedAccrualRate = design is { Participants: int n, AccrualDuration: double d } ? n / d : null,
            HazardStarts = settings.HazardStarts,
            DropoutHazard = design.DropoutRate > 0 ? -Math.Log(1 - design.DropoutRate) / design.DropoutTime : 0,
            Level = settings.Level,
            Replicates = settings.Replicates,
            Seed = settings.Seed,
        };
        var model = EventForecast.Predict(entry, followUp, isEvent, Time(cutoff), options);
        DateOnly? Date(double t) => double.IsFinite(t) ? cutoff.AddDays((int)Math.Ceiling(t * unit - 1e-9)) : null;
        var looks = model.Looks.Select(l => new LookDateForecast(l.Look, l.TargetEvents, l.Reached, Date(l.Median), Date(l.Lower), Date(l.Upper),
            settings.Level, l.ProbabilityReached)).ToArray();
        return new TrialForecastResult(endpoint.Id, cutoff, protocol.TimeUnit, planned, design.Participants, settings.Accrual, model, looks.AsReadOnly());
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly LatestDate(TrialData data, int endpoint)
    {
        if (data.Participants.Count == 0) throw new ArgumentException("the data hold no participants; there is nothing to forecast from.");
        return data.Participants.Max(p => p.Outcomes[endpoint].End > p.Randomized ? p.Outcomes[endpoint].End : p.Randomized);
    }
}
