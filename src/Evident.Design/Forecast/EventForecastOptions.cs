namespace Evident.Design.Forecast;

/// <summary>Inputs of <see cref="EventForecast.Predict"/> besides the data. Times are in one unit (the protocol's). Immutable.</summary>
public sealed record EventForecastOptions
{
    /// <summary>Cumulative events that trigger each look, positive and increasing (e.g. ⌈t<sub>k</sub>·D<sub>max</sub>⌉).</summary>
    public IReadOnlyList<int> TargetEvents { get; init; } = [];

    /// <summary>Participants to enrol in all; null or no more than already enrolled when accrual is closed.</summary>
    public int? PlannedParticipants { get; init; }

    /// <summary>How the remaining participants arrive. Default <see cref="ForecastAccrual.Observed"/>.</summary>
    public ForecastAccrual Accrual { get; init; } = ForecastAccrual.Observed;

    /// <summary>Participants per time unit under <see cref="ForecastAccrual.Plan"/>, &gt; 0.</summary>
    public double? PlannedAccrualRate { get; init; }

    /// <summary>Starts of the pooled hazard's pieces, 0 first, strictly increasing; [0] (the default) is exponential.</summary>
    public IReadOnlyList<double> HazardStarts { get; init; } = [0.0];

    /// <summary>Hazard of dropping out, ≥ 0, taken as known (e.g. −ln(1 − p)/t from the protocol's dropout assumption). Default 0.</summary>
    public double DropoutHazard { get; init; }

    /// <summary>Level of the prediction interval, in (0, 1). Default 0.9.</summary>
    public double Level { get; init; } = 0.9;

    /// <summary>Simulated continuations of the trial, ≥ 100. Default 4000.</summary>
    public int Replicates { get; init; } = 4000;

    /// <summary>Seed of the replicates' random streams (each replicate's stream depends only on the seed and its index). Default 1.</summary>
    public ulong Seed { get; init; } = 1;
}
