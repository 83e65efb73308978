using System.Net;
using System.Net.Http.Json;
using Evident.Analysis.Capture;
using Evident.Analysis.Input;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Capture;
using Evident.Server.Tests.Pages;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// Off-study records (off protocol therapy, withdrawal of consent, lost to follow-up): through the API and the participant
/// page, versioned and audited on SQLite and PostgreSQL, and carried into the export tables and the analysis (with
/// censoring at a withdrawal when the endpoint says so).
/// </summary>
public sealed class OffStudyTests
{
    private const string P1 = "/trials/AALL1731/participants/P1";

    /// <summary>P1 (S1) and P2 (S2) randomized on 2026-01-15; today is 2026-07-15.</summary>
    private static async Task<TestApp> AppWithParticipants(string? database = null, string? password = null)
    {
        var app = await new TestApp(database).SeedAsync(password: password);
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P1", "S1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord2"), TestApp.Enrolment("P2", "S2"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(181));
        return app;
    }

    [Fact]
    public async Task Off_study_records_are_recorded_read_corrected_and_audited_on_sqlite() =>
        await RoundTrip(await AppWithParticipants());

    [Fact]
    public async Task Off_study_records_are_recorded_read_corrected_and_audited_on_postgresql() =>
        await RoundTrip(await AppWithParticipants(await Databases.CreatePostgresAsync()));

    private static async Task RoundTrip(TestApp app)
    {
        await using var owned = app;
        var c = app.As("coord1");
        var off = await c.PostAsJsonAsync(P1 + "/off-study", new { kind = "off_therapy", date = "2026-03-01", reason = "Toxicity: grade 4 seizure" });
        Assert.Equal(HttpStatusCode.Created, off.StatusCode);
        var withdrawn = await TestApp.Json(await c.PostAsJsonAsync(P1 + "/off-study", new { kind = "withdrawn", date = "2026-04-01", reason = "Family moved abroad", followUpAllowed = true }));
        Assert.Equal("withdrawn", withdrawn.GetProperty("kind").GetString());
        Assert.Equal("Family moved abroad", withdrawn.GetProperty("offStudyReason").GetString());
        Assert.True(withdrawn.GetProperty("followUpAllowed").GetBoolean());
        long entry = withdrawn.GetProperty("entryId").GetInt64();

        var corrected = await c.PostAsJsonAsync($"{P1}/entries/{entry}/corrections",
            new { kind = "withdrawn", date = "2026-04-02", reason = "date misread", offStudyReason = "Family moved abroad", followUpAllowed = false });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(2, (await TestApp.Json(corrected)).GetProperty("version").GetInt32());

        var current = await TestApp.Json(await c.GetAsync(P1 + "/off-study"));
        Assert.Equal(["off_therapy", "withdrawn"], current.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.False(current[1].GetProperty("followUpAllowed").GetBoolean());
        Assert.Empty((await TestApp.Json(await c.GetAsync(P1 + "/follow-up"))).EnumerateArray());
        // Another site's coordinator does not see the participant.
        Assert.Equal(HttpStatusCode.NotFound, (await app.As("coord2").GetAsync(P1 + "/off-study")).StatusCode);

        var history = await app.Store.HistoryAsync(TestApp.Trial, "P1");
        Assert.Equal(3, history.Count);
        Assert.Equal(true, history[1].Content.FollowUpAllowed);
        Assert.Equal(false, history[2].Content.FollowUpAllowed);
        Assert.Equal("Toxicity: grade 4 seizure", history[0].Content.OffStudyReason);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(r => r.Action.StartsWith("capture.", StringComparison.Ordinal)).ToArray();
        Assert.Contains("\"follow_up_allowed\":false", audit[^1].Details, StringComparison.Ordinal);
        Assert.Contains("\"off_reason\":\"Family moved abroad\"", audit[^1].Details, StringComparison.Ordinal);
        Assert.Equal("date misread", audit[^1].Reason);

        // Nothing may follow a withdrawal that allows no further follow-up.
        var later = await c.PostAsJsonAsync(P1 + "/follow-up", new { kind = "last_contact", date = "2026-05-01" });
        await TestApp.AssertProblem(later, 400);
        Assert.True((await TestApp.Json(later)).GetProperty("errors").TryGetProperty("date", out _));
    }

    [Fact]
    public async Task Invalid_records_are_400_naming_the_body_member_and_nothing_is_stored()
    {
        await using var app = await AppWithParticipants();
        var c = app.As("coord1");
        async Task Invalid(object body, string field)
        {
            string before = await app.SnapshotAsync();
            var response = await c.PostAsJsonAsync(P1 + "/off-study", body);
            await TestApp.AssertProblem(response, 400);
            Assert.True((await TestApp.Json(response)).GetProperty("errors").TryGetProperty(field, out _), field);
            Assert.Equal(before, await app.SnapshotAsync());
        }
        await Invalid(new { kind = "relapse", date = "2026-03-01", reason = "x" }, "kind");
        await Invalid(new { kind = "off_therapy", date = "2026-3-1", reason = "x" }, "date");
        await Invalid(new { kind = "off_therapy", date = "2026-03-01", reason = " " }, "reason");
        await Invalid(new { kind = "withdrawn", date = "2026-03-01", reason = "x" }, "followUpAllowed");
        await Invalid(new { kind = "lost_to_follow_up", date = "2026-03-01", reason = "x", followUpAllowed = true }, "followUpAllowed");
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync(P1 + "/off-study", new { kind = "lost_to_follow_up", date = "2026-03-01", reason = "No answer" })).StatusCode);
        await Invalid(new { kind = "lost_to_follow_up", date = "2026-04-01", reason = "again" }, "kind");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As("blinded").PostAsJsonAsync(P1 + "/off-study", new { kind = "off_therapy", date = "2026-03-01", reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_participant_page_records_and_corrects_an_off_study_record_with_messages_at_the_fields()
    {
        await using var app = await AppWithParticipants(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        const string page = "/t/AALL1731/participants/P1";
        var missing = await s.SubmitAsync(page, page + "?handler=OffStudy", ("os.kind", "withdrawn"), ("os.date", "2026-04-01"), ("os.reason", ""));
        Assert.Equal(400, missing.Status);
        Assert.Equal("Give the reason: 1 to 500 characters.", missing.ErrorFor("os-reason"));
        Assert.Equal("Say whether follow-up data may still be collected after the withdrawal of consent.", missing.ErrorFor("os-followUpAllowed"));

        var saved = await s.SubmitAsync(page, page + "?handler=OffStudy", ("os.kind", "withdrawn"), ("os.date", "2026-04-01"), ("os.reason", "Family moved abroad"), ("os.followUpAllowed", "yes"));
        Assert.Equal(302, saved.Status);
        var shown = await s.GetAsync(page);
        Assert.Contains("Withdrawal of consent: Family moved abroad (follow-up data may still be collected)", shown.Text, StringComparison.Ordinal);

        long entry = (await app.Store.ListCurrentAsync(TestApp.Trial, "P1")).Single().EntryId;
        var corrected = await s.SubmitAsync(page, $"{page}?handler=Correct&entryId={entry}", ("c.kind", "withdrawn"), ("c.date", "2026-04-01"),
            ("c.offStudyReason", "Family moved abroad"), ("c.followUpAllowed", "no"), ("c.reason", "consent form re-read"));
        Assert.Equal(302, corrected.Status);
        Assert.Contains("Withdrawal of consent: Family moved abroad (no further follow-up data)", (await s.GetAsync(page)).Text, StringComparison.Ordinal);
        Assert.Equal(2, (await app.Store.ListCurrentAsync(TestApp.Trial, "P1")).Single().Version);
    }

    private static Allocation Randomized(string participant, DateTimeOffset at) =>
        new(1, TestApp.Trial, participant, "S1", new Dictionary<string, string> { ["risk"] = "SR-high" }, "blinatumomab", at, "coord1", null, null);

    private static CaptureEntry Entry(long id, string participant, CaptureInput content) =>
        new(id, 1, TestApp.Trial, participant, "S1", content, TestApp.Start, "coord1", null);

    private static CaptureInput Off(CaptureKind kind, DateOnly date, string reason, bool? followUp = null) =>
        new(kind, date, null, null, null) { OffStudyReason = reason, FollowUpAllowed = followUp };

    /// <summary>The example protocol with <c>data.simple.off_study</c> mapped.</summary>
    private static string MappingOffStudy(string yaml)
    {
        if (yaml.Contains("    off_study:", StringComparison.Ordinal)) return yaml;   // the example maps these very columns
        const string after = "      grade: grade\n";
        Assert.Contains(after, yaml, StringComparison.Ordinal);
        return yaml.Replace(after, after + """
                off_study:
                  off_therapy: {date: off_therapy_date, reason: off_therapy_reason}
                  withdrawn: {date: withdrawal_date, reason: withdrawal_reason, follow_up_allowed: withdrawal_follow_up}
                  lost_to_follow_up: {date: lost_date, reason: lost_reason}

            """, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_tables_and_the_analysis_carry_off_study_records()
    {
        // The example maps data.simple.off_study; without that block the protocol maps none.
        var unmapped = TrialProtocol.Parse(System.Text.RegularExpressions.Regex.Replace(TestApp.ProtocolYaml, @"    off_study:[^\n]*\n(      [^\n]*\n)+", ""), "protocol.yaml");
        Assert.Null(unmapped.Data.Simple!.OffStudy);
        var protocol = TrialProtocol.Parse(MappingOffStudy(TestApp.ProtocolYaml), "protocol.yaml");
        var r = Randomized("P1", new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var entries = new[]
        {
            Entry(1, "P1", Off(CaptureKind.OffTherapy, new DateOnly(2026, 3, 1), "Toxicity")),
            Entry(2, "P1", Off(CaptureKind.Withdrawn, new DateOnly(2026, 4, 1), "Moved", followUp: false)),
            Entry(3, "P1", Off(CaptureKind.LostToFollowUp, new DateOnly(2026, 6, 1), "No answer")),
        };
        // The columns are written whether or not the protocol maps them (under default names where it does not).
        var (participants, _) = CapturedTrial.SimpleTables(unmapped, [r], entries);
        Assert.Equal(participants.Columns.Select(c => c.Name), CapturedTrial.SimpleTables(protocol, [r], entries).Participants.Columns.Select(c => c.Name));
        string? Cell(string column) => participants.Columns.Single(c => c.Name == column).Format(0);
        Assert.Equal("2026-03-01", Cell("off_therapy_date"));
        Assert.Equal("Toxicity", Cell("off_therapy_reason"));
        Assert.Equal("2026-04-01", Cell("withdrawal_date"));
        Assert.Equal("no", Cell("withdrawal_follow_up"));
        Assert.Equal("2026-06-01", Cell("lost_date"));
        // Losing a participant is no contact: the last contact is the withdrawal.
        Assert.Equal("2026-04-01", Cell("last_contact_date"));

        var p = Assert.Single(CapturedTrial.ToTrialData(protocol, [r], entries).Participants);
        Assert.Equal(new[]
        {
            new OffStudyRecord(OffStudyKind.OffTherapy, new DateOnly(2026, 3, 1), "Toxicity", null),
            new OffStudyRecord(OffStudyKind.Withdrawn, new DateOnly(2026, 4, 1), "Moved", false),
            new OffStudyRecord(OffStudyKind.LostToFollowUp, new DateOnly(2026, 6, 1), "No answer", null),
        }, p.OffStudy);
        // Read as the registered protocol reads an export: without the mapping, no off-study records.
        Assert.Empty(Assert.Single(CapturedTrial.ToTrialData(unmapped, [r], entries).Participants).OffStudy);
    }

    [Fact]
    public void An_endpoint_censored_at_withdrawal_ignores_events_after_a_withdrawal_without_follow_up()
    {
        string yaml = MappingOffStudy(TestApp.ProtocolYaml);
        Assert.Contains("censor_at: last_contact", yaml, StringComparison.Ordinal);
        var atWithdrawal = TrialProtocol.Parse(yaml.Replace("censor_at: last_contact", "censor_at: withdrawal", StringComparison.Ordinal), "protocol.yaml");
        var atContact = TrialProtocol.Parse(yaml, "protocol.yaml");
        Assert.Equal(CensoringRule.Withdrawal, atWithdrawal.Endpoints[0].CensorAt);
        Assert.Equal(atWithdrawal.Endpoints[0], TrialProtocol.Parse(atWithdrawal.ToYaml(), "protocol.yaml").Endpoints[0]);

        var r = Randomized("P1", new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var start = new DateOnly(2026, 1, 15);
        int death = atContact.Components.ToList().FindIndex(c => c.Id == "death");
        CaptureEntry[] Entries(bool? followUp) =>
        [
            Entry(1, "P1", Off(CaptureKind.Withdrawn, new DateOnly(2026, 4, 1), "Moved", followUp)),
            Entry(2, "P1", new CaptureInput(CaptureKind.Death, new DateOnly(2026, 6, 1), null, null, null)),
        ];
        var dfs = atWithdrawal.Endpoints.ToList().FindIndex(e => e.Id == "dfs");
        // No further follow-up allowed: censored at the withdrawal, the later death not counted.
        Assert.Equal(new EndpointOutcome(start, new DateOnly(2026, 4, 1), -1), CapturedTrial.ToTrialData(atWithdrawal, [r], Entries(false)).Participants[0].Outcomes[dfs]);
        // Follow-up allowed, or an endpoint censored at last contact: the death counts.
        Assert.Equal(new EndpointOutcome(start, new DateOnly(2026, 6, 1), death), CapturedTrial.ToTrialData(atWithdrawal, [r], Entries(true)).Participants[0].Outcomes[dfs]);
        Assert.Equal(new EndpointOutcome(start, new DateOnly(2026, 6, 1), death), CapturedTrial.ToTrialData(atContact, [r], Entries(false)).Participants[0].Outcomes[dfs]);
    }
}
