using Evident.Design.Internal;
using Evident.Design.Simulation;

namespace Evident.Design.Forecast;

/// <summary>The fitted blinded models of an <see cref="EventForecast"/> and one replicate's continuation of the trial.</summary>
internal sealed class ForecastModel
{
    private double now, elapsed, dropout, plannedRate;
    private int arrivalsAfterFirst;
    private bool observedAccrual;

    public double[] Starts { get; private init; } = [];
    public double[] Hazards { get; private init; } = [];
    public double[] Exposure { get; private init; } = [];
    public int[] PieceEvents { get; private init; } = [];
    /// <summary>Calendar times of the observed events, sorted.</summary>
    public double[] EventTimes { get; private init; } = [];
    /// <summary>Enrolment times of the participants still followed.</summary>
    public double[] Ongoing { get; private init; } = [];
    /// <summary>Participants still to be enrolled.</summary>
    public int Remaining { get; private init; }
    public double AccrualRateEstimate { get; private init; }

    public static ForecastModel Fit(ReadOnlySpan<double> entry, ReadOnlySpan<double> followUp, ReadOnlySpan<bool> isEvent, double now, EventForecastOptions o)
    {
        ForecastChecks.Check(entry, followUp, isEvent, now, o);
        double[] starts = [.. o.HazardStarts];
        var exposure = new double[starts.Length];
        var pieceEvents = new int[starts.Length];
        var eventTimes = new List<double>();
        var ongoing = new List<double>();
        for (int i = 0; i < entry.Length; i++)
        {
            for (int j = 0; j < starts.Length; j++)
            {
                double end = j + 1 < starts.Length ? starts[j + 1] : double.PositiveInfinity;
                exposure[j] += Math.Max(0, Math.Min(followUp[i], end) - starts[j]);
                if (isEvent[i] && followUp[i] >= starts[j] && followUp[i] < end) pieceEvents[j]++;
            }
            if (isEvent[i]) eventTimes.Add(entry[i] + followUp[i]);
            else ongoing.Add(entry[i]);
        }
        for (int j = 0; j < starts.Length; j++)
            if (!(exposure[j] > 0))
                throw new DesignInputException("HazardStarts", EventForecast.Text(starts[j]), $"no follow-up reaches piece {j + 1} of the hazard, so its hazard cannot be estimated; use fewer pieces.");
        eventTimes.Sort();
        int remaining = Math.Max(0, (o.PlannedParticipants ?? 0) - entry.Length);
        double first = entry.Length == 0 ? now : double.PositiveInfinity;
        foreach (double e in entry) first = Math.Min(first, e);
        double elapsed = now - first;
        bool observed = o.Accrual == ForecastAccrual.Observed;
        if (remaining > 0 && observed && !(entry.Length >= 2 && elapsed > 0))
            throw new DesignInputException("Accrual", "Observed", "the observed accrual rate needs at least two participants enrolled over a positive time; use the protocol's plan.");
        if (remaining > 0 && !observed && o.PlannedAccrualRate is not > 0)
            throw new DesignInputException("PlannedAccrualRate", null, "accrual by the plan needs a positive planned rate (participants and accrual duration).");
        return new ForecastModel
        {
            now = now, elapsed = elapsed, dropout = o.DropoutHazard, plannedRate = o.PlannedAccrualRate ?? 0,
            arrivalsAfterFirst = entry.Length - 1, observedAccrual = observed,
            Starts = starts, Exposure = exposure, PieceEvents = pieceEvents,
            Hazards = [.. pieceEvents.Select((d, j) => d / exposure[j])],
            EventTimes = [.. eventTimes], Ongoing = [.. ongoing], Remaining = remaining,
            AccrualRateEstimate = remaining == 0 ? 0 : observed ? (entry.Length - 1) / elapsed : o.PlannedAccrualRate!.Value,
        };
    }

    /// <summary>
    /// One continuation: draws the accrual rate and the hazards from their posteriors, then the future events' calendar
    /// times into <paramref name="buffer"/> (unsorted). Returns how many there are (dropouts have none).
    /// </summary>
    public int Simulate(ReplicateRandom rng, double[] buffer)
    {
        int pieces = Starts.Length;
        Span<double> rates = stackalloc double[pieces];
        Span<double> cumulative = stackalloc double[pieces];
        for (int j = 0; j < pieces; j++)
        {
            rates[j] = GammaDraw.Next(ref rng, PieceEvents[j] + 0.5) / Exposure[j];
            if (j > 0) cumulative[j] = cumulative[j - 1] + rates[j - 1] * (Starts[j] - Starts[j - 1]);
        }
        int count = 0;
        foreach (double e in Ongoing)
        {
            double onStudy = now - e;
            double t = Invert(Cumulative(onStudy, rates, cumulative) + rng.NextExponential(), rates, cumulative);
            if (dropout > 0 && t - onStudy > rng.NextExponential() / dropout) continue;
            buffer[count++] = e + t;
        }
        if (Remaining > 0)
        {
            double rate = observedAccrual ? GammaDraw.Next(ref rng, arrivalsAfterFirst + 0.5) / elapsed : plannedRate;
            double arrival = now;
            for (int k = 0; k < Remaining; k++)
            {
                arrival += rng.NextExponential() / rate;
                double t = Invert(rng.NextExponential(), rates, cumulative);
                if (dropout > 0 && t > rng.NextExponential() / dropout) continue;
                buffer[count++] = arrival + t;
            }
        }
        return count;
    }

    private double Cumulative(double t, ReadOnlySpan<double> rates, ReadOnlySpan<double> cumulative)
    {
        int j = Starts.Length - 1;
        while (j > 0 && Starts[j] > t) j--;
        return cumulative[j] + rates[j] * (t - Starts[j]);
    }

    private double Invert(double target, ReadOnlySpan<double> rates, ReadOnlySpan<double> cumulative)
    {
        int j = Starts.Length - 1;
        while (j > 0 && cumulative[j] > target) j--;
        return Starts[j] + (target - cumulative[j]) / rates[j];
    }
}
