using System.Net.Http.Json;
using System.Text.Json;

namespace Evident.Server.Tests;

/// <summary>
/// <c>GET /trials/{id}/participants</c> and <c>GET /trials/{id}/worklist</c> on SQLite and PostgreSQL over
/// <see cref="ParticipantListScenario"/>: per-participant counts and status, search, every sort, paging, the role rules
/// (a coordinator sees their own site only, arms only where the role may see them) and the worklist of each role.
/// </summary>
public sealed class ParticipantListTests
{
    private const string List = "/trials/AALL1731/participants";
    private const string Worklist = "/trials/AALL1731/worklist";

    [Fact]
    public async Task The_participant_list_searches_sorts_pages_and_follows_the_role_rules_on_sqlite() => await Walk(null);

    [Fact]
    public async Task The_participant_list_searches_sorts_pages_and_follows_the_role_rules_on_postgresql() => await Walk(await Databases.CreatePostgresAsync());

    [Fact]
    public async Task The_worklist_lists_visits_due_and_queries_to_answer_or_close_by_role_on_sqlite() => await WalkWorklist(null);

    [Fact]
    public async Task The_worklist_lists_visits_due_and_queries_to_answer_or_close_by_role_on_postgresql() => await WalkWorklist(await Databases.CreatePostgresAsync());

    private static async Task Walk(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        await ParticipantListScenario.SeedAsync(app);

        var all = await Get(app, "unblinded", List);
        Assert.Equal((6, 1, 25, "randomized", "asc"), (all.GetProperty("total").GetInt32(), all.GetProperty("page").GetInt32(),
            all.GetProperty("pageSize").GetInt32(), all.GetProperty("sort").GetString(), all.GetProperty("order").GetString()));
        Assert.Equal(["P-03", "P-01", "P-02", "P-10", "P-04", "P-05"], Ids(all));
        var p3 = Row(all, "P-03");
        Assert.Equal(("S1", "2026-03-01", 0, 1, 1, "on_study"), (p3.GetProperty("site").GetString(), p3.GetProperty("lastContact").GetString(),
            p3.GetProperty("events").GetInt32(), p3.GetProperty("openAdverseEvents").GetInt32(), p3.GetProperty("openQueries").GetInt32(), p3.GetProperty("status").GetString()));
        Assert.Equal("SR-high", p3.GetProperty("strata").GetProperty("risk").GetString());
        Assert.True(p3.TryGetProperty("arm", out _), "the unblinded statistician sees arms");
        var p1 = Row(all, "P-01");
        Assert.Equal((2, 0, 0, "dead", "2026-05-01", "SR-average"), (p1.GetProperty("events").GetInt32(), p1.GetProperty("openAdverseEvents").GetInt32(),
            p1.GetProperty("openQueries").GetInt32(), p1.GetProperty("status").GetString(), p1.GetProperty("lastContact").GetString(), p1.GetProperty("strata").GetProperty("risk").GetString()));
        Assert.Equal(("lost_to_follow_up", "2026-01-15"), (Row(all, "P-10").GetProperty("status").GetString(), Row(all, "P-10").GetProperty("lastContact").GetString()));
        Assert.Equal(("off_therapy", "2026-07-01"), (Row(all, "P-02").GetProperty("status").GetString(), Row(all, "P-02").GetProperty("lastContact").GetString()));
        Assert.Equal("withdrawn", Row(all, "P-04").GetProperty("status").GetString());

        // Role rules: a blinded trial shows no arm but to the unblinded statistician; a coordinator sees their own site only.
        foreach (string user in new[] { "admin", "coord1", "blinded" })
            Assert.All((await Get(app, user, List)).GetProperty("participants").EnumerateArray(), r => Assert.False(r.TryGetProperty("arm", out _), $"{user} sees an arm"));
        var coord1 = await Get(app, "coord1", List);
        Assert.Equal(4, coord1.GetProperty("total").GetInt32());
        Assert.Equal(["P-03", "P-01", "P-10", "P-05"], Ids(coord1));
        Assert.Equal(["P-02", "P-04"], Ids(await Get(app, "coord2", List)));
        Assert.Empty(Ids(await Get(app, "coord2", List + "?search=P-03")));

        // Every sort, both orders; ties by participant id.
        Assert.Equal(["P-01", "P-02", "P-03", "P-04", "P-05", "P-10"], Ids(await Get(app, "admin", List + "?sort=participant")));
        Assert.Equal(["P-10", "P-04", "P-03", "P-05", "P-01", "P-02"], Ids(await Get(app, "admin", List + "?sort=last_contact")));
        Assert.Equal(["P-02", "P-01", "P-05", "P-03", "P-04", "P-10"], Ids(await Get(app, "admin", List + "?sort=last_contact&order=desc")));
        Assert.Equal(["P-03", "P-05", "P-02", "P-04", "P-10", "P-01"], Ids(await Get(app, "admin", List + "?sort=status")));
        Assert.Equal(["P-01", "P-10", "P-04", "P-02", "P-03", "P-05"], Ids(await Get(app, "admin", List + "?sort=status&order=desc")));
        Assert.Equal(["P-05", "P-04", "P-10", "P-02", "P-01", "P-03"], Ids(await Get(app, "admin", List + "?order=desc")));

        // Paging and search (ignoring case); a page past the end is empty with the total.
        var page2 = await Get(app, "admin", List + "?sort=participant&order=desc&pageSize=2&page=2");
        Assert.Equal(6, page2.GetProperty("total").GetInt32());
        Assert.Equal(["P-04", "P-03"], Ids(page2));
        var beyond = await Get(app, "admin", List + "?pageSize=4&page=3");
        Assert.Equal((6, 0), (beyond.GetProperty("total").GetInt32(), Ids(beyond).Length));
        var search = await Get(app, "admin", List + "?search=p-0&sort=participant&pageSize=3");
        Assert.Equal(5, search.GetProperty("total").GetInt32());
        Assert.Equal(["P-01", "P-02", "P-03"], Ids(search));
        Assert.Equal(["P-10"], Ids(await Get(app, "coord1", List + "?search=10")));

        // Parameters out of range are 400, naming the parameter.
        foreach (var (query, field) in new[] { ("sort=arm", "sort"), ("order=up", "order"), ("page=0", "page"), ("pageSize=0", "pageSize"), ("pageSize=201", "pageSize"), ("search=" + new string('x', 65), "search") })
        {
            var bad = await app.As("admin").GetAsync(List + "?" + query);
            await TestApp.AssertProblem(bad, 400);
            Assert.True((await TestApp.Json(bad)).GetProperty("errors").TryGetProperty(field, out _), query);
        }
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(List)).StatusCode);
    }

    private static async Task WalkWorklist(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        long query = await ParticipantListScenario.SeedAsync(app);

        var coord1 = await Get(app, "coord1", Worklist);
        Assert.Equal("2026-08-03", coord1.GetProperty("asOf").GetString());
        var schedule = coord1.GetProperty("followUpSchedule");
        Assert.Equal((3.0, 1.0, "months"), (schedule.GetProperty("interval").GetDouble(), schedule.GetProperty("grace").GetDouble(), schedule.GetProperty("timeUnit").GetString()));
        var due = coord1.GetProperty("followUp").EnumerateArray().ToArray();
        Assert.Equal([("P-03", "overdue", "2026-03-01", "2026-06-01", "2026-07-01"), ("P-05", "due", "2026-04-25", "2026-07-26", "2026-08-25")],
            due.Select(d => (d.GetProperty("participantId").GetString(), d.GetProperty("state").GetString(), d.GetProperty("lastContact").GetString(),
                d.GetProperty("dueOn").GetString(), d.GetProperty("overdueFrom").GetString())));
        Assert.Equal(query, Assert.Single(coord1.GetProperty("queriesToAnswer").EnumerateArray()).GetProperty("queryId").GetInt64());
        Assert.Empty(coord1.GetProperty("queriesToClose").EnumerateArray());

        // Site S2 has nothing due (P-02 was seen on 2026-07-01; P-04 withdrew without follow-up) and no query.
        var coord2 = await Get(app, "coord2", Worklist);
        Assert.Empty(coord2.GetProperty("followUp").EnumerateArray());
        Assert.Empty(coord2.GetProperty("queriesToAnswer").EnumerateArray());
        Assert.Equal(["P-03", "P-05"], (await Get(app, "admin", Worklist)).GetProperty("followUp").EnumerateArray().Select(d => d.GetProperty("participantId").GetString()));

        // A statistician records nothing: no follow-up list; the query they raised waits on them once answered.
        var blinded = await Get(app, "blinded", Worklist);
        Assert.Empty(blinded.GetProperty("followUp").EnumerateArray());
        Assert.Empty(blinded.GetProperty("queriesToClose").EnumerateArray());
        Assert.Equal(System.Net.HttpStatusCode.Created, (await app.As("coord1").PostAsJsonAsync($"/trials/AALL1731/queries/{query}/answers", new { text = "Corrected." })).StatusCode);
        Assert.Empty((await Get(app, "coord1", Worklist)).GetProperty("queriesToAnswer").EnumerateArray());
        Assert.Equal(query, Assert.Single((await Get(app, "blinded", Worklist)).GetProperty("queriesToClose").EnumerateArray()).GetProperty("queryId").GetInt64());
        Assert.Empty((await Get(app, "unblinded", Worklist)).GetProperty("queriesToClose").EnumerateArray());

        // A month on, P-05 is overdue too; once seen, P-03 leaves the list.
        app.Clock.Advance(TimeSpan.FromDays(22));
        await app.As("coord1").PostAsJsonAsync("/trials/AALL1731/participants/P-03/follow-up", new { kind = "last_contact", date = "2026-08-20" });
        var later = (await Get(app, "coord1", Worklist)).GetProperty("followUp").EnumerateArray().ToArray();
        Assert.Equal(("P-05", "overdue"), (Assert.Single(later).GetProperty("participantId").GetString(), later[0].GetProperty("state").GetString()));
    }

    private static async Task<JsonElement> Get(TestApp app, string user, string url)
    {
        var response = await app.As(user).GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{user} GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await TestApp.Json(response);
    }

    private static string[] Ids(JsonElement page) => page.GetProperty("participants").EnumerateArray().Select(r => r.GetProperty("participantId").GetString()!).ToArray();

    private static JsonElement Row(JsonElement page, string id) => page.GetProperty("participants").EnumerateArray().Single(r => r.GetProperty("participantId").GetString() == id);
}
