using Evident.Storage;

namespace Evident.LoadBenchmark;

/// <summary>Prints the group-commit writer's figures of the measured run (<c>--writer-stats 1</c>, <see cref="GroupCommitMetrics"/>).</summary>
internal static class WriterStats
{
    public static void Print(GroupCommitTotals t, double seconds)
    {
        long batches = Math.Max(1, t.Batches), writes = Math.Max(1, t.Writes);
        Console.WriteLine($"writer batches   {t.Batches} transactions, {t.Writes / (double)batches:F1} writes per batch");
        Console.WriteLine($"writer queue     {t.Queued.TotalMilliseconds / writes:F1} ms per write waiting for its batch to start");
        Console.WriteLine($"writer head held {t.UnderLock.TotalMilliseconds / batches:F2} ms per batch, {t.UnderLock.TotalMilliseconds / writes:F3} ms per write; " +
                          $"held {100 * t.UnderLock.TotalSeconds / seconds:F0}% of the run");
        Console.WriteLine($"writer commit    {t.Committing.TotalMilliseconds / batches:F2} ms per batch ({100 * t.Committing.TotalSeconds / Math.Max(1e-9, t.UnderLock.TotalSeconds):F0}% of the time holding the head)");
    }
}
