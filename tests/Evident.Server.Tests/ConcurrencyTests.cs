using System.Collections.Concurrent;
using System.Net;

namespace Evident.Server.Tests;

/// <summary>64 concurrent clients randomize 5,000 participants across 2 sites × 2 strata, with duplicate submissions.</summary>
public sealed class ConcurrencyTests
{
    private const int Participants = 5000;
    private const int Clients = 64;

    private static async Task RunAsync(TestApp app)
    {
        await app.SeedAsync(listLength: 3000);
        var clients = Enumerable.Range(0, Clients).Select(c => app.As(c % 2 == 0 ? "coord1" : "coord2")).ToArray();
        var arms = new ConcurrentDictionary<string, string>();
        int next = -1;
        var failures = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var client = clients[c];
            string site = c % 2 == 0 ? "S1" : "S2";
            int i;
            while ((i = Interlocked.Increment(ref next)) < Participants)
            {
                // Participant ids are spread so each client keeps to its own site; every 10th is submitted twice.
                string id = $"{site}-{i:D5}";
                var body = TestApp.Enrolment(id, site, i % 4 < 2 ? "SR-average" : "SR-high");
                int times = i % 10 == 0 ? 2 : 1;
                for (int t = 0; t < times; t++)
                {
                    var response = await TestApp.Randomize(client, body, idempotencyKey: $"k-{id}");
                    if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)) { failures.Add($"{id}: {(int)response.StatusCode}"); continue; }
                    string json = await response.Content.ReadAsStringAsync();
                    if (!arms.TryAdd(id, json) && arms[id] != json) failures.Add($"{id}: second answer differs");
                }
            }
        })));
        Assert.Empty(failures);
        Assert.Equal(Participants, (await app.Store.ListRandomizationsAsync(TestApp.Trial)).Count);
        await Databases.AssertInvariantsAsync(app.Database, app.Store, TestApp.Trial);
    }

    [Fact]
    public async Task Sqlite_64_clients_5000_participants()
    {
        await using var app = new TestApp();
        await RunAsync(app);
    }

    [Fact]
    public async Task PostgreSql_64_clients_5000_participants()
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

    [Fact]
    public async Task PostgreSql_two_application_nodes_share_one_database()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await using var first = await new TestApp(database).SeedAsync(listLength: 500);
            await using var second = new TestApp(database);
            var clientA = first.As("coord1");
            var clientB = second.CreateClient();
            clientB.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", first.Token("coord1"));
            var tasks = Enumerable.Range(0, 400).Select(i =>
                TestApp.Randomize(i % 2 == 0 ? clientA : clientB, TestApp.Enrolment($"N{i / 2}", "S1", i % 4 < 2 ? "SR-average" : "SR-high"))).ToArray();
            var responses = await Task.WhenAll(tasks);
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
            Assert.Equal(200, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            await Databases.AssertInvariantsAsync(database, first.Store, TestApp.Trial);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }
}
