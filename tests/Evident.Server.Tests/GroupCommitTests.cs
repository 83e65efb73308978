using System.Text.Json;
using Evident.Randomization;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// Group commit (one transaction per batch of waiting writes): a write that fails inside a batch fails alone, the
/// others commit with their audit records, randomization ids follow commit order, and the chain verifies.
/// </summary>
public sealed class GroupCommitTests
{
    private static EnrolmentRequest Request(int i) => new($"G{i:D3}", i % 2 == 0 ? "S1" : "S2",
        new Dictionary<string, string> { ["risk"] = i % 4 < 2 ? "SR-average" : "SR-high" },
        new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });

    private static async Task RunAsync(TestApp app)
    {
        await app.SeedAsync(listLength: 100);
        var store = app.Store;
        int auditBefore = (await store.ReadAuditAsync()).Count;

        // 60 randomizations, 10 attempts to add an existing site (each must fail alone) and 5 new sites, all at once.
        var randomizations = Enumerable.Range(0, 60)
            .Select(i => Task.Run(() => store.RandomizeAsync(TestApp.Trial, Request(i), null, new Random(i), "coord"))).ToArray();
        var duplicates = Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.AddSiteAsync(TestApp.Trial, "S1", null, "admin"))).ToArray();
        var sites = Enumerable.Range(0, 5).Select(i => Task.Run(() => store.AddSiteAsync(TestApp.Trial, $"N{i}", null, "admin"))).ToArray();

        var outcomes = await Task.WhenAll(randomizations);
        foreach (var duplicate in duplicates) await Assert.ThrowsAsync<StoreConflictException>(() => duplicate);
        await Task.WhenAll(sites);

        Assert.All(outcomes, o => Assert.Equal(RandomizationStatus.Created, o.Status));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), outcomes.Select(o => o.Randomization!.Id).Order());
        Assert.Equal(7, (await store.ListSitesAsync(TestApp.Trial)).Count);

        var audit = await store.ReadAuditAsync();
        Assert.Equal(auditBefore + 65, audit.Count);
        var stored = (await store.ListRandomizationsAsync(TestApp.Trial)).ToDictionary(r => r.ParticipantId);
        foreach (var record in audit.Where(a => a.Action == "randomize"))
        {
            var r = stored[record.Entity["participant:".Length..]];
            using var details = JsonDocument.Parse(record.Details);
            Assert.Equal(r.Id, details.RootElement.GetProperty("id").GetInt64());
            Assert.Equal(r.Arm, details.RootElement.GetProperty("arm").GetString());
        }
        // Ids follow commit order: the audit records of randomizations are in ascending id order.
        var ids = audit.Where(a => a.Action == "randomize").Select(a => stored[a.Entity["participant:".Length..]].Id).ToArray();
        Assert.Equal(ids.Order(), ids);
        await Databases.AssertInvariantsAsync(app.Database, store, TestApp.Trial);
    }

    [Fact]
    public async Task Sqlite_a_failing_write_fails_alone_and_the_rest_of_its_batch_commits()
    {
        await using var app = new TestApp();
        await RunAsync(app);
    }

    [Fact]
    public async Task PostgreSql_a_failing_write_fails_alone_and_the_rest_of_its_batch_commits()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await using var app = new TestApp(database);
            await RunAsync(app);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }
}
