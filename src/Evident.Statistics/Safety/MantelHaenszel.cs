using Evident.Statistics.Internal;

namespace Evident.Statistics.Safety;

/// <summary>
/// Cochran (1954)–Mantel–Haenszel (1959) test for 2×2×K tables. Equivalent to R's
/// <c>stats::mantelhaen.test(x, correct = TRUE, exact = FALSE)</c> on a 2×2×K array
/// <c>x[, , k] = matrix(c(aₖ, cₖ, bₖ, dₖ), 2)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Contract: stratum k is the table [[aₖ, bₖ], [cₖ, dₖ]] (rows = groups, columns = with / without the event) with
/// nₖ = aₖ + bₖ + cₖ + dₖ ≥ 2. With row totals r₁ₖ, r₂ₖ and column totals c₁ₖ, c₂ₖ:
/// Δ = Σ (aₖ − r₁ₖc₁ₖ/nₖ), V = Σ r₁ₖr₂ₖc₁ₖc₂ₖ/(nₖ²(nₖ − 1)), X² = (|Δ| − ½)²/V, the ½ applied only when requested and
/// |Δ| ≥ ½ (as R). p = P(χ²₁ ≥ X²). V = 0 (no stratum with events in one column only) gives NaN, as R's 0/0.
/// </para>
/// <para>
/// Common odds ratio OR = R/S with R = Σ aₖdₖ/nₖ, S = Σ bₖcₖ/nₖ; the variance of log OR is Robins, Breslow &amp;
/// Greenland (1986): Σ PₖRₖ/(2R²) + Σ (PₖSₖ + QₖRₖ)/(2RS) + Σ QₖSₖ/(2S²) with Pₖ = (aₖ + dₖ)/nₖ, Qₖ = (bₖ + cₖ)/nₖ,
/// Rₖ = aₖdₖ/nₖ, Sₖ = bₖcₖ/nₖ. One pass over the strata; agrees with R 4.2 to 12 significant digits on the reference
/// cases in <c>tests/fixtures/milestone-safety</c>.
/// </para>
/// </remarks>
public static class MantelHaenszel
{
    /// <summary>The Cochran–Mantel–Haenszel test and common odds ratio over K strata.</summary>
    /// <param name="a">Per stratum: row 1, column 1 (≥ 0).</param>
    /// <param name="b">Per stratum: row 1, column 2 (≥ 0).</param>
    /// <param name="c">Per stratum: row 2, column 1 (≥ 0).</param>
    /// <param name="d">Per stratum: row 2, column 2 (≥ 0).</param>
    /// <param name="continuityCorrection">Apply the ½ continuity correction (R's default <c>correct = TRUE</c>).</param>
    /// <param name="confLevel">Level of the odds ratio's interval, 0 &lt; level &lt; 1.</param>
    /// <exception cref="ArgumentException">
    /// The spans differ in length or are empty (R requires K ≥ 2 for an array, but one stratum is accepted here and gives
    /// the Mantel–Haenszel chi-square of a single 2×2 table); a stratum has fewer than 2 observations (R: "sample size in
    /// each stratum must be &gt; 1").
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative; the level is outside (0, 1).</exception>
    public static MantelHaenszelTest Test(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<int> c, ReadOnlySpan<int> d,
                                          bool continuityCorrection = true, double confLevel = 0.95)
    {
        double z = NormalTail.CriticalValue(confLevel);
        Preconditions.CheckNotEmpty(a.Length, nameof(a));
        Preconditions.CheckSameLength(a.Length, b.Length, nameof(b));
        Preconditions.CheckSameLength(a.Length, c.Length, nameof(c));
        Preconditions.CheckSameLength(a.Length, d.Length, nameof(d));

        double delta = 0, variance = 0, r = 0, s = 0, pr = 0, psqr = 0, qs = 0;
        for (int k = 0; k < a.Length; k++)
        {
            if ((a[k] | b[k] | c[k] | d[k]) < 0)
                throw new ArgumentOutOfRangeException(nameof(a), $"stratum {k}: cell counts must be non-negative ({a[k]}, {b[k]}, {c[k]}, {d[k]}).");
            double ak = a[k], bk = b[k], ck = c[k], dk = d[k];
            double n = ak + bk + ck + dk;
            if (n < 2) throw new ArgumentException($"stratum {k} has {n} observations: the sample size in each stratum must be > 1.", nameof(a));
            double row1 = ak + bk, row2 = ck + dk, col1 = ak + ck, col2 = bk + dk;
            delta += ak - row1 * col1 / n;
            variance += row1 * row2 * col1 * col2 / (n * n * (n - 1));

            double rk = ak * dk / n, sk = bk * ck / n;
            double p = (ak + dk) / n, q = (bk + ck) / n;
            r += rk;
            s += sk;
            pr += p * rk;
            psqr += p * sk + q * rk;
            qs += q * sk;
        }
        bool corrected = continuityCorrection && Math.Abs(delta) >= 0.5;
        double numerator = Math.Abs(delta) - (corrected ? 0.5 : 0.0);
        double statistic = numerator * numerator / variance;

        double oddsRatio = r / s;
        double sd = Math.Sqrt(pr / (2 * r * r) + psqr / (2 * r * s) + qs / (2 * s * s));
        return new MantelHaenszelTest(ChiSquareTest.FromStatistic(statistic, 1), corrected, a.Length, oddsRatio, confLevel,
                                      oddsRatio * Math.Exp(-z * sd), oddsRatio * Math.Exp(z * sd));
    }
}
