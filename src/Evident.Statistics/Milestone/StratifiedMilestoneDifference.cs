namespace Evident.Statistics.Milestone;

/// <summary>
/// A stratum-weighted difference of milestone survival, D = Σwₖ·Dₖ/Σwₖ over the strata in which both arms have
/// participants. Built by <see cref="MilestoneSurvival.StratifiedDifference"/>.
/// </summary>
/// <param name="Weighting">How the weights were chosen.</param>
/// <param name="Difference">The weighted difference.</param>
/// <param name="StdError">sqrt(Σwₖ²Var(Dₖ))/Σwₖ, weights treated as fixed (= 1/sqrt(Σwₖ) for inverse-variance weights).</param>
/// <param name="ConfidenceLevel">Level of the interval, in (0, 1).</param>
/// <param name="Lower">Difference − z·StdError.</param>
/// <param name="Upper">Difference + z·StdError.</param>
/// <param name="Z">Difference/StdError; NaN when StdError is 0 or undefined.</param>
/// <param name="PValue">Two-sided p-value; NaN when Z is.</param>
/// <param name="Weights">Per stratum (in the order given), the normalised weight wₖ/Σw; 0 for a stratum left out.</param>
public sealed record StratifiedMilestoneDifference(MilestoneWeighting Weighting, double Difference, double StdError,
                                                   double ConfidenceLevel, double Lower, double Upper, double Z, double PValue,
                                                   IReadOnlyList<double> Weights);
