using System.Net;
using System.Net.Http.Json;
using Evident.Randomization.Capture;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// The adverse-event assessment (term from the protocol's list, seriousness with its ICH E2A criteria, attribution,
/// action taken, outcome) through the API, versioned and audited, and the expedited review of serious adverse events
/// by the admin and the unblinded statistician, on SQLite and PostgreSQL.
/// </summary>
public sealed class SeriousAdverseEventTests
{
    private const string P1 = "/trials/AALL1731/participants/P1";
    private const string ToReview = "/trials/AALL1731/serious-adverse-events";

    /// <summary>P1 (S1) and P2 (S2) randomized on 2026-01-15; today is 2026-07-15.</summary>
    private static async Task<TestApp> AppWithParticipants(string? database = null, string? yaml = null)
    {
        var app = await new TestApp(database).SeedAsync(yaml: yaml);
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P1", "S1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord2"), TestApp.Enrolment("P2", "S2"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(181));
        return app;
    }

    /// <summary>A serious sepsis: grade 4, hospitalization and life-threatening, probably related, treatment interrupted, not recovered.</summary>
    private static object SeriousSepsis(string onset = "2026-03-01") => new
    {
        term = "Sepsis", grade = 4, onsetDate = onset, serious = true, seriousCriteria = new[] { "hospitalization", "life_threatening" },
        attribution = "probable", actionTaken = "interrupted", outcome = "not_recovered",
    };

    [Fact]
    public async Task A_serious_adverse_event_is_recorded_audited_corrected_and_reviewed_on_sqlite() =>
        await ReviewFlow(await AppWithParticipants());

    [Fact]
    public async Task A_serious_adverse_event_is_recorded_audited_corrected_and_reviewed_on_postgresql() =>
        await ReviewFlow(await AppWithParticipants(await Databases.CreatePostgresAsync()));

    private static async Task ReviewFlow(TestApp app)
    {
        await using var owned = app;
        var c = app.As("coord1");
        var created = await c.PostAsJsonAsync(P1 + "/adverse-events", SeriousSepsis());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await TestApp.Json(created);
        Assert.True(view.GetProperty("serious").GetBoolean());
        Assert.Equal(["life_threatening", "hospitalization"], view.GetProperty("seriousCriteria").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("probable", view.GetProperty("attribution").GetString());
        Assert.Equal("interrupted", view.GetProperty("actionTaken").GetString());
        Assert.Equal("not_recovered", view.GetProperty("outcome").GetString());
        long entry = view.GetProperty("entryId").GetInt64();
        // A non-serious event, and one recorded without an assessment (as before the form asked), stay off the review list.
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(P1 + "/adverse-events", new
        {
            term = "Nausea", grade = 1, onsetDate = "2026-03-02", serious = false, attribution = "unlikely", actionTaken = "none", outcome = "recovering",
        })).StatusCode);
        var plain = await TestApp.Json(await c.PostAsJsonAsync(P1 + "/adverse-events", new { term = "Nausea", grade = 2, onsetDate = "2026-03-03" }));
        Assert.False(plain.TryGetProperty("serious", out _));

        var stored = (await app.Store.ListCurrentAsync(TestApp.Trial, "P1"))[0].Content.Assessment;
        Assert.Equal(new AdverseEventAssessment(true, SeriousCriteria.Hospitalization | SeriousCriteria.LifeThreatening, Attribution.Probable, ActionTaken.Interrupted,
            AdverseEventOutcome.NotRecovered), stored);
        var recorded = (await app.Store.ReadAuditAsync(TestApp.Trial)).Last(r => r.Action == "capture.record" && r.Details.Contains("\"entry\":" + entry + ",", StringComparison.Ordinal));
        Assert.StartsWith("{\"action_taken\":\"interrupted\",\"attribution\":\"probable\",\"date\":\"2026-03-01\"", recorded.Details, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"not_recovered\",\"relapse_site\":null,\"serious\":true,\"serious_criteria\":[\"life_threatening\",\"hospitalization\"]", recorded.Details, StringComparison.Ordinal);

        // On the admin's and the unblinded statistician's lists; other roles may not read or review them.
        foreach (string role in new[] { "admin", "unblinded" })
            Assert.Equal([entry], (await TestApp.Json(await app.As(role).GetAsync(ToReview))).EnumerateArray().Select(e => e.GetProperty("entryId").GetInt64()));
        foreach (string role in new[] { "coord1", "blinded" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.As(role).GetAsync(ToReview)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.As(role).PostAsJsonAsync($"{P1}/entries/{entry}/review", new { })).StatusCode);
        }

        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await app.As("admin").PostAsJsonAsync($"{P1}/entries/{entry + 1}/review", new { }), 409);
        await TestApp.AssertProblem(await app.As("admin").PostAsJsonAsync($"{P1}/entries/99/review", new { }), 404);
        await TestApp.AssertProblem(await app.As("admin").PostAsJsonAsync($"/trials/AALL1731/participants/P2/entries/{entry}/review", new { }), 404);
        Assert.Equal(before, await app.SnapshotAsync());

        var reviewed = await app.As("unblinded").PostAsJsonAsync($"{P1}/entries/{entry}/review", new { note = "Expedited report sent to the sponsor" });
        Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);
        var review = await TestApp.Json(reviewed);
        Assert.Equal(1, review.GetProperty("version").GetInt32());
        Assert.Equal("unblinded", review.GetProperty("reviewedBy").GetString());
        Assert.Empty((await TestApp.Json(await app.As("admin").GetAsync(ToReview))).EnumerateArray());
        await TestApp.AssertProblem(await app.As("admin").PostAsJsonAsync($"{P1}/entries/{entry}/review", new { }), 409);
        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial)).Last();
        Assert.Equal(("sae.review", "participant:P1", "unblinded", "Expedited report sent to the sponsor"), (audit.Action, audit.Entity, audit.Actor, audit.Reason));
        Assert.Equal($"{{\"entry\":{entry},\"site\":\"S1\",\"version\":1}}", audit.Details);

        // A correction that is still serious is a new version, and comes back for review; the history keeps both.
        var corrected = await c.PostAsJsonAsync($"{P1}/entries/{entry}/corrections", new
        {
            kind = "adverse_event", date = "2026-03-01", reason = "culture confirmed; resolved", term = "Sepsis", grade = 4, endDate = "2026-03-20",
            serious = true, seriousCriteria = new[] { "hospitalization" }, attribution = "probable", actionTaken = "interrupted", outcome = "recovered",
        });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var again = (await TestApp.Json(await app.As("admin").GetAsync(ToReview))).EnumerateArray().Single();
        Assert.Equal((entry, 2), (again.GetProperty("entryId").GetInt64(), again.GetProperty("version").GetInt32()));
        var history = (await app.Store.HistoryAsync(TestApp.Trial, "P1")).Where(e => e.EntryId == entry).ToArray();
        Assert.Equal([AdverseEventOutcome.NotRecovered, AdverseEventOutcome.Recovered], history.Select(e => e.Content.Assessment!.Outcome));
        Assert.Equal(HttpStatusCode.Created, (await app.As("admin").PostAsJsonAsync($"{P1}/entries/{entry}/review", new { })).StatusCode);
        Assert.Equal([(entry, 1), (entry, 2)], (await app.Store.ListSeriousEventReviewsAsync(TestApp.Trial)).Select(r => (r.EntryId, r.Version)));
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
    }

    [Fact]
    public async Task Every_assessment_rule_is_a_400_naming_the_field_with_a_readable_detail_and_nothing_is_stored()
    {
        await using var app = await AppWithParticipants();
        var c = app.As("coord1");
        async Task Invalid(object body, string field, string message)
        {
            string before = await app.SnapshotAsync();
            var response = await c.PostAsJsonAsync(P1 + "/adverse-events", body);
            await TestApp.AssertProblem(response, 400);
            var json = await TestApp.Json(response);
            Assert.Contains(message, json.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
            Assert.Contains(message, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(before, await app.SnapshotAsync());
        }
        object Body(string term = "Sepsis", int grade = 4, string? endDate = null, bool? serious = true, string[]? criteria = null, string? attribution = "possible",
            string? actionTaken = "none", string? outcome = "not_recovered") =>
            new { term, grade, onsetDate = "2026-03-01", endDate, serious, seriousCriteria = criteria ?? (serious == true ? ["hospitalization"] : []), attribution, actionTaken, outcome };

        await Invalid(Body(grade: 2), "grade", "Sepsis has no grade 2 in the protocol's term list; its grades are 3, 4 and 5.");
        await Invalid(Body(serious: null), "serious", "Say whether the adverse event is serious.");
        await Invalid(Body(criteria: []), "seriousCriteria",
            "A serious adverse event meets at least one criterion: death, life-threatening, hospitalization or its prolongation, disability or incapacity, congenital anomaly, or another important medical event.");
        await Invalid(Body(serious: false, criteria: ["disability"]), "seriousCriteria", "Only a serious adverse event has seriousness criteria; answer 'yes' to serious or clear the criteria.");
        await Invalid(Body(criteria: ["hospitalisation"]), "seriousCriteria",
            "'hospitalisation' is not a seriousness criterion; use one of death, life_threatening, hospitalization, disability, congenital_anomaly, important_medical_event.");
        await Invalid(Body(attribution: null), "attribution", "Give the attribution to the study treatment: unrelated, unlikely, possible, probable or definite.");
        await Invalid(Body(attribution: "maybe"), "attribution", "'maybe' is not an attribution; use one of unrelated, unlikely, possible, probable, definite.");
        await Invalid(Body(actionTaken: null), "actionTaken", "Give the action taken with the study treatment.");
        await Invalid(Body(outcome: null), "outcome", "Give the outcome of the adverse event.");
        await Invalid(Body(grade: 5), "outcome", "A grade 5 adverse event (death related to the event) has the outcome fatal.");
        await Invalid(Body(grade: 5, outcome: "fatal"), "seriousCriteria", "A grade 5 adverse event (death related to the event) meets the criterion death.");
        await Invalid(Body(grade: 5, serious: false, criteria: [], outcome: "fatal"), "serious", "A grade 5 adverse event (death related to the event) is serious.");
        await Invalid(Body(outcome: "fatal"), "outcome", "A fatal outcome is grade 5 (death related to the event), not grade 4.");
        await Invalid(Body(outcome: "recovered"), "endDate", "A recovered adverse event needs its end date.");
        await Invalid(Body(endDate: "2026-03-10"), "outcome",
            "An adverse event that is still recovering or not recovered has no end date; choose a recovered outcome or clear the end date.");
        await Invalid(Body(endDate: "2026-02-27", outcome: "recovered"), "endDate", "The end date 2026-02-27 is before the onset date 2026-03-01.");
        await Invalid(Body(endDate: "2026-07-16", outcome: "recovered"), "endDate", "The end date 2026-07-16 is in the future (today is 2026-07-15).");

        // A grade 5 event that is fatal, serious with death, is recorded; a term outside the list is accepted as other_allowed says.
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(P1 + "/adverse-events", Body(term: "Infection, other", grade: 3))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(P1 + "/adverse-events", Body(grade: 5, criteria: ["death"], outcome: "fatal", endDate: "2026-03-04"))).StatusCode);
    }

    [Fact]
    public async Task A_term_outside_a_closed_list_is_refused_and_a_listed_one_in_any_case_is_accepted()
    {
        await using var app = await AppWithParticipants(yaml: TestApp.ProtocolYaml.Replace("  other_allowed: true", "  other_allowed: false"));
        var c = app.As("coord1");
        var response = await c.PostAsJsonAsync(P1 + "/adverse-events", new { term = "Infection, other", grade = 2, onsetDate = "2026-03-01" });
        await TestApp.AssertProblem(response, 400);
        Assert.Equal("'Infection, other' is not in the protocol's adverse-event term list; choose one of its terms.",
            (await TestApp.Json(response)).GetProperty("errors").GetProperty("term")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(P1 + "/adverse-events", new { term = "febrile neutropenia", grade = 3, onsetDate = "2026-03-01" })).StatusCode);
        Assert.Equal("Febrile neutropenia", (await app.Store.ListCurrentAsync(TestApp.Trial, "P1")).Single().Content.Term);
    }

    [Fact]
    public void The_export_carries_the_assessment_and_the_analysis_reads_serious_where_the_protocol_maps_it()
    {
        string yaml = TestApp.ProtocolYaml.Replace("      term: term\n      grade: grade\n", "      term: term\n      grade: grade\n      serious: sae\n");
        Assert.NotEqual(TestApp.ProtocolYaml, yaml);
        var protocol = Evident.Protocol.TrialProtocol.Parse(yaml, "protocol.yaml");
        var r = new Evident.Randomization.Allocation(1, TestApp.Trial, "P1", "S1", new Dictionary<string, string> { ["risk"] = "SR-high" }, "blinatumomab",
            TestApp.Start, "coord1", null, null);
        CaptureEntry Ae(long id, string term, int grade, AdverseEventAssessment? a) =>
            new(id, 1, TestApp.Trial, "P1", "S1", new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 2, (int)id), null, term, grade) { Assessment = a }, TestApp.Start, "coord1", null);
        var entries = new[]
        {
            Ae(1, "Sepsis", 4, new(true, SeriousCriteria.LifeThreatening, Attribution.Probable, ActionTaken.Interrupted, AdverseEventOutcome.NotRecovered)),
            Ae(2, "Nausea", 1, new(false, SeriousCriteria.None, Attribution.Unlikely, ActionTaken.None, AdverseEventOutcome.Recovering)),
            Ae(3, "Nausea", 2, null),
        };
        var (_, table) = Evident.Analysis.Capture.CapturedTrial.SimpleTables(protocol, [r], entries);
        Assert.Equal(["participant_id", "term", "grade", "onset_date", "end_date", "sae", "serious_criteria", "attribution", "action_taken", "outcome"], table.Columns.Select(c => c.Name));
        Assert.Equal(["yes", "no", null], Enumerable.Range(0, 3).Select(i => table.Columns[5].Format(i)));
        var data = Evident.Analysis.Capture.CapturedTrial.ToTrialData(protocol, [r], entries);
        Assert.Equal([true, false, null], data.AdverseEvents.Select(e => e.Serious));
    }

    [Fact]
    public async Task An_sqlite_database_made_before_the_assessment_is_upgraded_when_opened() =>
        await UpgradeRoundTrip(Path.Combine(Path.GetTempPath(), $"evident-test-{Guid.NewGuid():N}.db"), "INTEGER PRIMARY KEY");

    [Fact]
    public async Task A_postgresql_database_made_before_the_assessment_is_upgraded_when_opened() =>
        await UpgradeRoundTrip(await Databases.CreatePostgresAsync(), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");

    /// <summary>capture_entries as it was before the assessment, with one adverse event; after opening, it reads unassessed and a new one keeps its assessment.</summary>
    private static async Task UpgradeRoundTrip(string database, string idColumn)
    {
        await Databases.RowsAsync(database, $"""
            CREATE TABLE capture_entries (
              id {idColumn}, trial_id TEXT NOT NULL, participant_id TEXT NOT NULL, site_id TEXT NOT NULL,
              entry_id BIGINT NOT NULL, version INTEGER NOT NULL, kind TEXT NOT NULL, event_date TEXT NOT NULL,
              relapse_site TEXT NULL, term TEXT NULL, grade INTEGER NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL,
              reason TEXT NULL, end_date TEXT NULL, off_reason TEXT NULL, follow_up_allowed INTEGER NULL, UNIQUE (trial_id, entry_id, version))
            """);
        await Databases.RowsAsync(database, """
            INSERT INTO capture_entries (trial_id, participant_id, site_id, entry_id, version, kind, event_date, relapse_site, term, grade, recorded_at, recorded_by, reason)
            VALUES ('AALL1731', 'P1', 'S1', 1, 1, 'adverse_event', '2026-01-20', NULL, 'Nausea', 1, '2026-01-20T10:00:00.0000000Z', 'coord1', NULL)
            """);
        await using var app = await AppWithParticipants(database);
        Assert.Equal(HttpStatusCode.Created, (await app.As("coord1").PostAsJsonAsync(P1 + "/adverse-events", SeriousSepsis())).StatusCode);
        var entries = await app.Store.ListCurrentAsync(TestApp.Trial, "P1");
        Assert.Null(entries[0].Content.Assessment);
        Assert.Equal(true, entries[1].Content.Assessment!.Serious);
        Assert.Equal([2L], (await app.Store.ListSeriousEventsToReviewAsync(TestApp.Trial)).Select(e => e.EntryId));
    }
}
