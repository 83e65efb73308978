using Evident.Storage;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Evident.Randomization.Capture;

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

    [Fact]
    public async Task An_adverse_event_end_date_is_stored_returned_corrected_and_audited()
    {
        await using var app = await AppWithParticipants();
        var c = app.As("coord1");
        string ae = P1 + "/adverse-events";
        await AssertInvalid(app, c, ae, new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "2026-02-30" }, "endDate");
        await AssertInvalid(app, c, ae, new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "10 Feb 2026" }, "endDate");
        await AssertInvalid(app, c, ae, new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "2026-01-31" }, "endDate");
        await AssertInvalid(app, c, ae, new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "2026-07-16" }, "endDate");
        var malformed = await c.PostAsJsonAsync(ae, new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "2026-02-30" });
        Assert.Equal(["The end date, when given, must be a date written yyyy-MM-dd (leave it out while the event is ongoing)."],
            (await TestApp.Json(malformed)).GetProperty("errors").GetProperty("endDate").EnumerateArray().Select(m => m.GetString()));
        var before = (await TestApp.Json(await c.PostAsJsonAsync(ae, new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "2026-01-31" })))
            .GetProperty("errors").GetProperty("endDate");
        Assert.Equal("The end date 2026-01-31 is before the onset date 2026-02-01.", before[0].GetString());

        var created = await TestApp.Json(await c.PostAsJsonAsync(ae, new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "2026-02-10" }));
        Assert.Equal(("2026-02-01", "2026-02-10"), (created.GetProperty("date").GetString(), created.GetProperty("endDate").GetString()));
        long entry = created.GetProperty("entryId").GetInt64();
        var ongoing = await TestApp.Json(await c.PostAsJsonAsync(ae, new { term = "Nausea", grade = 1, onsetDate = "2026-03-01" }));
        Assert.False(ongoing.TryGetProperty("endDate", out _));

        var current = await TestApp.Json(await app.As("blinded").GetAsync(ae));
        Assert.Equal([("Sepsis", "2026-02-10"), ("Nausea", null)],
            current.EnumerateArray().Select(e => (e.GetProperty("term").GetString(), e.TryGetProperty("endDate", out var end) ? end.GetString() : null)));

        // Corrections: a malformed end date, or one on a follow-up kind, is 400 naming endDate; nothing is stored.
        string corrections = $"{P1}/entries/{entry}/corrections";
        await AssertInvalid(app, c, corrections, new { kind = "adverse_event", date = "2026-02-01", term = "Sepsis", grade = 3, endDate = "yesterday", reason = "typo" }, "endDate");
        var fu = await TestApp.Json(await c.PostAsJsonAsync(P1 + "/follow-up", new { kind = "relapse", date = "2026-04-10", relapseSite = "marrow" }));
        await AssertInvalid(app, c, $"{P1}/entries/{fu.GetProperty("entryId").GetInt64()}/corrections",
            new { kind = "relapse", date = "2026-04-10", relapseSite = "marrow", endDate = "2026-04-11", reason = "typo" }, "endDate");

        var corrected = await TestApp.Json(await c.PostAsJsonAsync(corrections,
            new { kind = "adverse_event", date = "2026-02-01", term = "Sepsis", grade = 3, endDate = "2026-02-12", reason = "discharge letter" }));
        Assert.Equal((2, "2026-02-12"), (corrected.GetProperty("version").GetInt32(), corrected.GetProperty("endDate").GetString()));
        var history = (await app.Store.HistoryAsync(TestApp.Trial, "P1")).Where(e => e.EntryId == entry).Select(e => e.Content.EndDate);
        Assert.Equal([new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 12)], history.Select(d => d!.Value));

        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(a => a.Action.StartsWith("capture.", StringComparison.Ordinal)).ToArray();
        string?[] ends = audit.Select(a =>
        {
            using var details = JsonDocument.Parse(a.Details);
            return details.RootElement.TryGetProperty("end_date", out var end) ? end.GetString() : null;
        }).ToArray();
        Assert.Equal(new[] { "2026-02-10", null, null, "2026-02-12" }, ends);
        var verification = await app.Store.VerifyAuditAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task A_death_dated_before_an_adverse_events_end_is_refused_and_an_end_after_death_too()
    {
        await using var app = await AppWithParticipants();
        var c = app.As("coord1");
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(P1 + "/adverse-events", new { term = "Sepsis", grade = 4, onsetDate = "2026-02-01", endDate = "2026-03-01" })).StatusCode);
        var early = await c.PostAsJsonAsync(P1 + "/follow-up", new { kind = "death", date = "2026-02-20" });
        await TestApp.AssertProblem(early, 400);
        Assert.Equal("The death date 2026-02-20 is before the end date 2026-03-01 of an adverse event; nothing may follow death.",
            (await TestApp.Json(early)).GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(P1 + "/follow-up", new { kind = "death", date = "2026-03-01" })).StatusCode);
        var late = await c.PostAsJsonAsync(P1 + "/adverse-events", new { term = "Nausea", grade = 1, onsetDate = "2026-02-15", endDate = "2026-03-02" });
        await TestApp.AssertProblem(late, 400);
        Assert.Equal("The end date 2026-03-02 is after the participant's death on 2026-03-01.",
            (await TestApp.Json(late)).GetProperty("errors").GetProperty("endDate")[0].GetString());
        Assert.Equal(2, (await app.Store.HistoryAsync(TestApp.Trial, "P1")).Count);
    }

    [Fact]
    public async Task An_sqlite_database_made_before_end_dates_is_upgraded_when_opened() =>
        await UpgradeRoundTrip(Path.Combine(Path.GetTempPath(), $"evident-test-{Guid.NewGuid():N}.db"), "INTEGER PRIMARY KEY",
            "SELECT name FROM pragma_table_info('capture_entries') WHERE name = 'end_date'");

    [Fact]
    public async Task A_postgresql_database_made_before_end_dates_is_upgraded_when_opened() =>
        await UpgradeRoundTrip(await Databases.CreatePostgresAsync(), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'capture_entries' AND column_name = 'end_date'");

    /// <summary>
    /// capture_entries as it was created before end_date (without its foreign key, as the trial is seeded later), with
    /// one entry already in it; opening the store adds the column, old rows read as ongoing, new ones keep their end date.
    /// </summary>
    private static async Task UpgradeRoundTrip(string database, string idColumn, string endDateColumn)
    {
        await Databases.RowsAsync(database, $"""
            CREATE TABLE capture_entries (
              id {idColumn}, trial_id TEXT NOT NULL, participant_id TEXT NOT NULL, site_id TEXT NOT NULL,
              entry_id BIGINT NOT NULL, version INTEGER NOT NULL, kind TEXT NOT NULL, event_date TEXT NOT NULL,
              relapse_site TEXT NULL, term TEXT NULL, grade INTEGER NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL,
              reason TEXT NULL, UNIQUE (trial_id, entry_id, version))
            """);
        await Databases.RowsAsync(database, """
            INSERT INTO capture_entries (trial_id, participant_id, site_id, entry_id, version, kind, event_date, relapse_site, term, grade, recorded_at, recorded_by, reason)
            VALUES ('AALL1731', 'P1', 'S1', 1, 1, 'adverse_event', '2026-01-20', NULL, 'Nausea', 1, '2026-01-20T10:00:00.0000000Z', 'coord1', NULL)
            """);
        Assert.Empty(await Databases.RowsAsync(database, endDateColumn));

        await using var app = await AppWithParticipants(database);
        Assert.Equal([["end_date"]], await Databases.RowsAsync(database, endDateColumn));
        var created = await app.As("coord1").PostAsJsonAsync(P1 + "/adverse-events", new { term = "Sepsis", grade = 3, onsetDate = "2026-02-01", endDate = "2026-02-10" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var view = await TestApp.Json(created);
        Assert.Equal((2L, "2026-02-10"), (view.GetProperty("entryId").GetInt64(), view.GetProperty("endDate").GetString()));
        var entries = await app.Store.ListCurrentAsync(TestApp.Trial, "P1");
        Assert.Equal([("Nausea", (DateOnly?)null), ("Sepsis", new DateOnly(2026, 2, 10))], entries.Select(e => (e.Content.Term, e.Content.EndDate)));

        // Opening the upgraded database again leaves it as it is.
        await using var again = new TestApp(database);
        Assert.Equal([("Nausea", (DateOnly?)null), ("Sepsis", new DateOnly(2026, 2, 10))],
            (await again.Store.ListCurrentAsync(TestApp.Trial, "P1")).Select(e => (e.Content.Term, e.Content.EndDate)));
    }
}
