using System.Data.Common;
using System.Text.Json;
using Evident.Randomization;
using Evident.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Evident.Server.Tests;

/// <summary>
/// Many randomizations decided in one batch (the writer held up behind a lock on the audit head, so they all queue and
/// are taken together; on PostgreSQL their state is read once with the head and their rows sent as set-based inserts)
/// give exactly what the sequential rule gives: the same requests replayed one at a time, in the batch's commit order,
/// on a fresh store seeded the same way, answer the same, store the same rows and covariates, and write the same
/// randomize audit records; both chains verify. Repeats, an Idempotency-Key held by another participant and an unknown
/// site are in the batch.
/// </summary>
public sealed class BatchedRandomizationTests
{
    private const int New = 80;

    private static IReadOnlyList<(EnrolmentRequest Request, string? Key)> Requests()
    {
        var list = new List<(EnrolmentRequest, string?)>();
        for (int i = 0; i < New; i++) list.Add((Request($"B{i:D3}", i), i % 3 == 0 ? $"k{i}" : null));
        for (int i = 0; i < 8; i++) list.Add((Request($"B{i:D3}", i), i % 3 == 0 ? $"k{i}" : null));
        list.Add((Request("B900", 1), "k0"));
        list.Add((Request("B901", 2) with { Site = "S9" }, null));
        return list;
    }

    private static EnrolmentRequest Request(string participant, int i) => new(participant, i % 2 == 0 ? "S1" : "S2",
        new Dictionary<string, string> { ["risk"] = i % 4 < 2 ? "SR-average" : "SR-high" },
        new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false },
        i % 2 == 0 ? new Dictionary<string, string> { ["sex"] = i % 4 == 0 ? "female" : "male" } : null);

    [Fact]
    public async Task Sqlite_a_batch_decides_as_the_sequential_rule_would()
    {
        await using var app = await new TestApp().SeedAsync();
        await using var holder = new SqliteConnection($"Data Source={app.Database};Pooling=False");
        await holder.OpenAsync();
        await CompareWithSequentialAsync(app, holder, "BEGIN IMMEDIATE");
    }

    [Fact]
    public async Task PostgreSql_a_batch_decides_as_the_sequential_rule_would()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await using var app = await new TestApp(database).SeedAsync();
            await using var holder = new NpgsqlConnection(database);
            await holder.OpenAsync();
            await CompareWithSequentialAsync(app, holder, "BEGIN; SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE");
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task CompareWithSequentialAsync(TestApp app, DbConnection holder, string holdHead)
    {
        var requests = Requests();
        await Execute(holder, holdHead);
        var running = requests.Select(r => Task.Run(() => app.Store.RandomizeAsync(TestApp.Trial, r.Request, r.Key, new Random(1), "coord"))).ToArray();
        // Let every request reach the writer's queue while the head is held, then release it: they commit in few batches.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await Execute(holder, "COMMIT");
        var batched = await Task.WhenAll(running);

        Assert.Equal(New, batched.Count(o => o.Status == RandomizationStatus.Created));
        Assert.True(batched.Count(o => o.Status == RandomizationStatus.Existing) >= 7);
        // The sequential rule: the created ones in commit (id) order, then those that changed nothing.
        var order = Enumerable.Range(0, requests.Count)
            .OrderBy(i => batched[i].Status == RandomizationStatus.Created ? batched[i].Randomization!.Id : long.MaxValue).ThenBy(i => i).ToArray();
        await using var sequentialApp = await new TestApp().SeedAsync();
        var sequential = new RandomizationOutcome[requests.Count];
        foreach (int i in order) sequential[i] = await sequentialApp.Store.RandomizeAsync(TestApp.Trial, requests[i].Request, requests[i].Key, new Random(1), "coord");

        for (int i = 0; i < requests.Count; i++) Assert.Equal(Answer(sequential[i]), Answer(batched[i]));
        // B000 and B900 share a key: whichever came first is created, the other is a conflict (and so is its repeat).
        Assert.Contains(RandomizationStatus.Conflict, new[] { batched[0].Status, batched[^2].Status });
        Assert.Equal(RandomizationStatus.UnknownSite, batched[^1].Status);
        foreach (string sql in new[]
        {
            "SELECT id, participant_id, site_id, stratum, seq, arm, idempotency_key, strata_json, eligibility_json, randomized_at, randomized_by FROM randomizations ORDER BY id",
            "SELECT trial_id, participant_id, covariate, value FROM baseline_values ORDER BY participant_id, covariate",
        })
        {
            Assert.Equal(Rows(await Databases.RowsAsync(sequentialApp.Database, sql)), Rows(await Databases.RowsAsync(app.Database, sql)));
        }
        Assert.Equal(RandomizeRecords(await sequentialApp.Store.ReadAuditAsync()), RandomizeRecords(await app.Store.ReadAuditAsync()));
        await Databases.AssertInvariantsAsync(app.Database, app.Store, TestApp.Trial);
        await Databases.AssertInvariantsAsync(sequentialApp.Database, sequentialApp.Store, TestApp.Trial);
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Answer(RandomizationOutcome o) => $"{o.Status} {o.Message} {JsonSerializer.Serialize(o.Randomization)}";

    private static string[] Rows(List<string[]> rows) => [.. rows.Select(r => string.Join("|", r))];

    private static string[] RandomizeRecords(IReadOnlyList<Evident.Randomization.Audit.AuditRecord> audit) =>
        [.. audit.Where(a => a.Action == "randomize").Select(a => $"{a.Entity} {a.At} {a.Actor} {a.Details}")];
}
