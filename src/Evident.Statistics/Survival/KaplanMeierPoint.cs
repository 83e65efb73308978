namespace Evident.Statistics.Survival;

/// <summary>
/// A Kaplan–Meier curve read at a requested time: R's <c>summary(fit, times = t, extend = TRUE)</c>.
/// </summary>
/// <param name="Time">The requested time.</param>
/// <param name="AtRisk">Number with follow-up time ≥ <paramref name="Time"/> (R: <c>n.risk</c>); 0 beyond the last observation.</param>
/// <param name="Events">
/// Events in (previous requested time, <paramref name="Time"/>] — in [0, <paramref name="Time"/>] for the first or
/// a single requested time (R: <c>n.event</c> of a <c>times=</c> summary).
/// </param>
/// <param name="Survival">Ŝ of the last step at or before <paramref name="Time"/>; 1 before the first observed time.</param>
/// <param name="StdError">Greenwood standard error of Ŝ at that step; 0 before the first event; NaN where Ŝ = 0.</param>
/// <param name="Lower">Lower pointwise confidence limit at that step; NaN where R gives NA.</param>
/// <param name="Upper">Upper pointwise confidence limit at that step; NaN where R gives NA.</param>
public sealed record KaplanMeierPoint(double Time, int AtRisk, int Events, double Survival, double StdError,
                                      double Lower, double Upper);
