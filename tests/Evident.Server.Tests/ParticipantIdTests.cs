using System.Net;
using System.Net.Http.Json;
using Evident.Randomization;

namespace Evident.Server.Tests;

/// <summary>
/// The participant id rule at the API (<see cref="ParticipantIds"/>): every accepted id is addressable at its Location,
/// look-alikes are one participant or refused, and ids stored before the rule stay readable; on SQLite and PostgreSQL.
/// </summary>
public sealed class ParticipantIdTests
{
    private static readonly string[] Accepted = ["site:12.004", "P.1", "...", "Zoë-7", "患者-3", "Ærø_Ω"];

    [Fact]
    public Task Every_accepted_id_is_addressable_at_its_location_on_sqlite() => OnSqlite(Addressable);

    [Fact]
    public Task Every_accepted_id_is_addressable_at_its_location_on_postgresql() => OnPostgres(Addressable);

    [Fact]
    public Task Slashes_dots_and_look_alikes_are_refused_with_a_detail_and_nothing_is_written_on_sqlite() => OnSqlite(Refused);

    [Fact]
    public Task Slashes_dots_and_look_alikes_are_refused_with_a_detail_and_nothing_is_written_on_postgresql() => OnPostgres(Refused);

    [Fact]
    public Task A_decomposed_accent_is_the_same_participant_on_sqlite() => OnSqlite(OneParticipant);

    [Fact]
    public Task A_decomposed_accent_is_the_same_participant_on_postgresql() => OnPostgres(OneParticipant);

    [Fact]
    public async Task An_id_stored_before_the_rule_stays_readable()
    {
        await using var app = await new TestApp().SeedAsync(blinded: false);
        var old = new EnrolmentRequest("old id 7", "S1", new Dictionary<string, string> { ["risk"] = "SR-high" },
            new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });
        await app.Store.RandomizeAsync(TestApp.Trial, old, null, new Random(1), "cli:test");
        var read = await app.As("coord1").GetAsync("/trials/AALL1731/randomizations/old%20id%207");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("old id 7", (await TestApp.Json(read)).GetProperty("participantId").GetString());
        var unblind = await app.As("unblinded").PostAsJsonAsync("/trials/AALL1731/randomizations/old%20id%207/unblind", new { reason = "SAE" });
        Assert.Equal(HttpStatusCode.OK, unblind.StatusCode);
    }

    private static async Task Addressable(TestApp app)
    {
        var coordinator = app.As("coord1");
        foreach (string id in Accepted)
        {
            var created = await TestApp.Randomize(coordinator, TestApp.Enrolment(id, "S1"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            string location = created.Headers.Location!.OriginalString;
            Assert.Equal("/trials/AALL1731/randomizations/" + Uri.EscapeDataString(id), location);

            var read = await coordinator.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(id, (await TestApp.Json(read)).GetProperty("participantId").GetString());

            string participant = "/trials/AALL1731/participants/" + Uri.EscapeDataString(id);
            var followUp = await coordinator.PostAsJsonAsync(participant + "/follow-up", new { kind = "last_contact", date = "2026-01-15" });
            Assert.Equal(HttpStatusCode.Created, followUp.StatusCode);
            Assert.Single((await TestApp.Json(await coordinator.GetAsync(participant + "/follow-up"))).EnumerateArray());

            var unblind = await app.As("unblinded").PostAsJsonAsync(location + "/unblind", new { reason = "SAE" });
            Assert.Equal(HttpStatusCode.OK, unblind.StatusCode);
            Assert.Equal(id, (await TestApp.Json(unblind)).GetProperty("participantId").GetString());
        }
        var invalidated = await app.As("admin").PostAsJsonAsync("/trials/AALL1731/randomizations/" + Uri.EscapeDataString("...") + "/invalidate", new { reason = "entered twice" });
        Assert.Equal(HttpStatusCode.OK, invalidated.StatusCode);
        Assert.Equal(Accepted.Order(StringComparer.Ordinal), (await app.Store.ListRandomizationsAsync(TestApp.Trial)).Select(r => r.ParticipantId).Order(StringComparer.Ordinal));
    }

    private static async Task Refused(TestApp app)
    {
        var refused = new (string Id, string Named)[]
        {
            ("A/B", "'/' (U+002F)"),
            ("A∕B", "'∕' (U+2215)"),
            ("..", "cannot be '..'"),
            (".", "cannot be '.'"),
            ("P\u200B1", "U+200B"),
            ("P\u202E1", "U+202E"),
            ("P 1", "a space (U+0020)"),
            ("", "is required"),
            (new string('p', 65), "has 65 characters"),
        };
        var coordinator = app.As("coord1");
        string before = await app.SnapshotAsync();
        foreach (var (id, named) in refused)
        {
            var response = await TestApp.Randomize(coordinator, TestApp.Enrolment(id, "S1"));
            await TestApp.AssertProblem(response, 400);
            var problem = await TestApp.Json(response);
            string message = problem.GetProperty("errors").GetProperty("participantId")[0].GetString()!;
            Assert.Contains(named, message);
            Assert.EndsWith(ParticipantIds.Rule, message);
            Assert.Equal(message, problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before, await app.SnapshotAsync());
    }

    private static async Task OneParticipant(TestApp app)
    {
        var coordinator = app.As("coord1");
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(coordinator, TestApp.Enrolment("Zo\u00EB", "S1"))).StatusCode);
        var decomposed = await TestApp.Randomize(coordinator, TestApp.Enrolment("Zoe\u0308", "S1"));
        Assert.Equal(HttpStatusCode.OK, decomposed.StatusCode);
        Assert.Equal("Zo\u00EB", (await TestApp.Json(decomposed)).GetProperty("participantId").GetString());
        var read = await coordinator.GetAsync("/trials/AALL1731/randomizations/" + Uri.EscapeDataString("Zoe\u0308"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Zo\u00EB", (await TestApp.Json(read)).GetProperty("participantId").GetString());
        Assert.Single(await app.Store.ListRandomizationsAsync(TestApp.Trial));
    }

    private static async Task OnSqlite(Func<TestApp, Task> test)
    {
        await using var app = await new TestApp().SeedAsync(blinded: false);
        await test(app);
    }

    private static async Task OnPostgres(Func<TestApp, Task> test)
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await using var app = await new TestApp(database).SeedAsync(blinded: false);
            await test(app);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }
}
