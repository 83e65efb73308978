using System.Diagnostics.Metrics;
using Npgsql;

namespace Evident.LoadBenchmark;

/// <summary>
/// Where a PostgreSQL run's time goes (<c>--pg-stats</c>): Npgsql operations (each one network round trip) and committed
/// transactions per randomization, WAL flushes (fsyncs) from <c>pg_stat_wal</c>, and what the server's backends of this
/// database are doing, sampled from <c>pg_stat_activity</c> every few milliseconds: running, waiting for a lock, for a
/// WAL flush, or for the application's next command (inside a transaction: while holding the audit head's lock).
/// </summary>
internal sealed class PostgresProbe : IAsyncDisposable
{
    private readonly NpgsqlDataSource source;
    private readonly MeterListener listener = new();
    private readonly Dictionary<string, int> samples = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private long operations, probeOperations;
    private (long Commits, long WalSyncs, long WalWrites, long WalRecords) before;
    private Task? sampler;

    public PostgresProbe(string connectionString)
    {
        source = NpgsqlDataSource.Create(connectionString);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref operations));
        listener.Start();
    }

    /// <summary>Starts counting and sampling.</summary>
    public async Task StartAsync()
    {
        before = await CountersAsync();
        Interlocked.Exchange(ref operations, 0);
        sampler = Task.Run(SampleAsync);
    }

    /// <summary>Stops and prints the figures per randomization.</summary>
    public async Task StopAsync(int randomizations)
    {
        await stop.CancelAsync();
        await sampler!;
        var after = await CountersAsync();
        long own = Interlocked.Read(ref operations) - probeOperations;
        int total = Math.Max(1, samples.Values.Sum());
        Console.WriteLine($"pg round trips   {own / (double)randomizations:F2} Npgsql operations per randomization (commits not counted)");
        Console.WriteLine($"pg transactions  {(after.Commits - before.Commits) / (double)randomizations:F3} commits per randomization ({after.Commits - before.Commits} in all)");
        Console.WriteLine($"pg WAL flushes   {(after.WalSyncs - before.WalSyncs) / (double)randomizations:F3} fsyncs per randomization; {(after.WalRecords - before.WalRecords) / (double)randomizations:F1} WAL records per randomization");
        Console.WriteLine($"pg backends      {total} samples of active backends:");
        foreach (var (state, n) in samples.OrderByDescending(s => s.Value).Take(8)) Console.WriteLine($"                 {100.0 * n / total,5:F1}%  {state}");
    }

    private async Task<(long Commits, long WalSyncs, long WalWrites, long WalRecords)> CountersAsync()
    {
        await using var command = source.CreateCommand(
            "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()), wal_sync, wal_write, wal_records FROM pg_stat_wal");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Interlocked.Increment(ref probeOperations);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private async Task SampleAsync()
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT state, coalesce(wait_event_type || ':' || wait_event, 'running (CPU)') FROM pg_stat_activity " +
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'", connection);
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                {
                    string key = $"{reader.GetString(0)}, {reader.GetString(1)}";
                    samples[key] = samples.GetValueOrDefault(key) + 1;
                }
            Interlocked.Increment(ref probeOperations);
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        stop.Dispose();
        await source.DisposeAsync();
    }
}
