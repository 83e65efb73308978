namespace Evident.Analysis.Forecast;

/// <summary>One look's predicted calendar date (JSON <c>looks[]</c>). Immutable.</summary>
/// <param name="Look">1-based look number.</param>
/// <param name="TargetEvents">Cumulative events that trigger the look, ⌈t<sub>k</sub>·planned events⌉.</param>
/// <param name="Reached">The data already hold the target; the dates are the day the last of those events happened.</param>
/// <param name="PredictedDate">Median predicted date; null when not estimable (fewer than half the continuations reach the target).</param>
/// <param name="Lower">Lower limit of the prediction interval; null when not estimable.</param>
/// <param name="Upper">Upper limit; null when not estimable (too many continuations never reach the target).</param>
/// <param name="Level">Level of the interval.</param>
/// <param name="ProbabilityReached">Share of the continuations that ever reach the target.</param>
public sealed record LookDateForecast(int Look, int TargetEvents, bool Reached, DateOnly? PredictedDate, DateOnly? Lower, DateOnly? Upper, double Level, double ProbabilityReached);
