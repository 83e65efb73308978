namespace Evident.Design.Simulation;

/// <summary>
/// Operating characteristics of a simulated group-sequential survival trial (rpact 3.3 <c>getSimulationSurvival</c>:
/// <c>overallReject</c>, <c>rejectPerStage</c>, <c>futilityPerStage</c>, <c>expectedNumberOfEvents</c>,
/// <c>expectedNumberOfSubjects</c>, <c>studyDuration</c>), with the distribution of the estimated hazard ratio at the
/// stopping look. Every number is derived from <see cref="Tally"/>, so merged shards give the single-run values exactly.
/// </summary>
/// <param name="Design">The design whose bounds were applied.</param>
/// <param name="Seed">The seed.</param>
/// <param name="TotalReplicates">Replicates of the whole run (all shards).</param>
/// <param name="Tally">The integer counts of the replicates simulated here.</param>
public sealed record SimulationResult(GroupSequentialDesign Design, ulong Seed, long TotalReplicates, SimulationTally Tally)
{
    /// <summary>The test applied at each look (default the log-rank test).</summary>
    public SimulationTest Test { get; init; } = SimulationTest.LogRank;

    private double Per(long count) => (double)count / Tally.Replicates;

    /// <summary>Whether the tally covers every replicate of the run (false for a single shard).</summary>
    public bool IsComplete => Tally.FirstReplicate == 0 && Tally.Replicates == TotalReplicates;

    /// <summary>Probability of rejecting H0 at some look, Σ<sub>k</sub> rejections / R. Monte-Carlo SE √(p(1 − p)/R).</summary>
    public double Power => Per(Tally.RejectByLook.Sum());

    /// <summary>Monte-Carlo standard error of <see cref="Power"/>, √(p(1 − p)/R).</summary>
    public double PowerStandardError => Math.Sqrt(Power * (1 - Power) / Tally.Replicates);

    /// <summary>Probability of rejecting H0 at look k (not before).</summary>
    public IReadOnlyList<double> RejectByLook => Array.AsReadOnly(Tally.RejectByLook.Select(Per).ToArray());

    /// <summary>Probability of stopping for futility at interim look k.</summary>
    public IReadOnlyList<double> FutilityByLook => Array.AsReadOnly(Tally.FutilityByLook.Select(Per).ToArray());

    /// <summary>Expected number of primary events at the stopping look.</summary>
    public double ExpectedEvents => Per(Tally.EventsSum);

    /// <summary>Expected number of subjects enrolled by the stopping look.</summary>
    public double ExpectedSubjects => Per(Tally.SubjectsSum);

    /// <summary>Expected calendar time of the stopping look.</summary>
    public double ExpectedDuration => (double)Tally.DurationSum / SimulationTally.FixedPointScale / Tally.Replicates;

    /// <summary>
    /// Probability that the trial stops at look k (K entries, summing to 1): a bound crossed there, the final look, or
    /// a look whose planned events never occurred.
    /// </summary>
    public IReadOnlyList<double> StopByLook => Array.AsReadOnly(Tally.StopsByLook.Select(Per).ToArray());

    /// <summary>Probability of stopping before the final look, Σ<sub>k&lt;K</sub> stops / R (1 − that is the chance of reaching the final look).</summary>
    public double EarlyStopProbability => Per(Tally.StopsByLook.Take(Tally.StopsByLook.Count - 1).Sum());

    /// <summary>Mean of the estimated hazard ratio exp((O − E)/V) at the stopping look, over all looks (NaN if it never exists).</summary>
    public double MeanHazardRatio => Mean(Tally.HazardRatioSumByLook.Aggregate(Int128.Zero, (a, b) => a + b), Tally.HazardRatioCountByLook.Sum());

    /// <summary>
    /// Mean of the estimated hazard ratio over the replicates that stopped at look <paramref name="k"/> (0-based) — the
    /// early looks show the overestimate of the effect that stopping for efficacy causes. NaN when none stopped there.
    /// </summary>
    /// <param name="k">0 ≤ k &lt; K.</param>
    public double MeanHazardRatioAtLook(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Design.Looks);
        return Mean(Tally.HazardRatioSumByLook[k], Tally.HazardRatioCountByLook[k]);
    }

    /// <summary>
    /// Quantile p of the estimated hazard ratio at the stopping look, over all looks, read from the histograms of log HR:
    /// the centre of the bin where the cumulative count first reaches p·n (resolution 0.1% on the HR scale). NaN without estimates.
    /// </summary>
    /// <param name="p">0 &lt; p &lt; 1.</param>
    public double HazardRatioQuantile(double p)
    {
        CheckProbability(p);
        var pooled = new long[SimulationTally.HistogramBins];
        foreach (var h in Tally.LogHazardRatioHistogramByLook)
            for (int b = 0; b < pooled.Length; b++) pooled[b] += h[b];
        return Quantile(pooled, Tally.HazardRatioCountByLook.Sum(), p);
    }

    /// <summary>Quantile p of the estimated hazard ratio over the replicates that stopped at look <paramref name="k"/> (0-based); as <see cref="HazardRatioQuantile(double)"/>.</summary>
    /// <param name="p">0 &lt; p &lt; 1.</param>
    /// <param name="k">0 ≤ k &lt; K.</param>
    public double HazardRatioQuantile(double p, int k)
    {
        CheckProbability(p);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Design.Looks);
        return Quantile(Tally.LogHazardRatioHistogramByLook[k], Tally.HazardRatioCountByLook[k], p);
    }

    private static double Mean(Int128 fixedPointSum, long count) =>
        count == 0 ? double.NaN : (double)fixedPointSum / SimulationTally.FixedPointScale / count;

    private static void CheckProbability(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
    }

    private static double Quantile(IReadOnlyList<long> histogram, long count, double p)
    {
        if (count == 0) return double.NaN;
        double target = p * count;
        long cumulative = 0;
        for (int b = 0; b < histogram.Count; b++)
        {
            cumulative += histogram[b];
            if (cumulative >= target)
                return Math.Exp(-SimulationTally.LogHazardRatioRange + (b + 0.5) * SimulationTally.LogHazardRatioBinWidth);
        }
        return double.NaN;
    }

    /// <summary>Combines shard results into the result of the whole run, bit-for-bit equal to running it at once.</summary>
    /// <exception cref="ArgumentException">The shards differ in seed, replicates or design, overlap, or leave a gap.</exception>
    public static SimulationResult Merge(IReadOnlyList<SimulationResult> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ArgumentException("Nothing to merge.", nameof(shards));
        var first = shards[0];
        foreach (var s in shards)
        {
            if (s.Seed != first.Seed) throw new ArgumentException($"Shards were run with different seeds ({first.Seed} and {s.Seed}).", nameof(shards));
            if (s.TotalReplicates != first.TotalReplicates) throw new ArgumentException($"Shards belong to runs of different sizes ({first.TotalReplicates} and {s.TotalReplicates} replicates).", nameof(shards));
            if (!s.Design.CriticalValues.SequenceEqual(first.Design.CriticalValues)) throw new ArgumentException("Shards were run with different designs.", nameof(shards));
            if (s.Test != first.Test) throw new ArgumentException($"Shards were run with different tests ({first.Test} and {s.Test}).", nameof(shards));
        }
        return first with { Tally = SimulationTally.Merge(shards.Select(s => s.Tally)) };
    }
}
