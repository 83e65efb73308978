namespace Evident.Statistics.Distributions;

/// <summary>
/// A rectangle probability P(a ≤ X ≤ b) of a multivariate normal X ~ N(0, R) with its integration error estimate.
/// </summary>
/// <param name="Value">The probability, in [0, 1].</param>
/// <param name="ErrorEstimate">
/// The integration error estimate: the sum of the accepted intervals' |K15 − G7| for nested Gauss–Kronrod (rank ≤ 3),
/// 3.5 standard errors over the lattice shifts for rank ≥ 4; 0 when the probability is computed in closed form.
/// </param>
/// <param name="Evaluations">Integrand evaluations used (0 for a closed form).</param>
public sealed record MultivariateNormalProbability(double Value, double ErrorEstimate, long Evaluations);
