namespace Evident.Statistics.Survival;

/// <summary>
/// Difference a − b of two independent restricted mean survival times at the same τ (Royston &amp; Parmar 2013), with
/// a Wald confidence interval and test. R equivalent: <c>survRM2::rmst2(...)$unadjusted.result</c>, first row.
/// </summary>
/// <param name="Tau">The common truncation time τ.</param>
/// <param name="Difference">RMST(a) − RMST(b).</param>
/// <param name="StdError">sqrt(se_a² + se_b²).</param>
/// <param name="ConfidenceLevel">Level of the interval, in (0, 1).</param>
/// <param name="Lower">Difference − z·StdError.</param>
/// <param name="Upper">Difference + z·StdError.</param>
/// <param name="Z">Difference / StdError; NaN when StdError = 0.</param>
/// <param name="PValue">Two-sided p-value 2·Φ(−|Z|); NaN when StdError = 0.</param>
public sealed record RestrictedMeanDifference(double Tau, double Difference, double StdError, double ConfidenceLevel,
                                              double Lower, double Upper, double Z, double PValue);
