namespace Evident.Design.Simulation;

/// <summary>
/// The raw counts of a block of simulated replicates. All fields are integers — continuous quantities are summed in
/// fixed point with resolution 2<sup>−32</sup> — so adding tallies is exact and associative: any split into threads or
/// shards, added in any order, gives bit-for-bit the single-run totals. Immutable.
/// </summary>
/// <remarks>
/// The estimated hazard ratio at the stopping look is kept per stopping look, as a sum and as a histogram of log HR on bins of width
/// <see cref="LogHazardRatioBinWidth"/> over [−<see cref="LogHazardRatioRange"/>, +<see cref="LogHazardRatioRange"/>]
/// (first and last bins collect the tails); quantiles are read from it to that resolution.
/// </remarks>
public sealed record SimulationTally
{
    /// <summary>Fixed-point scale of the continuous sums, 2³².</summary>
    public const double FixedPointScale = 4294967296.0;

    /// <summary>Width of a log hazard ratio histogram bin.</summary>
    public const double LogHazardRatioBinWidth = 0.001;

    /// <summary>Half-width of the log hazard ratio histogram.</summary>
    public const double LogHazardRatioRange = 5;

    /// <summary>Number of histogram bins.</summary>
    public const int HistogramBins = 10000;

    /// <summary>Index of the first replicate counted (0-based).</summary>
    public required long FirstReplicate { get; init; }

    /// <summary>Number of replicates counted (a contiguous block starting at <see cref="FirstReplicate"/>).</summary>
    public required long Replicates { get; init; }

    /// <summary>Replicates rejecting H0 at look k (not before).</summary>
    public required IReadOnlyList<long> RejectByLook { get; init; }

    /// <summary>Replicates stopping for futility at interim look k (K − 1 entries).</summary>
    public required IReadOnlyList<long> FutilityByLook { get; init; }

    /// <summary>Replicates whose planned events were never reached, so the trial ended at the last event (event-driven looks only).</summary>
    public required long EventsNotReached { get; init; }

    /// <summary>Σ primary events at the stopping look.</summary>
    public required long EventsSum { get; init; }

    /// <summary>Σ subjects enrolled at the stopping look.</summary>
    public required long SubjectsSum { get; init; }

    /// <summary>Σ calendar time of the stopping look, fixed point (× 2³²).</summary>
    public required Int128 DurationSum { get; init; }

    /// <summary>
    /// Replicates whose stopping look is look k (K entries): the look where a bound was crossed, the final look, or a
    /// look whose planned events never occurred (the trial ends there). Sums to <see cref="Replicates"/>.
    /// </summary>
    public required IReadOnlyList<long> StopsByLook { get; init; }

    /// <summary>Per stopping look k: Σ estimated hazard ratio over the replicates stopping there where it exists, fixed point (× 2³²).</summary>
    public required IReadOnlyList<Int128> HazardRatioSumByLook { get; init; }

    /// <summary>Per stopping look k: replicates stopping there whose hazard ratio estimate exists (log-rank variance &gt; 0).</summary>
    public required IReadOnlyList<long> HazardRatioCountByLook { get; init; }

    /// <summary>Per stopping look k: histogram of log HR (<see cref="HistogramBins"/> bins each).</summary>
    public required IReadOnlyList<IReadOnlyList<long>> LogHazardRatioHistogramByLook { get; init; }

    /// <summary>Adds tallies of adjacent replicate blocks; exact.</summary>
    /// <exception cref="ArgumentException">The parts are empty, have different numbers of looks, or do not form one contiguous block.</exception>
    public static SimulationTally Merge(IEnumerable<SimulationTally> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.OrderBy(p => p.FirstReplicate).ToList();
        if (list.Count == 0) throw new ArgumentException("Nothing to merge.", nameof(parts));
        var acc = new TallyAccumulator(list[0].RejectByLook.Count);
        long next = list[0].FirstReplicate;
        foreach (var part in list)
        {
            int looks = acc.RejectByLook.Length;
            if (part.RejectByLook.Count != looks || part.FutilityByLook.Count != acc.FutilityByLook.Length || part.StopsByLook.Count != looks
                || part.HazardRatioSumByLook.Count != looks || part.HazardRatioCountByLook.Count != looks || part.LogHazardRatioHistogramByLook.Count != looks)
                throw new ArgumentException("The parts were simulated with different numbers of looks.", nameof(parts));
            foreach (var histogram in part.LogHazardRatioHistogramByLook)
                if (histogram.Count != HistogramBins)
                    throw new ArgumentException($"A part has {histogram.Count} histogram bins; expected {HistogramBins}.", nameof(parts));
            if (part.FirstReplicate != next)
                throw new ArgumentException(part.FirstReplicate < next
                    ? $"Replicates from {part.FirstReplicate} are counted twice: shards overlap."
                    : $"Replicates {next}–{part.FirstReplicate - 1} are missing: a shard is absent.", nameof(parts));
            acc.Add(part);
            next += part.Replicates;
        }
        return acc.ToTally(list[0].FirstReplicate);
    }
}
