using Evident.Design.Forecast;

namespace Evident.Analysis.Forecast;

/// <summary>How <see cref="TrialForecast.Run"/> forecasts: the as-of date, the accrual and event models, the interval. Immutable.</summary>
public sealed record ForecastSettings
{
    /// <summary>The data cut-off ("now"); null = the latest date in the data (randomization or end of follow-up).</summary>
    public DateOnly? Cutoff { get; init; }

    /// <summary>Accrual of the participants still to come: the observed rate (default) or the protocol's plan.</summary>
    public ForecastAccrual Accrual { get; init; } = ForecastAccrual.Observed;

    /// <summary>Starts of the pooled hazard's pieces in the protocol's time unit, 0 first; [0] (default) is exponential.</summary>
    public IReadOnlyList<double> HazardStarts { get; init; } = [0.0];

    /// <summary>Level of the prediction intervals, in (0, 1). Default 0.9.</summary>
    public double Level { get; init; } = 0.9;

    /// <summary>Simulated continuations. Default 4000.</summary>
    public int Replicates { get; init; } = 4000;

    /// <summary>The accrual model named <c>observed</c> or <c>plan</c> (the command line's and the service's spelling).</summary>
    /// <param name="name">The name.</param>
    /// <param name="accrual">The model, when the name is known.</param>
    public static bool TryAccrual(string? name, out ForecastAccrual accrual)
    {
        accrual = name == "plan" ? ForecastAccrual.Plan : ForecastAccrual.Observed;
        return name is "observed" or "plan";
    }

    /// <summary>Seed of the simulation. Default 1.</summary>
    public ulong Seed { get; init; } = 1;
}
