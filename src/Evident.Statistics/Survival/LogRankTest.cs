using Evident.Statistics.Cox;

namespace Evident.Statistics.Survival;

/// <summary>
/// Result of a Fleming–Harrington FH(ρ, γ) weighted log-rank test comparing survival across groups: R's
/// <c>survdiff</c> when γ = 0.
/// </summary>
/// <param name="Rho">The weight exponent ρ: weights Ŝ(t−)^ρ; 0 = log-rank (Mantel 1966), 1 = Peto–Peto.</param>
/// <param name="Gamma">The weight exponent γ: weights (1 − Ŝ(t−))^γ; 0 = the G-rho family.</param>
/// <param name="Test">
/// The chi-square statistic (O − E)ᵀ V⁻ (O − E) over the groups with positive expected count, last of them dropped,
/// with df = (number of such groups) − 1, or the rank of V's block if it is singular (R: <c>chisq</c>;
/// <c>print.survdiff</c>'s df).
/// </param>
/// <param name="Groups">One entry per group code, in code order.</param>
/// <param name="Variance">
/// The k × k variance matrix of Observed − Expected summed over strata, row by row (R: <c>var</c>). Rows and columns
/// sum to zero.
/// </param>
public sealed record LogRankTest(double Rho, double Gamma, ChiSquareTest Test, IReadOnlyList<LogRankGroup> Groups,
                                 IReadOnlyList<IReadOnlyList<double>> Variance)
{
    /// <summary>The chi-square statistic (R: <c>survdiff(...)$chisq</c>).</summary>
    public double Statistic => Test.Statistic;

    /// <summary>Degrees of freedom: groups with a positive expected count, minus one (the rank of V's block if singular).</summary>
    public int DegreesOfFreedom => Test.DegreesOfFreedom;

    /// <summary>Upper-tail p-value, R: <c>pchisq(chisq, df, lower.tail = FALSE)</c>.</summary>
    public double PValue => Test.PValue;
}
