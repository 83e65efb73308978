using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Evident.Server.Tests;

/// <summary>
/// The audit trail through the API on SQLite and PostgreSQL: filters by participant, actor, action and UTC day, paging
/// with the total in X-Total-Count, the CSV export in the protocol's words (a correction as old → new, arms blinded),
/// the chain's verification, bad filters as 400 naming the filter, and admins only.
/// </summary>
public sealed class AuditQueryTests
{
    private const string Audit = "/trials/AALL1731/audit";

    [Fact]
    public async Task Records_are_filtered_paged_exported_and_verified_on_sqlite() => await Walk(null);

    [Fact]
    public async Task Records_are_filtered_paged_exported_and_verified_on_postgresql() => await Walk(await Databases.CreatePostgresAsync());

    private static async Task Walk(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P1", "S1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord2"), TestApp.Enrolment("P2", "S2", "SR-average"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(20));
        var coord1 = app.As("coord1");
        var recorded = await TestApp.Json(await coord1.PostAsJsonAsync("/trials/AALL1731/participants/P1/follow-up", new { kind = "relapse", date = "2026-02-01", relapseSite = "cns" }));
        long entry = recorded.GetProperty("entryId").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await coord1.PostAsJsonAsync($"/trials/AALL1731/participants/P1/entries/{entry}/corrections",
            new { kind = "relapse", date = "2026-02-03", relapseSite = "combined", reason = "source document re-read" })).StatusCode);
        var admin = app.As("admin");

        var (all, total) = await Records(admin, "");
        Assert.Equal(all.Length, total);
        Assert.Equal(all.Select(r => r.GetProperty("sequence").GetInt64()).Order(), all.Select(r => r.GetProperty("sequence").GetInt64()));
        var (p1, p1Total) = await Records(admin, "?participant=P1");
        Assert.Equal(["randomize", "capture.record", "capture.correct"], p1.Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(3, p1Total);
        Assert.Equal(["capture.correct"], (await Records(admin, "?participant=P1&action=capture.correct")).Records.Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(["participant:P2"], (await Records(admin, "?actor=coord2")).Records.Select(r => r.GetProperty("entity").GetString()));
        Assert.Equal(["capture.record", "capture.correct"], (await Records(admin, "?from=2026-02-04")).Records.Select(r => r.GetProperty("action").GetString()));
        var firstDay = await Records(admin, "?to=2026-01-15");
        Assert.Equal(total - 2, firstDay.Total);
        Assert.Empty((await Records(admin, "?from=2026-01-16&to=2026-02-03")).Records);
        var page = await Records(admin, "?offset=1&limit=2");
        Assert.Equal(all.Skip(1).Take(2).Select(r => r.GetProperty("hash").GetString()), page.Records.Select(r => r.GetProperty("hash").GetString()));
        Assert.Equal(total, page.Total);
        Assert.Contains("\"arm\":\"(blinded)\"", p1[0].GetProperty("details").GetString());

        // Bad filters name themselves; nothing is read.
        var bad = await admin.GetAsync(Audit + "?from=15/01/2026&limit=0");
        await TestApp.AssertProblem(bad, 400);
        var problem = await TestApp.Json(await admin.GetAsync(Audit + "?from=15/01/2026&limit=0"));
        Assert.Equal("The first day must be a date written as 2026-01-15; '15/01/2026' is not.", problem.GetProperty("errors").GetProperty("from")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
        Assert.Equal("The last day (2026-01-01) is before the first day (2026-02-01).",
            (await TestApp.Json(await admin.GetAsync(Audit + ".csv?from=2026-02-01&to=2026-01-01"))).GetProperty("detail").GetString());

        var csv = await admin.GetAsync(Audit + ".csv?participant=P1");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("AALL1731-audit-P1.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        string[] lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,at_utc,actor,action,participant,subject,details,changes,reason,hash", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal($"{p1[0].GetProperty("sequence")},2026-01-15 09:00:00,coord1,Randomized,P1,Participant P1,Randomization number: R-000001; Site: Site one; Risk group: SR-high; " +
            "Aged 1 to 9.99 years at diagnosis?: Yes; Any prior anticancer therapy other than steroids?: No; " +
            "NCI standard risk with average or high minimal residual disease after induction?: Yes; Arm: (blinded),,", lines[1][..lines[1].LastIndexOf(',')]);
        Assert.Contains($",coord1,Corrected,P1,Participant P1,Record: Relapse; Date: 2026-02-03; Entry: {entry}; Relapse site: Combined; Site: Site one; Version: 2," +
            "Date: 2026-02-01 → 2026-02-03; Relapse site: Isolated CNS → Combined,source document re-read,", lines[3]);
        Assert.DoesNotContain("null", string.Join("\n", lines));

        var verified = await TestApp.Json(await admin.GetAsync(Audit + "/verification"));
        Assert.True(verified.GetProperty("isIntact").GetBoolean());
        Assert.Equal((await app.Store.ReadAuditAsync()).Count, verified.GetProperty("records").GetInt64());

        foreach (string user in new[] { "coord1", "blinded", "unblinded" })
            foreach (string path in new[] { Audit, Audit + ".csv", Audit + "/verification" })
                await TestApp.AssertProblem(await app.As(user).GetAsync(path), 403);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_filters_and_the_paging()
    {
        await using var app = new TestApp();
        var paths = (await TestApp.Json(await app.CreateClient().GetAsync("/openapi/v1.json"))).GetProperty("paths");
        string[] Parameters(string path) => [.. paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)];
        Assert.Equal(["participant", "actor", "action", "from", "to", "offset", "limit"], Parameters("/trials/{trialId}/audit"));
        Assert.Equal(["participant", "actor", "action", "from", "to"], Parameters("/trials/{trialId}/audit.csv"));
    }

    private static async Task<(JsonElement[] Records, long Total)> Records(HttpClient client, string query)
    {
        var response = await client.GetAsync(Audit + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        long total = long.Parse(Assert.Single(response.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture);
        return ((await TestApp.Json(response)).EnumerateArray().ToArray(), total);
    }
}
