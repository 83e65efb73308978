namespace Evident.Statistics.Safety;

/// <summary>
/// The risk (proportion) difference between two independent groups with the Wald interval.
/// </summary>
/// <remarks>
/// p̂ᵢ = eventsᵢ/nᵢ, D = p̂₁ − p̂₀, SE = sqrt(p̂₁(1 − p̂₁)/n₁ + p̂₀(1 − p̂₀)/n₀), interval D ± z·SE with
/// z = Φ⁻¹(1 − (1 − level)/2) (e.g. Agresti 2013, <i>Categorical Data Analysis</i>, §3.1.3). R:
/// <c>p1 - p0 + c(-1, 1) * qnorm(0.975) * sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)</c> — the same as
/// <c>prop.test(c(e1, e0), c(n1, n0), correct = FALSE)$conf.int</c>. The interval has zero width when both proportions
/// are 0 or 1; the CLI reports it as computed.
/// </remarks>
public static class RiskDifference
{
    /// <summary>Wald interval for p₁ − p₀.</summary>
    /// <param name="events1">Events in group 1, 0 ≤ events1 ≤ n1.</param>
    /// <param name="n1">Size of group 1, ≥ 1.</param>
    /// <param name="events0">Events in group 0, 0 ≤ events0 ≤ n0.</param>
    /// <param name="n0">Size of group 0, ≥ 1.</param>
    /// <param name="confLevel">Confidence level, 0 &lt; level &lt; 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A group is empty, a count is negative or exceeds its group size, or the level is outside (0, 1).</exception>
    public static RiskDifferenceEstimate Wald(int events1, int n1, int events0, int n0, double confLevel = 0.95)
    {
        double z = NormalTail.CriticalValue(confLevel);
        CheckGroup(events1, n1, nameof(events1), nameof(n1));
        CheckGroup(events0, n0, nameof(events0), nameof(n0));
        double p1 = (double)events1 / n1, p0 = (double)events0 / n0;
        double difference = p1 - p0;
        double se = Math.Sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
        return new RiskDifferenceEstimate(events1, n1, events0, n0, difference, se, confLevel, difference - z * se, difference + z * se);
    }

    private static void CheckGroup(int events, int n, string eventsName, string nName)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nName, n, $"{nName} = {n}: a group needs at least one participant.");
        if (events < 0 || events > n)
            throw new ArgumentOutOfRangeException(eventsName, events, $"{eventsName} = {events}: must lie in 0..{n}.");
    }
}
