namespace Evident.Randomization;

/// <summary>
/// Pocock–Simon minimization with a random element (Pocock &amp; Simon 1975, "Sequential treatment assignment with
/// balancing for prognostic factors in the controlled clinical trial", Biometrics 31:103–115).
/// </summary>
/// <remarks>
/// For a new participant with level l_f of each factor f, let n_{f,j} be the number already allocated to arm j with that
/// level. Assigning arm k would give counts n_{f,j} + [j = k]; with allocation ratio r the imbalance is the range of the
/// ratio-scaled counts, summed over factors:
/// G_k = Σ_f ( max_j (n_{f,j} + [j=k]) / r_j − min_j (n_{f,j} + [j=k]) / r_j ).
/// When every G_k is equal, an arm is drawn with probabilities proportional to r. Otherwise, with probability p an arm of
/// least G is chosen (uniformly among ties); with probability 1 − p one of the other arms is drawn uniformly.
/// </remarks>
public static class Minimization
{
    /// <summary>Chooses the arm for the next participant.</summary>
    /// <param name="ratio">Allocation ratio, one positive whole number per arm.</param>
    /// <param name="counts">
    /// Row-major factors × arms: <c>counts[f * arms + j]</c> = participants already on arm j with this participant's level
    /// of factor f; all ≥ 0. Empty (no factors) draws by the ratio.
    /// </param>
    /// <param name="probability">Probability of choosing a least-imbalance arm, 0.5 &lt; p ≤ 1 (the protocol's default is 0.8).</param>
    /// <param name="random">The generator: <see cref="CryptographicRandom"/> in service, a seeded <see cref="Random"/> in tests.</param>
    /// <returns>The chosen arm (an index into <paramref name="ratio"/>) and the imbalance G of each candidate.</returns>
    /// <exception cref="ArgumentException">A ratio entry is not positive, a count is negative, or the counts are not a whole number of rows.</exception>
    public static MinimizationDecision Choose(ReadOnlySpan<int> ratio, ReadOnlySpan<int> counts, double probability, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int arms = ratio.Length;
        if (arms < 2) throw new ArgumentException("Minimization needs at least two arms.", nameof(ratio));
        foreach (int r in ratio) if (r <= 0) throw new ArgumentException($"Ratio entry {r} is not positive.", nameof(ratio));
        if (counts.Length % arms != 0) throw new ArgumentException($"{counts.Length} counts are not a whole number of rows of {arms} arms.", nameof(counts));
        foreach (int c in counts) if (c < 0) throw new ArgumentException($"Count {c} is negative.", nameof(counts));
        if (!(probability > 0.5 && probability <= 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be in (0.5, 1].");

        int factors = counts.Length / arms;
        var imbalance = new double[arms];
        for (int k = 0; k < arms; k++)
        {
            double g = 0;
            for (int f = 0; f < factors; f++)
            {
                double max = double.NegativeInfinity, min = double.PositiveInfinity;
                for (int j = 0; j < arms; j++)
                {
                    double scaled = (counts[f * arms + j] + (j == k ? 1 : 0)) / (double)ratio[j];
                    if (scaled > max) max = scaled;
                    if (scaled < min) min = scaled;
                }
                g += max - min;
            }
            imbalance[k] = g;
        }

        double least = imbalance.Min();
        int tied = 0;
        for (int k = 0; k < arms; k++) if (imbalance[k] == least) tied++;
        if (tied == arms)
        {
            int total = 0;
            foreach (int r in ratio) total += r;
            int draw = random.Next(total);
            for (int k = 0; k < arms; k++)
            {
                draw -= ratio[k];
                if (draw < 0) return new MinimizationDecision(k, imbalance, Preferred: true);
            }
        }
        bool preferred = random.NextDouble() < probability;
        int pick = random.Next(preferred ? tied : arms - tied);
        for (int k = 0; k < arms; k++)
        {
            if ((imbalance[k] == least) != preferred) continue;
            if (pick-- == 0) return new MinimizationDecision(k, imbalance, preferred);
        }
        throw new InvalidOperationException("unreachable: no arm chosen");
    }
}
