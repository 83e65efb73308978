namespace Evident.Statistics.Milestone;

/// <summary>
/// An arm-versus-reference contrast of milestone survival with a normal-approximation interval and Wald test.
/// </summary>
/// <param name="Estimate">The contrast on its natural scale (a difference of probabilities or a ratio).</param>
/// <param name="StdError">Standard error on the <see cref="Scale"/> on which the interval is built (log of the ratio for ratios).</param>
/// <param name="Scale">The scale of the interval and test: <c>identity</c>, <c>log</c> or <c>cloglog</c>.</param>
/// <param name="ConfidenceLevel">Level of the interval, in (0, 1).</param>
/// <param name="Lower">Lower limit, back-transformed to the natural scale.</param>
/// <param name="Upper">Upper limit, back-transformed.</param>
/// <param name="Z">(transformed estimate − null value)/StdError; NaN when undefined.</param>
/// <param name="PValue">Two-sided p-value 2·Φ(−|Z|); NaN when undefined.</param>
public sealed record MilestoneContrast(double Estimate, double StdError, string Scale, double ConfidenceLevel,
                                       double Lower, double Upper, double Z, double PValue);
