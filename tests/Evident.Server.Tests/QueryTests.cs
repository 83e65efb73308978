using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// Data queries through the API on SQLite and PostgreSQL: a monitor opens a query on a captured entry, another site's
/// coordinator cannot see it, the participant's coordinator corrects the entry and answers, only the raiser closes,
/// nothing moves after the close; every step is audited and <c>audit verify</c> names a step changed or deleted in its table.
/// </summary>
public sealed class QueryTests
{
    private const string Queries = "/trials/AALL1731/queries";

    [Fact]
    public async Task A_query_is_opened_answered_and_closed_with_every_step_audited_on_sqlite() => await Walk(null);

    [Fact]
    public async Task A_query_is_opened_answered_and_closed_with_every_step_audited_on_postgresql() => await Walk(await Databases.CreatePostgresAsync());

    private static async Task Walk(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P1", "S1"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(30));
        var coord1 = app.As("coord1");
        var recorded = await TestApp.Json(await coord1.PostAsJsonAsync("/trials/AALL1731/participants/P1/follow-up", new { kind = "last_contact", date = "2026-02-10" }));
        long entry = recorded.GetProperty("entryId").GetInt64();
        var monitor = await Monitor(app);

        // The monitor reads but records nothing; opens a query.
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/trials/AALL1731/participants/P1/follow-up", new { kind = "death", date = "2026-02-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/trials/AALL1731/participants/P1/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TestApp.Randomize(monitor, TestApp.Enrolment("P9", "S1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/trials/AALL1731/randomizations/P1/unblind", new { reason = "curious" })).StatusCode);
        Assert.False((await TestApp.Json(await monitor.GetAsync("/trials/AALL1731/randomizations/P1"))).TryGetProperty("arm", out _), "a monitor sees no arm in a blinded trial");
        Assert.Equal(HttpStatusCode.Forbidden, (await coord1.PostAsJsonAsync(Queries, new { participantId = "P1", entryId = entry, text = "?" })).StatusCode);
        await TestApp.AssertProblem(await monitor.PostAsJsonAsync(Queries, new { participantId = "P1", entryId = entry, text = " " }), 400);
        Assert.Equal(HttpStatusCode.NotFound, (await monitor.PostAsJsonAsync(Queries, new { participantId = "P1", entryId = entry + 7, text = "Which date?" })).StatusCode);
        var opened = await monitor.PostAsJsonAsync(Queries, new { participantId = "P1", entryId = entry, text = "The clinic letter says 12 February." });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var query = await TestApp.Json(opened);
        long id = query.GetProperty("queryId").GetInt64();
        Assert.Equal(("open", "monitor", "S1"), (query.GetProperty("status").GetString(), query.GetProperty("raisedBy").GetString(), query.GetProperty("site").GetString()));

        // Only the participant's site sees and answers it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.As("coord2").GetAsync($"{Queries}/{id}")).StatusCode);
        Assert.Empty((await TestApp.Json(await app.As("coord2").GetAsync(Queries))).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As("admin").PostAsJsonAsync($"{Queries}/{id}/answers", new { text = "Checked." })).StatusCode);
        Assert.Single((await TestApp.Json(await coord1.GetAsync(Queries + "?status=open"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, (await coord1.PostAsJsonAsync($"/trials/AALL1731/participants/P1/entries/{entry}/corrections",
            new { kind = "last_contact", date = "2026-02-12", reason = "Query: clinic letter" })).StatusCode);
        var answered = await TestApp.Json(await coord1.PostAsJsonAsync($"{Queries}/{id}/answers", new { text = "Corrected to 12 February." }));
        Assert.Equal("answered", answered.GetProperty("status").GetString());

        // Only the raiser closes it, once.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As("blinded").PostAsJsonAsync($"{Queries}/{id}/close", new { })).StatusCode);
        var closed = await TestApp.Json(await monitor.PostAsJsonAsync($"{Queries}/{id}/close", new { text = "Thank you." }));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(["open", "answer", "close"], closed.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        await TestApp.AssertProblem(await coord1.PostAsJsonAsync($"{Queries}/{id}/answers", new { text = "More." }), 409);
        Assert.Empty((await TestApp.Json(await coord1.GetAsync(Queries + "?status=unresolved"))).EnumerateArray());
        await TestApp.AssertProblem(await coord1.GetAsync(Queries + "?status=pending"), 400);

        var trail = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(r => r.Action.StartsWith("query.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["query.open", "query.answer", "query.close"], trail.Select(r => r.Action));
        Assert.Equal(["monitor", "coord1", "monitor"], trail.Select(r => r.Actor));
        Assert.Equal($"{{\"entry\":{entry},\"query\":{id},\"site\":\"S1\",\"step\":2,\"text\":\"Corrected to 12 February.\"}}", trail[1].Details);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        await Databases.RowsAsync(app.Database, "UPDATE query_steps SET text = 'Nothing to change.' WHERE step = 2");
        Assert.StartsWith($"query {id} step 2 (participant 'P1' of trial AALL1731) has no query.answer record with its content", (await app.Store.VerifyAuditAsync()).Problem);
        await Databases.RowsAsync(app.Database, "DELETE FROM query_steps WHERE step = 2");
        var deleted = await app.Store.VerifyAuditAsync();
        Assert.Equal((trail[1].Sequence, $"audit record {trail[1].Sequence} (query.answer participant:P1 of trial AALL1731) has no row in query_steps with its content"),
            (deleted.FirstBroken!.Value, deleted.Problem));
    }

    /// <summary>A monitor added by the admin through the API.</summary>
    private static async Task<HttpClient> Monitor(TestApp app)
    {
        var added = await app.As("admin").PostAsJsonAsync("/trials/AALL1731/users", new { name = "monitor", role = "monitor" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await TestApp.Json(added)).GetProperty("token").GetString());
        return client;
    }
}
