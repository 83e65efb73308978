using Evident.Statistics.Distributions;

namespace Evident.Statistics.Survival;

/// <summary>
/// Result of a MaxCombo test (Lee 2007; Karrison 2016; Lin et al. 2020): the largest |Z| of several FH(ρ, γ) weighted
/// log-rank statistics, referred to their joint normal distribution under the null.
/// </summary>
/// <param name="Components">The weighted statistics, in the order asked for.</param>
/// <param name="Correlation">Their null correlation Cov(U_k, U_l)/√(V_k V_l), row by row.</param>
/// <param name="Statistic">max_k |Z_k|.</param>
/// <param name="Probability">
/// P(|Z_k| &lt; statistic for all k) under N(0, correlation), by <see cref="MultivariateNormal.Rectangle"/>, with its
/// integration error estimate.
/// </param>
public sealed record MaxComboTest(IReadOnlyList<MaxComboComponent> Components, IReadOnlyList<IReadOnlyList<double>> Correlation,
                                  double Statistic, MultivariateNormalProbability Probability)
{
    /// <summary>The two-sided p-value P(max_k |Z_k| ≥ statistic) = 1 − <see cref="Probability"/>.</summary>
    public double PValue => Math.Clamp(1 - Probability.Value, 0, 1);
}
