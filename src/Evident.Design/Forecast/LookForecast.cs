namespace Evident.Design.Forecast;

/// <summary>
/// When one look's events are predicted to be reached, in time units from the forecast's "now" (negative when the data
/// already reached them). Immutable.
/// </summary>
/// <param name="Look">1-based look number.</param>
/// <param name="TargetEvents">The cumulative events that trigger the look.</param>
/// <param name="Reached">The data already hold that many events; the times are then when the last of them happened.</param>
/// <param name="Median">Median predicted time; +∞ when fewer than half of the replicates reach the target.</param>
/// <param name="Lower">Lower limit of the prediction interval (the (1 − level)/2 quantile); +∞ when not estimable.</param>
/// <param name="Upper">Upper limit (the (1 + level)/2 quantile); +∞ when more than (1 − level)/2 of the replicates never reach the target.</param>
/// <param name="ProbabilityReached">Share of the replicates in which the target is ever reached (1 when already reached).</param>
public sealed record LookForecast(int Look, int TargetEvents, bool Reached, double Median, double Lower, double Upper, double ProbabilityReached);
