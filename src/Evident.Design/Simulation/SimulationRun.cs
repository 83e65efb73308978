namespace Evident.Design.Simulation;

/// <summary>How many replicates to run, with which seed, which shard of them, and on how many threads. Immutable.</summary>
public sealed record SimulationRun
{
    /// <summary>Total number of replicates R ≥ 1 over all shards.</summary>
    public required long Replicates { get; init; }

    /// <summary>Seed; replicate i uses a generator derived from (Seed, i) only.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>0-based shard index, 0 ≤ index &lt; <see cref="ShardCount"/>. Shard i runs replicates ⌊iR/N⌋ … ⌊(i+1)R/N⌋ − 1.</summary>
    public int ShardIndex { get; init; }

    /// <summary>Number of shards N ≥ 1 (1 = the whole run).</summary>
    public int ShardCount { get; init; } = 1;

    /// <summary>Maximum threads; −1 = all processors. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Receives the number of replicates finished so far (from any thread), or null.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>
    /// Whether a MaxCombo look may be decided by closed-form bounds on its p-value where they prove the side of the
    /// boundaries (the default); false integrates every look to 1e-11, the reference for tests that compare the two.
    /// </summary>
    internal bool DecideByBounds { get; init; } = true;

    /// <summary>First replicate of this shard.</summary>
    public long FirstReplicate => (long)((Int128)Replicates * ShardIndex / ShardCount);

    /// <summary>One past the last replicate of this shard.</summary>
    public long EndReplicate => (long)((Int128)Replicates * (ShardIndex + 1) / ShardCount);
}
