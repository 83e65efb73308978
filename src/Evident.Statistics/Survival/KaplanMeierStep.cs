namespace Evident.Statistics.Survival;

/// <summary>
/// One row of a Kaplan–Meier curve at a distinct observed time: R's <c>summary(fit, censored = TRUE)</c>.
/// </summary>
/// <param name="Time">The distinct time (an event time, a censoring time or both).</param>
/// <param name="AtRisk">Number at risk just before <paramref name="Time"/> (R: <c>n.risk</c>).</param>
/// <param name="Events">Events at <paramref name="Time"/> (R: <c>n.event</c>).</param>
/// <param name="Censored">Censorings at <paramref name="Time"/> (R: <c>n.censor</c>).</param>
/// <param name="Survival">Ŝ(t) just after <paramref name="Time"/>, in [0, 1] (R: <c>surv</c>).</param>
/// <param name="StdError">
/// Greenwood (1926) standard error of Ŝ(t), <c>Ŝ(t)·sqrt(Σ d/(n(n − d)))</c> (R: <c>std.err</c> of the summary);
/// NaN where Ŝ(t) = 0 (R: NA).
/// </param>
/// <param name="Lower">Lower pointwise confidence limit; NaN where R gives NA.</param>
/// <param name="Upper">Upper pointwise confidence limit; NaN where R gives NA.</param>
public sealed record KaplanMeierStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StdError,
                                     double Lower, double Upper);
