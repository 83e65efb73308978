namespace Evident.Storage;

/// <summary>Totals of <see cref="GroupCommitMetrics"/>.</summary>
/// <param name="Batches">Committed batches (transactions).</param>
/// <param name="Writes">Writes in them.</param>
/// <param name="Queued">Summed over writes: from queueing to the start of the batch that ran it.</param>
/// <param name="UnderLock">Summed over batches: from the first statement (the head read) to the end of the commit.</param>
/// <param name="Committing">Summed over batches: the commit alone.</param>
public sealed record GroupCommitTotals(long Batches, long Writes, TimeSpan Queued, TimeSpan UnderLock, TimeSpan Committing);
