namespace Evident.Design.Forecast;

/// <summary>The fitted blinded models and each look's predicted time (<see cref="EventForecast.Predict"/>). Immutable.</summary>
/// <param name="Participants">Participants enrolled by now.</param>
/// <param name="Events">Events observed by now (pooled over arms).</param>
/// <param name="AccrualRate">Participants per time unit used for the rest of accrual: the observed rate (n − 1)/elapsed or the planned rate; 0 when accrual is closed.</param>
/// <param name="HazardStarts">Starts of the pooled hazard's pieces.</param>
/// <param name="Hazards">Maximum-likelihood pooled hazard of each piece, events / time at risk.</param>
/// <param name="Exposure">Time at risk in each piece.</param>
/// <param name="PieceEvents">Events in each piece.</param>
/// <param name="Level">Level of the prediction intervals.</param>
/// <param name="Replicates">Simulated continuations.</param>
/// <param name="Looks">One forecast per look.</param>
public sealed record EventForecastResult(
    int Participants,
    int Events,
    double AccrualRate,
    IReadOnlyList<double> HazardStarts,
    IReadOnlyList<double> Hazards,
    IReadOnlyList<double> Exposure,
    IReadOnlyList<int> PieceEvents,
    double Level,
    int Replicates,
    IReadOnlyList<LookForecast> Looks);
