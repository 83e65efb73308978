using Evident.Statistics.Survival;

namespace Evident.Statistics.Milestone;

/// <summary>
/// Kaplan–Meier survival of one arm at a milestone time, read from its <see cref="KaplanMeierCurve"/>: R's
/// <c>summary(survfit(...), times = t, extend = TRUE)</c> for that curve.
/// </summary>
/// <param name="Time">The milestone time t.</param>
/// <param name="N">Participants in the arm.</param>
/// <param name="AtRisk">Participants still at risk at t (R: <c>n.risk</c>); 0 means t lies beyond the arm's follow-up and Ŝ is carried forward.</param>
/// <param name="Events">Events in [0, t] (R: <c>n.event</c>).</param>
/// <param name="Survival">Ŝ(t).</param>
/// <param name="StdError">Greenwood (1926) standard error of Ŝ(t); 0 before the first event; NaN where Ŝ(t) = 0.</param>
/// <param name="Lower">Lower pointwise limit on the curve's <see cref="KaplanMeierCurve.ConfidenceType"/> scale.</param>
/// <param name="Upper">Upper pointwise limit.</param>
public sealed record MilestoneEstimate(double Time, int N, int AtRisk, int Events, double Survival, double StdError,
                                       double Lower, double Upper);
