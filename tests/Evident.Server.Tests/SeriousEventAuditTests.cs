using System.Net;
using System.Net.Http.Json;
using Evident.Cli;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// <c>audit verify</c> checks the <c>serious_event_reviews</c> table against the trail: each review's entry, version,
/// participant, site, reviewer, time and remark must be its <c>sae.review</c> record's, and every such record must have
/// its row. A review edited, added or deleted in the table only is named, and undoing the edit verifies again. On SQLite
/// (and through the command line) and on PostgreSQL.
/// </summary>
public sealed class SeriousEventAuditTests
{
    private const string P1 = "/trials/AALL1731/participants/P1";

    [Fact]
    public Task A_review_edited_in_its_table_fails_verify_on_sqlite() => ReviewEdits(null);

    [Fact]
    public async Task A_review_edited_in_its_table_fails_verify_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await ReviewEdits(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task ReviewEdits(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P1", "S1"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(60));
        var created = await app.As("coord1").PostAsJsonAsync(P1 + "/adverse-events", new
        {
            term = "Sepsis", grade = 4, onsetDate = "2026-03-01", serious = true, seriousCriteria = new[] { "hospitalization" },
            attribution = "probable", actionTaken = "interrupted", outcome = "not_recovered",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        long entry = (await TestApp.Json(created)).GetProperty("entryId").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await app.As("unblinded").PostAsJsonAsync($"{P1}/entries/{entry}/review", new { note = "Sent to the sponsor" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, (await app.As("coord1").PostAsJsonAsync($"{P1}/entries/{entry}/corrections", new
        {
            kind = "adverse_event", date = "2026-03-01", reason = "culture confirmed", term = "Sepsis", grade = 4, serious = true,
            seriousCriteria = new[] { "hospitalization", "life_threatening" }, attribution = "probable", actionTaken = "interrupted", outcome = "not_recovered",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.As("admin").PostAsJsonAsync($"{P1}/entries/{entry}/review", new { })).StatusCode);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        var reviews = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(r => r.Action == "sae.review").ToArray();
        Assert.Equal(2, reviews.Length);
        long first = reviews[0].Sequence, second = reviews[1].Sequence, next = (await app.Store.ReadAuditAsync()).Last().Sequence + 1;
        string at = reviews[1].At, row2 = $"serious event review 2 (entry {entry} version 2 of participant 'P1' of trial {TestApp.Trial})";

        await AuditEdits.Broken(app, "UPDATE serious_event_reviews SET reviewed_by = 'mallory' WHERE id = 1", first,
                     $"disagrees with audit record {first}: the table says reviewed by mallory at {reviews[0].At}, the trail says unblinded at {reviews[0].At}");
        await Databases.RowsAsync(app.Database, "UPDATE serious_event_reviews SET reviewed_by = 'unblinded' WHERE id = 1 RETURNING id");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        await AuditEdits.Broken(app, "UPDATE serious_event_reviews SET reviewed_at = '2026-01-01T00:00:00.0000000Z' WHERE id = 2", second,
                     $"{row2} disagrees with audit record {second}: the table says reviewed by admin at 2026-01-01T00:00:00.0000000Z, the trail says admin at {at}");
        await Databases.RowsAsync(app.Database, $"UPDATE serious_event_reviews SET reviewed_at = '{at}' WHERE id = 2 RETURNING id");

        await AuditEdits.Broken(app, "UPDATE serious_event_reviews SET note = 'Not sent' WHERE id = 1", first,
                     $"disagrees with audit record {first}: the table's remark is 'Not sent', the trail's is 'Sent to the sponsor'");
        await Databases.RowsAsync(app.Database, "UPDATE serious_event_reviews SET note = 'Sent to the sponsor' WHERE id = 1 RETURNING id");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        // The entry or version moved to another event, or the site changed: the row no longer matches any record's content.
        await AuditEdits.Broken(app, "UPDATE serious_event_reviews SET version = 3 WHERE id = 2", next,
                     $"serious event review 2 (entry {entry} version 3 of participant 'P1' of trial {TestApp.Trial}) has no sae.review record with its content in the audit trail: the table says {{\"entry\":{entry},\"site\":\"S1\",\"version\":3}}");
        await Databases.RowsAsync(app.Database, "UPDATE serious_event_reviews SET version = 2 WHERE id = 2 RETURNING id");
        await AuditEdits.Broken(app, "UPDATE serious_event_reviews SET site_id = 'S2' WHERE id = 1", next, "the table says {\"entry\":" + entry + ",\"site\":\"S2\",\"version\":1}");
        await Databases.RowsAsync(app.Database, "UPDATE serious_event_reviews SET site_id = 'S1' WHERE id = 1 RETURNING id");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        // A review added in the table only (a copy of a real one, under another id) has no record of its own.
        await AuditEdits.Broken(app,
            "INSERT INTO serious_event_reviews (trial_id, participant_id, site_id, entry_id, version, reviewed_at, reviewed_by, note) " +
            $"VALUES ('{TestApp.Trial}', 'P1', 'S1', {entry + 1}, 1, '{at}', 'admin', NULL)", next,
            $"(entry {entry + 1} version 1 of participant 'P1' of trial {TestApp.Trial}) has no sae.review record with its content in the audit trail");
        await Databases.RowsAsync(app.Database, $"DELETE FROM serious_event_reviews WHERE entry_id = {entry + 1} RETURNING id");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        await AuditEdits.Broken(app, "DELETE FROM serious_event_reviews WHERE id = 2", second,
                     $"audit record {second} reviews a serious adverse event of participant:P1 of trial {TestApp.Trial} ({{\"entry\":{entry},\"site\":\"S1\",\"version\":2}}), but the serious_event_reviews table has no such row");
        if (database is null)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(1, EvidentApp.Run(["audit", "verify", "--db", app.Database], stdout, stderr));
            Assert.Contains($"BROKEN at record {second}: audit record {second} reviews a serious adverse event", stdout.ToString() + stderr);
        }
    }
}
