using Evident.Design.Forecast;
using Evident.Protocol;

namespace Evident.Analysis.Forecast;

/// <summary>A trial's forecast of its looks' dates from blinded data (<see cref="TrialForecast.Run"/>). Immutable.</summary>
/// <param name="Endpoint">The endpoint whose events trigger the looks (the monitoring endpoint, else the primary).</param>
/// <param name="Cutoff">The as-of date.</param>
/// <param name="Unit">The protocol's time unit, in which the fitted rates are expressed.</param>
/// <param name="PlannedEvents">Events at the final look (design.planned_events).</param>
/// <param name="PlannedParticipants">Participants to enrol (design.participants), or null (accrual taken as closed).</param>
/// <param name="Accrual">How the remaining participants arrive.</param>
/// <param name="Model">The fitted blinded models and the times from the cut-off.</param>
/// <param name="Looks">Each look's predicted date.</param>
public sealed record TrialForecastResult(
    string Endpoint,
    DateOnly Cutoff,
    TimeUnit Unit,
    int PlannedEvents,
    int? PlannedParticipants,
    ForecastAccrual Accrual,
    EventForecastResult Model,
    IReadOnlyList<LookDateForecast> Looks);
