using System.Net;
using Evident.Randomization.Capture;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// Six participants randomized on 2026-01-15 (in this order: P-03, P-01, P-10, P-05 at site S1; P-02, P-04 at S2), then
/// on 2026-08-03 (200 days on) with entries that give each a different last contact and status:
/// <list type="bullet">
/// <item>P-03: an ongoing adverse event, last contact 2026-03-01, a query opened by the blinded statistician; on study, overdue (AALL1731: every 3 months, 1 month grace).</item>
/// <item>P-01: relapse 2026-04-01, death 2026-05-01; dead.</item>
/// <item>P-10: lost to follow-up 2026-06-01 (no contact): last contact is the randomization date.</item>
/// <item>P-05: last contact 2026-04-25; on study, due (not overdue).</item>
/// <item>P-02: off protocol therapy 2026-02-20, last contact 2026-07-01; not yet due.</item>
/// <item>P-04: withdrew consent 2026-02-10 without further follow-up.</item>
/// </list>
/// </summary>
public static class ParticipantListScenario
{
    /// <summary>Builds the scenario; returns the id of the query on P-03.</summary>
    public static async Task<long> SeedAsync(TestApp app)
    {
        foreach (var (id, site) in new[] { ("P-03", "S1"), ("P-01", "S1"), ("P-02", "S2"), ("P-10", "S1"), ("P-04", "S2"), ("P-05", "S1") })
            Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As(site == "S1" ? "coord1" : "coord2"), TestApp.Enrolment(id, site, id == "P-01" ? "SR-average" : "SR-high"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(200));
        var s = app.Store;
        await s.RecordAsync(TestApp.Trial, "P-03", new CaptureInput(CaptureKind.AdverseEvent, D(2, 1), null, "Sepsis", 3), "coord1");
        var contact = await s.RecordAsync(TestApp.Trial, "P-03", new CaptureInput(CaptureKind.LastContact, D(3, 1), null, null, null), "coord1");
        await s.RecordAsync(TestApp.Trial, "P-01", new CaptureInput(CaptureKind.Relapse, D(4, 1), "marrow", null, null), "coord1");
        await s.RecordAsync(TestApp.Trial, "P-01", new CaptureInput(CaptureKind.Death, D(5, 1), null, null, null), "coord1");
        await s.RecordAsync(TestApp.Trial, "P-10", new CaptureInput(CaptureKind.LostToFollowUp, D(6, 1), null, null, null) { OffStudyReason = "Moved; no forwarding address" }, "coord1");
        await s.RecordAsync(TestApp.Trial, "P-05", new CaptureInput(CaptureKind.LastContact, D(4, 25), null, null, null), "coord1");
        await s.RecordAsync(TestApp.Trial, "P-02", new CaptureInput(CaptureKind.OffTherapy, D(2, 20), null, null, null) { OffStudyReason = "Toxicity" }, "coord2");
        await s.RecordAsync(TestApp.Trial, "P-02", new CaptureInput(CaptureKind.LastContact, D(7, 1), null, null, null), "coord2");
        await s.RecordAsync(TestApp.Trial, "P-04", new CaptureInput(CaptureKind.Withdrawn, D(2, 10), null, null, null) { OffStudyReason = "Family's decision", FollowUpAllowed = false }, "coord2");
        return (await s.OpenQueryAsync(TestApp.Trial, "P-03", contact.EntryId, "The clinic letter says 2 March.", "blinded")).QueryId;
    }

    private static DateOnly D(int month, int day) => new(2026, month, day);
}
