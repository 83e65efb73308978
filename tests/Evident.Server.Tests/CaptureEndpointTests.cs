using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Evident.Trials.Capture;

namespace Evident.Server.Tests;

public sealed class CaptureEndpointTests
{
    private const string P1 = "/trials/AALL1731/participants/P1";

    /// <summary>A seeded app with P1 (site S1) and P2 (site S2) randomized on 2026-01-15, the clock then moved to 2026-07-15.</summary>
    private static async Task<TestApp> AppWithParticipants(string? database = null)
    {
        var app = await new TestApp(database).SeedAsync();
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P1", "S1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord2"), TestApp.Enrolment("P2", "S2"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(181));
        return app;
    }

    private static async Task<string> Snapshot(TestApp app) =>
        await app.SnapshotAsync() + $";capture={(await app.Store.HistoryAsync(TestApp.Trial, "P1")).Count + (await app.Store.HistoryAsync(TestApp.Trial, "P2")).Count}";

    private static async Task AssertInvalid(TestApp app, HttpClient client, string path, object body, string field)
    {
        string before = await Snapshot(app);
        var response = await client.PostAsJsonAsync(path, body);
        await TestApp.AssertProblem(response, 400);
        var errors = (await TestApp.Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error on '{field}', got {errors}");
        Assert.Equal(before, await Snapshot(app));
    }

    [Fact]
    public async Task Each_invalid_entry_is_400_naming_the_field_and_nothing_is_stored()
    {
        await using var app = await AppWithParticipants();
        var c = app.As("coord1");
        string fu = P1 + "/follow-up", ae = P1 + "/adverse-events";
        await AssertInvalid(app, c, fu, new { kind = "relapse", date = "2026-01-14", relapseSite = "marrow" }, "date");
        await AssertInvalid(app, c, fu, new { kind = "last_contact", date = "2026-07-16" }, "date");
        await AssertInvalid(app, c, fu, new { kind = "last_contact", date = "2026-13-01" }, "date");
        await AssertInvalid(app, c, fu, new { kind = "relapse", date = "2026-03-01" }, "relapseSite");
        await AssertInvalid(app, c, fu, new { kind = "relapse", date = "2026-03-01", relapseSite = "brain" }, "relapseSite");
        await AssertInvalid(app, c, fu, new { kind = "death", date = "2026-03-01", relapseSite = "cns" }, "relapseSite");
        await AssertInvalid(app, c, fu, new { kind = "cure", date = "2026-03-01" }, "kind");
        await AssertInvalid(app, c, fu, new { kind = "adverse_event", date = "2026-03-01" }, "kind");
        await AssertInvalid(app, c, ae, new { term = "Febrile neutropenia", grade = 0, onsetDate = "2026-02-01" }, "grade");
        await AssertInvalid(app, c, ae, new { term = "Febrile neutropenia", grade = 6, onsetDate = "2026-02-01" }, "grade");
        await AssertInvalid(app, c, ae, new { term = " ", grade = 3, onsetDate = "2026-02-01" }, "term");
        await AssertInvalid(app, c, ae, new { term = "Febrile neutropenia", grade = 3, onsetDate = "2025-12-31" }, "onsetDate");
        await AssertInvalid(app, c, ae, new { term = "Febrile neutropenia", grade = 3, onsetDate = "2027-01-01" }, "onsetDate");

        // Death on 2026-05-01: a second death, or anything after it, is refused.
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(fu, new { kind = "death", date = "2026-05-01" })).StatusCode);
        await AssertInvalid(app, c, fu, new { kind = "death", date = "2026-05-01" }, "kind");
        await AssertInvalid(app, c, fu, new { kind = "last_contact", date = "2026-05-02" }, "date");
        await AssertInvalid(app, c, ae, new { term = "Sepsis", grade = 4, onsetDate = "2026-06-01" }, "onsetDate");

        // A death dated before an existing entry is refused.
        var c2 = app.As("coord2");
        Assert.Equal(HttpStatusCode.Created, (await c2.PostAsJsonAsync("/trials/AALL1731/participants/P2/follow-up", new { kind = "last_contact", date = "2026-06-01" })).StatusCode);
        await AssertInvalid(app, c2, "/trials/AALL1731/participants/P2/follow-up", new { kind = "death", date = "2026-04-01" }, "date");
        // An entry on the day of death is allowed.
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(ae, new { term = "Sepsis", grade = 5, onsetDate = "2026-05-01" })).StatusCode);
        Assert.Equal(2, (await app.Store.HistoryAsync(TestApp.Trial, "P1")).Count);
    }

    [Fact]
    public void Rules_report_every_problem_of_an_entry_at_once()
    {
        var problems = CaptureRules.Problems(new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 1, 1), "cns", "", 9),
            new DateOnly(2026, 1, 15), new DateOnly(2026, 7, 15), []);
        Assert.Equal(new[] { "date", "grade", "relapseSite", "term" }, problems.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(CaptureRules.Problems(new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 7, 15), "combined", null, null),
            new DateOnly(2026, 1, 15), new DateOnly(2026, 7, 15), []));
    }

    [Fact]
    public async Task A_coordinator_cannot_record_or_read_another_sites_participant_and_blinded_roles_cannot_record()
    {
        await using var app = await AppWithParticipants();
        string before = await Snapshot(app);
        var coord2 = app.As("coord2");
        await TestApp.AssertProblem(await coord2.PostAsJsonAsync(P1 + "/follow-up", new { kind = "last_contact", date = "2026-06-01" }), 404);
        await TestApp.AssertProblem(await coord2.PostAsJsonAsync(P1 + "/adverse-events", new { term = "Nausea", grade = 1, onsetDate = "2026-06-01" }), 404);
        await TestApp.AssertProblem(await coord2.GetAsync(P1 + "/history"), 404);
        await TestApp.AssertProblem(await coord2.GetAsync(P1 + "/follow-up"), 404);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As("blinded").PostAsJsonAsync(P1 + "/follow-up", new { kind = "last_contact", date = "2026-06-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As("unblinded").PostAsJsonAsync(P1 + "/follow-up", new { kind = "last_contact", date = "2026-06-01" })).StatusCode);
        await TestApp.AssertProblem(await app.As("coord1").PostAsJsonAsync("/trials/AALL1731/participants/NOPE/follow-up", new { kind = "last_contact", date = "2026-06-01" }), 404);
        Assert.Equal(before, await Snapshot(app));

        var created = await app.As("coord1").PostAsJsonAsync(P1 + "/follow-up", new { kind = "relapse", date = "2026-06-01", relapseSite = "cns" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var blindedView = await TestApp.Json(await app.As("blinded").GetAsync(P1 + "/follow-up"));
        Assert.Equal(1, blindedView.GetArrayLength());
        Assert.Equal("cns", blindedView[0].GetProperty("relapseSite").GetString());
        Assert.False(blindedView[0].TryGetProperty("arm", out _));
        Assert.DoesNotContain("\"arm\"", await created.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nothing_is_recorded_for_an_invalidated_participant()
    {
        await using var app = await AppWithParticipants();
        await app.Store.InvalidateAsync(TestApp.Trial, "P1", "consent withdrawn before treatment", "cli:test");
        string before = await Snapshot(app);
        await TestApp.AssertProblem(await app.As("coord1").PostAsJsonAsync(P1 + "/follow-up", new { kind = "last_contact", date = "2026-06-01" }), 409);
        Assert.Equal(before, await Snapshot(app));
    }

    [Fact]
    public async Task A_correction_adds_a_version_with_its_reason_keeps_history_and_the_audit_chain_verifies()
    {
        await using var app = await AppWithParticipants();
        await CorrectionRoundTrip(app);
    }

    [Fact]
    public async Task A_correction_keeps_history_on_postgresql_too()
    {
        await using var app = await AppWithParticipants(await Databases.CreatePostgresAsync());
        await CorrectionRoundTrip(app);
    }

    private static async Task CorrectionRoundTrip(TestApp app)
    {
        var c = app.As("coord1");
        var first = await TestApp.Json(await c.PostAsJsonAsync(P1 + "/follow-up", new { kind = "relapse", date = "2026-04-10", relapseSite = "marrow" }));
        long entry = first.GetProperty("entryId").GetInt64();
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal("coord1", first.GetProperty("recordedBy").GetString());
        var ae = await c.PostAsJsonAsync(P1 + "/adverse-events", new { term = "Febrile neutropenia", grade = 3, onsetDate = "2026-02-03" });
        Assert.Equal(HttpStatusCode.Created, ae.StatusCode);

        string before = await Snapshot(app);
        await AssertInvalid(app, c, $"{P1}/entries/{entry}/corrections", new { kind = "relapse", date = "2026-04-10", relapseSite = "cns", reason = " " }, "reason");
        await AssertInvalid(app, c, $"{P1}/entries/{entry}/corrections", new { kind = "relapse", date = "2026-08-10", relapseSite = "cns", reason = "typo" }, "date");
        await TestApp.AssertProblem(await app.As("coord2").PostAsJsonAsync($"{P1}/entries/{entry}/corrections",
            new { kind = "relapse", date = "2026-04-10", relapseSite = "cns", reason = "typo" }), 404);
        await TestApp.AssertProblem(await c.PostAsJsonAsync($"{P1}/entries/999/corrections",
            new { kind = "relapse", date = "2026-04-10", relapseSite = "cns", reason = "typo" }), 404);
        Assert.Equal(before, await Snapshot(app));

        app.Clock.Advance(TimeSpan.FromHours(2));
        var corrected = await c.PostAsJsonAsync($"{P1}/entries/{entry}/corrections",
            new { kind = "relapse", date = "2026-04-12", relapseSite = "cns", reason = "Source document says isolated CNS relapse on 12 April" });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var v2 = await TestApp.Json(corrected);
        Assert.Equal(entry, v2.GetProperty("entryId").GetInt64());
        Assert.Equal(2, v2.GetProperty("version").GetInt32());

        var history = await TestApp.Json(await app.As("blinded").GetAsync(P1 + "/history"));
        Assert.Equal(3, history.GetArrayLength());
        var versions = history.EnumerateArray().Where(e => e.GetProperty("entryId").GetInt64() == entry).ToArray();
        Assert.Equal(2, versions.Length);
        Assert.Equal(("marrow", "2026-04-10", 1), (versions[0].GetProperty("relapseSite").GetString(), versions[0].GetProperty("date").GetString(), versions[0].GetProperty("version").GetInt32()));
        Assert.False(versions[0].TryGetProperty("reason", out _));
        Assert.Equal(("cns", "2026-04-12", 2), (versions[1].GetProperty("relapseSite").GetString(), versions[1].GetProperty("date").GetString(), versions[1].GetProperty("version").GetInt32()));
        Assert.Equal("Source document says isolated CNS relapse on 12 April", versions[1].GetProperty("reason").GetString());
        Assert.Equal(TestApp.Start.AddDays(181).AddHours(2), versions[1].GetProperty("recordedAt").GetDateTimeOffset());

        var current = await TestApp.Json(await c.GetAsync(P1 + "/follow-up"));
        Assert.Equal(1, current.GetArrayLength());
        Assert.Equal("cns", current[0].GetProperty("relapseSite").GetString());
        var aes = await TestApp.Json(await c.GetAsync(P1 + "/adverse-events"));
        Assert.Equal(("Febrile neutropenia", 3), (aes[0].GetProperty("term").GetString(), aes[0].GetProperty("grade").GetInt32()));

        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(a => a.Action.StartsWith("capture.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "capture.record", "capture.record", "capture.correct" }, audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("participant:P1", a.Entity));
        Assert.Equal("Source document says isolated CNS relapse on 12 April", audit[2].Reason);
        using (var details = JsonDocument.Parse(audit[2].Details))
        {
            Assert.Equal("cns", details.RootElement.GetProperty("relapse_site").GetString());
            Assert.Equal(2, details.RootElement.GetProperty("version").GetInt32());
            Assert.False(details.RootElement.TryGetProperty("arm", out _));
        }
        var verification = await app.Store.VerifyAuditAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
