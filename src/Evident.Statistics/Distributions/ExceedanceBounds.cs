namespace Evident.Statistics.Distributions;

/// <summary>
/// Lower and upper bounds on the exceedance probability p = P(X_k &gt; b_k for some k) of X ~ N(0, R) from its
/// one- and two-dimensional margins only (closed forms: Φ and <see cref="BivariateNormal.UpperOrthant"/>), so that a
/// decision p ≤ α or p &gt; α can often be made without the k-dimensional integral of
/// <see cref="MultivariateNormal.Rectangle"/>. With A_k = {X_k &gt; b_k}, p_k = P(A_k), p_kl = P(A_k ∩ A_l),
/// S₁ = Σ p_k and S₂ = Σ_{k&lt;l} p_kl:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Upper</b>: Hunter's (1976) and Worsley's (1982) bound p ≤ S₁ − Σ_{(k,l) ∈ T} p_kl for any spanning tree T
/// of the events, here the tree of largest total weight (Prim's algorithm), the sharpest of them; also ≤ S₁
/// (Bonferroni).</item>
/// <item><b>Lower</b>: the largest of max_k p_k, max_{k&lt;l} (p_k + p_l − p_kl) (p is at least the probability of any
/// pair's union), Dawson &amp; Sankoff's (1967) 2S₁/(j + 1) − 2S₂/(j(j + 1)) with j = 1 + ⌊2S₂/S₁⌋, and de Caen's (1997)
/// Σ_k p_k² / Σ_l p_kl (p_kk = p_k).</item>
/// </list>
/// Every bound holds for any events, so for any correlation matrix, singular ones included (ρ = ±1 is exact in
/// <see cref="BivariateNormal"/>). Both are rigorous up to the rounding of Φ and the bivariate form (about 1e-15 each).
/// </remarks>
public static class ExceedanceBounds
{
    private const int StackLimit = 16;

    /// <summary>Bounds on P(X_k &gt; <paramref name="limits"/>[k] for some k), X ~ N(0, R).</summary>
    /// <param name="limits">The thresholds b_k; ±∞ allowed, NaN not.</param>
    /// <param name="correlation">R, row by row: symmetric with unit diagonal; only the entries below the diagonal are read.</param>
    /// <returns>(lower, upper) with 0 ≤ lower ≤ upper ≤ 1.</returns>
    /// <exception cref="ArgumentException">The lengths differ or there are no limits.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is NaN or a correlation outside [−1, 1].</exception>
    public static (double Lower, double Upper) Compute(ReadOnlySpan<double> limits, IReadOnlyList<IReadOnlyList<double>> correlation)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        int k = limits.Length;
        if (k == 0 || correlation.Count != k)
            throw new ArgumentException($"{k} limits and a {correlation.Count}-row correlation: expected the same positive number.", nameof(correlation));
        Span<double> pair = k <= StackLimit ? stackalloc double[k * k] : new double[k * k];
        Span<double> single = k <= StackLimit ? stackalloc double[k] : new double[k];
        for (int a = 0; a < k; a++)
        {
            single[a] = BivariateNormal.UpperOrthant(limits[a], double.NegativeInfinity, 0);
            pair[a * k + a] = single[a];
            for (int b = 0; b < a; b++)
                pair[a * k + b] = pair[b * k + a] = BivariateNormal.UpperOrthant(limits[a], limits[b], correlation[a][b]);
        }
        double upper = Math.Min(1, Upper(single, pair));
        double lower = Math.Min(upper, Lower(single, pair));
        return (Math.Max(0, lower), upper);
    }

    /// <summary>S₁ minus the heaviest spanning tree of the pairwise intersections (Hunter–Worsley).</summary>
    private static double Upper(ReadOnlySpan<double> single, ReadOnlySpan<double> pair)
    {
        int k = single.Length;
        Span<double> best = k <= StackLimit ? stackalloc double[k] : new double[k];
        Span<bool> inTree = k <= StackLimit ? stackalloc bool[k] : new bool[k];
        double sum = single[0];
        inTree[0] = true;
        for (int a = 1; a < k; a++) { best[a] = pair[a]; sum += single[a]; }
        for (int added = 1; added < k; added++)
        {
            int next = -1;
            for (int a = 0; a < k; a++)
                if (!inTree[a] && (next < 0 || best[a] > best[next])) next = a;
            sum -= best[next];
            inTree[next] = true;
            for (int a = 0; a < k; a++)
                if (!inTree[a]) best[a] = Math.Max(best[a], pair[next * k + a]);
        }
        return sum;
    }

    /// <summary>The largest of the single, pairwise-union, Dawson–Sankoff and de Caen lower bounds.</summary>
    private static double Lower(ReadOnlySpan<double> single, ReadOnlySpan<double> pair)
    {
        int k = single.Length;
        double s1 = 0, s2 = 0, lower = 0, deCaen = 0;
        for (int a = 0; a < k; a++)
        {
            s1 += single[a];
            lower = Math.Max(lower, single[a]);
            double row = 0;
            for (int b = 0; b < k; b++)
            {
                row += pair[a * k + b];
                if (b < a)
                {
                    s2 += pair[a * k + b];
                    lower = Math.Max(lower, single[a] + single[b] - pair[a * k + b]);
                }
            }
            if (row > 0) deCaen += single[a] * single[a] / row;
        }
        if (s1 > 0)
        {
            double j = 1 + Math.Floor(2 * s2 / s1);
            lower = Math.Max(lower, 2 * s1 / (j + 1) - 2 * s2 / (j * (j + 1)));
        }
        return Math.Max(lower, deCaen);
    }
}
