using System.Diagnostics;

namespace Evident.Storage;

/// <summary>
/// Where the group-commit writers' time goes, summed over every store of the process: batches, writes, how long writes
/// waited in the queue, how long each batch held the audit head (from its first statement to the end of its commit) and
/// how much of that was the commit itself (the durable flush). For the load benchmark (<c>--writer-stats 1</c>); off
/// by default, and nothing is timed while it is off.
/// </summary>
public static class GroupCommitMetrics
{
    private static long batches, writes, queuedTicks, lockedTicks, commitTicks;

    /// <summary>Whether batches are timed (off by default).</summary>
    public static bool Enabled { get; set; }

    /// <summary>The totals since the last <see cref="Reset"/>.</summary>
    public static GroupCommitTotals Read() => new(
        Interlocked.Read(ref batches), Interlocked.Read(ref writes), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref queuedTicks)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref lockedTicks)), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref commitTicks)));

    /// <summary>Sets every total to zero.</summary>
    public static void Reset()
    {
        Interlocked.Exchange(ref batches, 0);
        Interlocked.Exchange(ref writes, 0);
        Interlocked.Exchange(ref queuedTicks, 0);
        Interlocked.Exchange(ref lockedTicks, 0);
        Interlocked.Exchange(ref commitTicks, 0);
    }

    /// <summary>Adds one committed batch: its size, its writes' summed queue wait, its time holding the head, its commit.</summary>
    internal static void AddBatch(int size, long queued, long locked, long commit)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref writes, size);
        Interlocked.Add(ref queuedTicks, queued);
        Interlocked.Add(ref lockedTicks, locked);
        Interlocked.Add(ref commitTicks, commit);
    }
}
