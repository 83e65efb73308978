using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Evident.Cli;
using Evident.Storage;
using Npgsql;

namespace Evident.Server.Tests;

/// <summary>
/// Backups taken under load restore to a database whose audit trail verifies and that holds every randomization
/// acknowledged before the backup began: <c>evident backup</c> on SQLite, <c>pg_dump</c>/<c>pg_restore</c> on PostgreSQL
/// as docs/api.md describes.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_sqlite_backup_under_load_restores_with_every_acknowledged_randomization_and_a_verified_trail()
    {
        string folder = Directory.CreateTempSubdirectory("evident-backup-").FullName;
        try
        {
            string backup = Path.Combine(folder, "trial.backup.db"), restored = Path.Combine(folder, "restored.db");
            var before = await UnderLoadAsync(null, database =>
            {
                var (code, output) = Cli("backup", "--db", database, "--out", backup);
                Assert.True(code == 0, output);
                Assert.Contains("integrity check ok", output);
                return Task.CompletedTask;
            });
            Assert.False(Directory.EnumerateFiles(folder, "*.partial").Any());
            // Restore: the backup file put in place of the database (here: a copy under a new name).
            File.Copy(backup, restored);
            await AssertRestoredAsync(restored, before);
            Assert.Equal(0, Cli("audit", "verify", "--db", restored).Code);
            Assert.Equal(2, Cli("backup", "--db", Path.Combine(folder, "missing.db"), "--out", backup).Code);
            Assert.Equal(2, Cli("backup", "--db", restored, "--out", restored).Code);
            Assert.Equal(2, Cli("backup", "--db", "Host=127.0.0.1;Database=x", "--out", backup).Code);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_pg_dump_under_load_restores_with_every_acknowledged_randomization_and_a_verified_trail()
    {
        string source = await Databases.CreatePostgresAsync(), target = await Databases.CreatePostgresAsync();
        string dump = Path.Combine(Path.GetTempPath(), $"evident-{Guid.NewGuid():N}.dump");
        try
        {
            var before = await UnderLoadAsync(source, database => PgAsync("pg_dump", database, "--format=custom", $"--file={dump}"));
            await PgAsync("pg_restore", target, "--no-owner", "--exit-on-error", dump);
            await AssertRestoredAsync(target, before);
        }
        finally
        {
            File.Delete(dump);
            await Databases.DropPostgresAsync(source);
            await Databases.DropPostgresAsync(target);
        }
    }

    /// <summary>Randomizes from 16 clients, runs <paramref name="backUp"/> once some are acknowledged, and returns the ids acknowledged before it began.</summary>
    private static async Task<HashSet<string>> UnderLoadAsync(string? database, Func<string, Task> backUp)
    {
        await using var app = await new TestApp(database).SeedAsync(listLength: 2000);
        var acknowledged = new ConcurrentDictionary<string, bool>();
        using var stop = new CancellationTokenSource();
        int next = -1;
        var load = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var client = app.As("coord1");
            while (!stop.IsCancellationRequested)
            {
                int i = Interlocked.Increment(ref next);
                var response = await TestApp.Randomize(client, TestApp.Enrolment($"B{i:D5}", "S1", i % 2 == 0 ? "SR-average" : "SR-high"));
                if (response.StatusCode == HttpStatusCode.Created) acknowledged[$"B{i:D5}"] = true;
            }
        })).ToArray();
        while (acknowledged.Count < 50) await Task.Delay(10);
        var before = acknowledged.Keys.ToHashSet();
        int countBefore = before.Count;
        await backUp(app.Database);
        int countAfter = acknowledged.Count;
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.True(countAfter > countBefore, "the load went on during the backup");
        return before;
    }

    private static async Task AssertRestoredAsync(string database, HashSet<string> acknowledged)
    {
        await using var store = await TrialStore.OpenAsync(database, TimeProvider.System);
        var verification = await store.VerifyAuditAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        var stored = (await store.ListRandomizationsAsync(TestApp.Trial)).Select(r => r.ParticipantId).ToHashSet();
        Assert.Superset(acknowledged, stored);
        await Databases.AssertInvariantsAsync(database, store, TestApp.Trial);
    }

    private static async Task PgAsync(string tool, string connectionString, params string[] args)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in (string[])[$"--host={c.Host}", $"--port={c.Port}", $"--username={c.Username}", $"--dbname={c.Database}", .. args]) start.ArgumentList.Add(a);
        start.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(start)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {error}");
    }

    private static (int Code, string Out) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EvidentApp.Run(args, stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }
}
