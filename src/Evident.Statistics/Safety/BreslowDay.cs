using Evident.Statistics.Internal;

namespace Evident.Statistics.Safety;

/// <summary>
/// Breslow–Day test of homogeneity of the odds ratios across the strata of a 2×2×K table (Breslow &amp; Day 1980,
/// <i>Statistical Methods in Cancer Research</i> I, §4.4, eq. 4.30), with Tarone's (1985) correction. R has no function
/// for it in base or survival; equivalent to DescTools' <c>BreslowDayTest(x, correct = FALSE / TRUE)</c> on tables
/// whose margins are all positive.
/// </summary>
/// <remarks>
/// <para>
/// Contract: stratum k is the table [[aₖ, bₖ], [cₖ, dₖ]] (rows = arm, control; columns = with, without the event), as
/// <see cref="MantelHaenszel.Test"/> takes it. With row totals m₁ = a + b, m₂ = c + d and column total t₁ = a + c, ψ the
/// Mantel–Haenszel common odds ratio, Âₖ is the root in [max(0, t₁ − m₂), min(m₁, t₁)] of
/// Â(m₂ − t₁ + Â) = ψ(m₁ − Â)(t₁ − Â), i.e. (1 − ψ)Â² + (m₂ − t₁ + ψ(m₁ + t₁))Â − ψm₁t₁ = 0, and
/// Vₖ = 1/(1/Â + 1/(m₁ − Â) + 1/(t₁ − Â) + 1/(m₂ − t₁ + Â)). X²_BD = Σ (aₖ − Âₖ)²/Vₖ and Tarone's
/// X²_BDT = X²_BD − (Σaₖ − ΣÂₖ)²/ΣVₖ, both on K' − 1 degrees of freedom.
/// </para>
/// <para>
/// Zero margins: a stratum with a zero row or column total fixes aₖ given its margins (a point distribution, Vₖ = 0),
/// contributes nothing to ψ (aₖdₖ = bₖcₖ = 0) and carries no information about heterogeneity; it is left out of the
/// sums and of K', as R code written from the formulas must do to avoid 0/0 (tests/fixtures/trials/make_trial_refs.R).
/// Unlike R's <c>mantelhaen.test</c>, strata with fewer than two observations are therefore accepted. Fewer than two
/// informative strata, or ψ not positive and finite, give a result without statistics and a status saying why.
/// </para>
/// <para>
/// The quadratic is solved in the cancellation-free form q = −½(B + sign(B)√(B² − 4AC)), roots q/A and C/q (the second
/// is the linear root m₁t₁/n when ψ = 1). Agrees with R 4.2 to 1e-13 relative on the cases in
/// tests/fixtures/trials/expected/breslow-day.json, among them Breslow &amp; Day's Ille-et-Vilaine table (ψ = 5.16,
/// X² = 9.32 on 5 df) and the SAS migraine example (X² = 1.4929, p = 0.2218).
/// </para>
/// </remarks>
public static class BreslowDay
{
    /// <summary>The Breslow–Day and Breslow–Day–Tarone tests over K strata.</summary>
    /// <param name="a">Per stratum: arm with the event (≥ 0).</param>
    /// <param name="b">Per stratum: arm without the event (≥ 0).</param>
    /// <param name="c">Per stratum: control with the event (≥ 0).</param>
    /// <param name="d">Per stratum: control without the event (≥ 0).</param>
    /// <exception cref="ArgumentException">The spans are empty or differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static BreslowDayTest Test(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<int> c, ReadOnlySpan<int> d)
    {
        Preconditions.CheckNotEmpty(a.Length, nameof(a));
        Preconditions.CheckSameLength(a.Length, b.Length, nameof(b));
        Preconditions.CheckSameLength(a.Length, c.Length, nameof(c));
        Preconditions.CheckSameLength(a.Length, d.Length, nameof(d));

        double r = 0, s = 0;
        int informative = 0;
        for (int k = 0; k < a.Length; k++)
        {
            if ((a[k] | b[k] | c[k] | d[k]) < 0)
                throw new ArgumentOutOfRangeException(nameof(a), $"stratum {k}: cell counts must be non-negative ({a[k]}, {b[k]}, {c[k]}, {d[k]}).");
            double n = (double)a[k] + b[k] + c[k] + d[k];
            if (n == 0) continue;
            r += (double)a[k] * d[k] / n;
            s += (double)b[k] * c[k] / n;
            if (Informative(a[k], b[k], c[k], d[k])) informative++;
        }
        double psi = r / s;
        var expected = new double[a.Length];
        var variance = new double[a.Length];
        Array.Fill(expected, double.NaN);
        Array.Fill(variance, double.NaN);
        var status = informative < 2 ? BreslowDayStatus.TooFewStrata
                   : !(psi > 0 && double.IsFinite(psi)) ? BreslowDayStatus.OddsRatioNotEstimable
                   : BreslowDayStatus.Computed;
        if (status != BreslowDayStatus.Computed)
            return new BreslowDayTest(psi, a.Length, informative, status, null, null, Array.AsReadOnly(expected), Array.AsReadOnly(variance));

        double statistic = 0, observedSum = 0, expectedSum = 0, varianceSum = 0;
        for (int k = 0; k < a.Length; k++)
        {
            if (!Informative(a[k], b[k], c[k], d[k])) continue;
            double m1 = (double)a[k] + b[k], m2 = (double)c[k] + d[k], t1 = (double)a[k] + c[k];
            double fitted = ExpectedFirstCell(psi, m1, m2, t1);
            double v = 1 / (1 / fitted + 1 / (m1 - fitted) + 1 / (t1 - fitted) + 1 / (m2 - t1 + fitted));
            (expected[k], variance[k]) = (fitted, v);
            double residual = a[k] - fitted;
            statistic += residual * residual / v;
            observedSum += a[k];
            expectedSum += fitted;
            varianceSum += v;
        }
        double total = observedSum - expectedSum;
        double tarone = statistic - total * total / varianceSum;
        int df = informative - 1;
        return new BreslowDayTest(psi, a.Length, informative, status, ChiSquareTest.FromStatistic(statistic, df),
                                  ChiSquareTest.FromStatistic(tarone, df), Array.AsReadOnly(expected), Array.AsReadOnly(variance));
    }

    /// <summary>A stratum whose four margins are positive, so that its first cell is not fixed by them.</summary>
    private static bool Informative(long a, long b, long c, long d) => a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0;

    /// <summary>
    /// The root Â in [max(0, t₁ − m₂), min(m₁, t₁)] of (1 − ψ)Â² + (m₂ − t₁ + ψ(m₁ + t₁))Â − ψm₁t₁ = 0. For an
    /// informative stratum and 0 &lt; ψ &lt; ∞ the left side rises strictly across that interval, from −ψ·m₁t₁ or
    /// −ψ·m₂t₂ (&lt; 0) at its lower end to ψ-free positive values at its upper end, so exactly one root lies strictly
    /// inside it.
    /// </summary>
    private static double ExpectedFirstCell(double psi, double m1, double m2, double t1)
    {
        double quadratic = 1 - psi, linear = m2 - t1 + psi * (m1 + t1), constant = -psi * m1 * t1;
        double low = Math.Max(0, t1 - m2), high = Math.Min(m1, t1);
        double root = Math.Sqrt(linear * linear - 4 * quadratic * constant);
        double q = -0.5 * (linear + (linear >= 0 ? root : -root));   // q ≠ 0: q = −n when ψ = 1, and ψm₁t₁ > 0
        double first = constant / q, second = q / quadratic;
        // The wanted root lies strictly inside; rounding can put it a few ulps outside, so take the nearer root, clamped.
        return Math.Clamp(Distance(first) <= Distance(second) ? first : second, low, high);

        double Distance(double x) => double.IsFinite(x) ? Math.Abs(x - Math.Clamp(x, low, high)) : double.PositiveInfinity;
    }
}
