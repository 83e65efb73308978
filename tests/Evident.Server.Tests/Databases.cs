using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Evident.Server.Tests;

/// <summary>Direct access to a test database behind the service's back, and throw-away PostgreSQL databases.</summary>
public static class Databases
{
    /// <summary>
    /// The PostgreSQL server the tests use: <c>EVIDENT_TEST_POSTGRES</c>, by default the role <c>.ci/run</c> creates on
    /// 127.0.0.1. These tests do not skip: a missing server is a failure with instructions.
    /// </summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("EVIDENT_TEST_POSTGRES") is { Length: > 0 } s ? s : "Host=127.0.0.1;Port=5432;Username=evident;Password=evident;Database=postgres";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreatePostgresAsync()
    {
        string name = $"evident_test_{Guid.NewGuid():N}";
        try
        {
            await CreateDatabaseAsync(name);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            // No server yet: provision one the way .ci/run does (tools/start-test-postgres.sh), once, then retry.
            string? failure = await StartTestServerOnceAsync();
            try
            {
                await CreateDatabaseAsync(name);
            }
            catch (Exception again) when (again is NpgsqlException or System.Net.Sockets.SocketException)
            {
                Assert.Fail($"No PostgreSQL server at '{PostgresServer}' ({e.Message}); tools/start-test-postgres.sh could not provide one " +
                            $"({failure ?? again.Message}). Run it as root, or set EVIDENT_TEST_POSTGRES to a server where the role can create databases.");
            }
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, MaxPoolSize = 40 }.ToString();
    }

    private static async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static readonly SemaphoreSlim Provisioning = new(1, 1);
    private static bool _provisioned;

    /// <summary>Runs tools/start-test-postgres.sh once per test run (only for the default local server); null on success, else why not.</summary>
    private static async Task<string?> StartTestServerOnceAsync()
    {
        if (Environment.GetEnvironmentVariable("EVIDENT_TEST_POSTGRES") is { Length: > 0 }) return "EVIDENT_TEST_POSTGRES names another server";
        await Provisioning.WaitAsync();
        try
        {
            if (_provisioned) return null;
            string? script = null;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && script is null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tools", "start-test-postgres.sh");
                if (File.Exists(candidate)) script = candidate;
            }
            if (script is null) return "tools/start-test-postgres.sh not found above the test folder";
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", [script])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            string error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            _provisioned = process.ExitCode == 0;
            return _provisioned ? null : $"exit {process.ExitCode}: {error.Trim()}";
        }
        finally
        {
            Provisioning.Release();
        }
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresAsync"/>.</summary>
    public static async Task DropPostgresAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        string name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        // FORCE may not terminate a backend of another role (an autovacuum worker that has just started on the test
        // database: 42501), and a backend may still be leaving (55006); both pass within moments, so try again.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Runs a query directly on the database and returns every row's columns as text.</summary>
    public static async Task<List<string[]>> RowsAsync(string database, string sql)
    {
        await using DbConnection connection = database.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new NpgsqlConnection(database)
            : new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// The invariants that must hold after any load, crash or not: no participant twice, no slot twice, every stratum's
    /// used slots are exactly 1…n and carry the sealed list's arms (so the block balance of the list holds), and the
    /// audit chain has one randomize record per randomization and verifies.
    /// </summary>
    public static async Task AssertInvariantsAsync(string database, Evident.Storage.TrialStore store, string trial)
    {
        var rows = await RowsAsync(database, $"SELECT participant_id, stratum, seq, arm FROM randomizations WHERE trial_id = '{trial}'");
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => (r[1], r[2])).Distinct().Count());
        var list = (await store.ReadAllocationListAsync(trial)).ToDictionary(s => (s.Stratum, s.Sequence), s => s);
        foreach (var stratum in rows.GroupBy(r => r[1]))
        {
            var seqs = stratum.Select(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
            Assert.Equal(Enumerable.Range(1, seqs.Length), seqs);
            foreach (var r in stratum) Assert.Equal(list[(r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture))].Arm, r[3]);
            // Balance: within a stratum the arms never differ by more than half the largest block (6 / 2).
            int chemo = stratum.Count(r => r[3] == "chemotherapy");
            Assert.InRange(chemo - (seqs.Length - chemo), -3, 3);
            // …and are equal at every completed block boundary.
            var blocks = list.Values.Where(s => s.Stratum == stratum.Key && s.Sequence <= seqs.Length).GroupBy(s => s.Block);
            foreach (var block in blocks.Where(b => b.Count() == b.First().BlockSize))
                Assert.Equal(block.Count() / 2, block.Count(s => s.Arm == "chemotherapy"));
        }
        var audit = await store.ReadAuditAsync(trial);
        Assert.Equal(rows.Count, audit.Count(a => a.Action == "randomize"));
        var verification = await store.VerifyAuditAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
