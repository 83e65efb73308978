using Evident.Storage;
using System.Text.RegularExpressions;
using Evident.Randomization.Capture;

namespace Evident.Server.Tests.Pages;

/// <summary>The participants list and page: site scoping, arms, timeline, every capture rule shown next to its field, corrections.</summary>
public sealed class ParticipantPageTests
{
    private const string Page1 = "/t/AALL1731/participants/P-1";

    /// <summary>P-1 and P-2 (S1) randomized at the start (2026-01-15); today is 2026-03-16.</summary>
    private static async Task<TestApp> StartAsync(bool blinded = true)
    {
        var app = await new TestApp().SeedAsync(blinded: blinded, password: PageSession.Password);
        Assert.Equal(201, (int)(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        Assert.Equal(201, (int)(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-2", "S1"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(60));
        return app;
    }

    private static Task<PageSession.Answer> FollowUp(PageSession s, string page, string kind, string date, string? site = null) =>
        s.SubmitAsync(page, page + "?handler=FollowUp", [("fu.kind", kind), ("fu.date", date), .. site is null ? Array.Empty<(string, string)>() : [("fu.relapseSite", site)]]);

    /// <summary>Records an adverse event through the form, assessed as not serious, possibly related, dose not changed, and recovered once it has an end date.</summary>
    private static Task<PageSession.Answer> AdverseEvent(PageSession s, string term, string grade, string date, string endDate = "") =>
        s.SubmitAsync(Page1, Page1 + "?handler=AdverseEvent", [("ae.term", term), ("ae.grade", grade), ("ae.date", date), ("ae.endDate", endDate), .. Assessed("ae", endDate)]);

    /// <summary>The assessment fields <see cref="AdverseEvent"/> posts (<paramref name="names"/> <c>ae</c> or <c>c</c>).</summary>
    private static (string, string)[] Assessed(string names, string endDate) =>
        [($"{names}.serious", "no"), ($"{names}.attribution", "possible"), ($"{names}.actionTaken", "none"), ($"{names}.outcome", endDate == "" ? "not_recovered" : "recovered")];

    /// <summary>The assessment <see cref="Assessed"/> stores.</summary>
    private static AdverseEventAssessment Assessment(bool ended) =>
        new(false, SeriousCriteria.None, Attribution.Possible, ActionTaken.None, ended ? AdverseEventOutcome.Recovered : AdverseEventOutcome.NotRecovered);

    /// <summary>How the timeline describes <see cref="Assessed"/>.</summary>
    private static string Described(bool ended) => " – not serious; possible attribution; dose not changed; " + (ended ? "recovered or resolved" : "not recovered or not resolved");

    [Fact]
    public async Task CoordinatorsSeeOnlyTheirSiteAndArmsOnlyShowForRolesThatMaySeeThem()
    {
        using var app = await StartAsync();
        using var coord1 = new PageSession(app);
        await coord1.LoginAsync("coord1");
        var list = await coord1.GetAsync("/t/AALL1731/participants");
        Assert.Contains("<th scope=\"row\"><a href=\"/t/AALL1731/participants/P-1\">P-1</a></th>", list.Html);
        Assert.DoesNotContain("<th scope=\"col\">Arm</th>", list.Html);

        using var coord2 = new PageSession(app);
        await coord2.LoginAsync("coord2");
        var list2 = await coord2.GetAsync("/t/AALL1731/participants");
        Assert.Equal(200, list2.Status);
        Assert.DoesNotContain("P-1", list2.Html);
        Assert.Contains("Participants randomized at Site two: 0.", list2.Html);
        Assert.Equal(404, (await coord2.GetAsync(Page1)).Status);
        string before = await app.SnapshotAsync();
        // A form taken from the coordinator's own page, aimed at the other site's participant, changes nothing.
        var token = PageSession.AntiforgeryToken((await coord2.GetAsync("/t/AALL1731/randomize")).Html);
        var forged = await coord2.PostAsync(Page1 + "?handler=FollowUp", ("fu.kind", "death"), ("fu.date", "2026-03-01"), ("__RequestVerificationToken", token));
        Assert.Equal(404, forged.Status);
        Assert.Equal(before, await app.SnapshotAsync());

        using var blinded = new PageSession(app);
        await blinded.LoginAsync("blinded");
        var blindedList = await blinded.GetAsync("/t/AALL1731/participants");
        Assert.Contains("P-1", blindedList.Html);
        Assert.DoesNotContain("<th scope=\"col\">Arm</th>", blindedList.Html);
        var blindedPage = await blinded.GetAsync(Page1);
        Assert.Equal(200, blindedPage.Status);
        RandomizePageTests.AssertNoArm(blindedPage.Html);
        Assert.DoesNotContain("Record follow-up", blindedPage.Html);
        Assert.Equal(403, (await blinded.PostAsync(Page1 + "?handler=FollowUp", ("fu.kind", "death"), ("fu.date", "2026-03-01"),
            ("__RequestVerificationToken", PageSession.AntiforgeryToken(blindedPage.Html)))).Status);
        Assert.Equal(before, await app.SnapshotAsync());

        using var unblinded = new PageSession(app);
        await unblinded.LoginAsync("unblinded");
        var arm = (await app.Store.GetRandomizationAsync(TestApp.Trial, "P-1"))!.Arm;
        var unblindedList = await unblinded.GetAsync("/t/AALL1731/participants");
        Assert.Contains("<th scope=\"col\">Arm</th>", unblindedList.Html);
        Assert.Contains($"<td>{(arm == "chemotherapy" ? "Chemotherapy" : "Chemotherapy + blinatumomab")}</td>", unblindedList.Text);
    }

    [Fact]
    public async Task ARelapseAndAnAdverseEventAppearOnTheTimelineAndInTheHistory()
    {
        using var app = await StartAsync();
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        var page = await s.GetAsync(Page1);
        Assert.Contains("<title>Participant P-1 – AALL1731 – Evident</title>", page.Html);
        Assert.Contains("<option value=\"Sepsis\"></option>", page.Html);
        Assert.Contains("<option value=\"Catheter related infection\"></option>", page.Html);
        Assert.Contains("<label for=\"fu-relapseSite-1\">Isolated CNS</label>", page.Html);
        Assert.Contains("<option value=\"5\">5 – Death related to the event</option>", page.Html);

        var relapse = await FollowUp(s, Page1, "relapse", "2026-03-02", "cns");
        Assert.Equal(302, relapse.Status);
        Assert.Equal(Page1 + "?saved=1#timeline", relapse.Location);
        var ae = await AdverseEvent(s, "Febrile neutropenia", "3", "2026-02-03");
        Assert.Equal(Page1 + "?saved=2#timeline", ae.Location);

        var after = await s.GetAsync(Page1 + "?saved=2");
        Assert.Contains("<p class=\"status-message\" role=\"status\" id=\"saved\">Entry 2 saved.</p>", after.Html);
        var timeline = Regex.Matches(after.Html, "<time datetime=\"([0-9-]+)\">[0-9-]+</time> ([^<]+)").Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value.Trim()}").ToArray();
        Assert.Equal(["2026-01-15 Randomized", "2026-02-03 Adverse event: Febrile neutropenia, grade 3 (ongoing)" + Described(false), "2026-03-02 Relapse: Isolated CNS"], timeline);
        Assert.Contains("<td>coord1</td>", after.Html);
        Assert.Equal(2, Regex.Matches(after.Html, "<td>original entry</td>").Count);

        var stored = await app.Store.ListCurrentAsync(TestApp.Trial, "P-1");
        Assert.Equal(new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 3, 2), "cns", null, null), stored[0].Content);
        Assert.Equal(new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 2, 3), null, "Febrile neutropenia", 3) { Assessment = Assessment(false) }, stored[1].Content);
    }

    [Fact]
    public async Task EveryCaptureRuleIsShownNextToItsFieldAndNothingIsStored()
    {
        using var app = await StartAsync();
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        Assert.Equal(302, (await FollowUp(s, Page1, "last_contact", "2026-02-01")).Status);
        Assert.Equal(302, (await FollowUp(s, Page1, "death", "2026-03-01")).Status);
        const string page2 = "/t/AALL1731/participants/P-2";
        Assert.Equal(302, (await FollowUp(s, page2, "last_contact", "2026-02-10")).Status);
        string before = await app.SnapshotAsync();

        async Task Refused(Task<PageSession.Answer> post, string id, string message)
        {
            var answer = await post;
            Assert.Equal(400, answer.Status);
            Assert.Equal(message, answer.ErrorFor(id));
            Assert.Contains("aria-invalid=\"true\"", answer.Html);
            Assert.Contains($"<li><a href=\"#{id}\">", answer.Html);
            Assert.Equal(before, await app.SnapshotAsync());
        }

        await Refused(FollowUp(s, page2, "second_malignancy", "2026-01-14"), "fu-date", "The date 2026-01-14 is before the randomization date 2026-01-15.");
        await Refused(FollowUp(s, page2, "last_contact", "2026-03-17"), "fu-date", "The date 2026-03-17 is in the future (today is 2026-03-16).");
        await Refused(FollowUp(s, Page1, "death", "2026-03-01"), "fu-kind", "The participant's death is recorded already (on 2026-03-01); correct that entry instead.");
        await Refused(FollowUp(s, Page1, "last_contact", "2026-03-10"), "fu-date", "The date 2026-03-10 is after the participant's death on 2026-03-01.");
        await Refused(FollowUp(s, page2, "death", "2026-02-01"), "fu-date", "The death date 2026-02-01 is before another entry dated 2026-02-10; nothing may follow death.");
        await Refused(FollowUp(s, page2, "relapse", "2026-02-20"), "fu-relapseSite", "A relapse needs its site: isolated bone marrow, isolated CNS, combined or other.");
        await Refused(FollowUp(s, page2, "relapse", "20/02/2026", "cns"), "fu-date", "'20/02/2026' is not a date; enter the date as yyyy-MM-dd, for example 2026-03-02.");
        await Refused(FollowUp(s, page2, "", "2026-02-20"), "fu-kind", "Choose what happened: relapse, death, second malignancy or last contact.");
        await Refused(AdverseEvent(s, "Sepsis", "0", "2026-02-03"), "ae-grade", "The CTCAE grade must be a whole number from 1 to 5.");
        await Refused(AdverseEvent(s, "Sepsis", "6", "2026-02-03"), "ae-grade", "The CTCAE grade must be a whole number from 1 to 5.");
        await Refused(AdverseEvent(s, "", "3", "2026-02-03"), "ae-term", "Choose the adverse event's term from the protocol's list.");
        await Refused(AdverseEvent(s, "Sepsis", "3", ""), "ae-date", "Enter the onset date.");

        // The values entered are shown again with the message.
        var kept = await AdverseEvent(s, "Sepsis", "6", "2026-02-03");
        Assert.Contains("value=\"Sepsis\"", kept.Tag("ae-term"));
        Assert.Contains("value=\"2026-02-03\"", kept.Tag("ae-date"));
    }

    [Fact]
    public async Task ACorrectionStoresVersionTwoWithItsReasonShownInTheHistoryAndTheAuditTrail()
    {
        using var app = await StartAsync();
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        await FollowUp(s, Page1, "relapse", "2026-03-02", "cns");
        string before = await app.SnapshotAsync();

        var noReason = await s.SubmitAsync(Page1, Page1 + "?handler=Correct&entryId=1",
            ("c.kind", "relapse"), ("c.date", "2026-03-04"), ("c.relapseSite", "combined"), ("c.reason", " "));
        Assert.Equal(400, noReason.Status);
        Assert.Equal("Give the reason for the correction (1 to 1000 characters); earlier versions are kept.", noReason.ErrorFor("c1-reason"));
        Assert.Contains("<details class=\"correct\" open=\"open\">", noReason.Html);
        var future = await s.SubmitAsync(Page1, Page1 + "?handler=Correct&entryId=1",
            ("c.kind", "relapse"), ("c.date", "2026-04-01"), ("c.relapseSite", "combined"), ("c.reason", "source document re-read"));
        Assert.Equal("The date 2026-04-01 is in the future (today is 2026-03-16).", future.ErrorFor("c1-date"));
        Assert.Contains("source document re-read</textarea>", future.Html);
        Assert.Equal(before, await app.SnapshotAsync());

        var corrected = await s.SubmitAsync(Page1, Page1 + "?handler=Correct&entryId=1",
            ("c.kind", "relapse"), ("c.date", "2026-03-04"), ("c.relapseSite", "combined"), ("c.reason", "source document re-read"));
        Assert.Equal(Page1 + "?saved=1#timeline", corrected.Location);
        var history = await app.Store.HistoryAsync(TestApp.Trial, "P-1");
        Assert.Equal([1, 2], history.Select(e => e.Version));
        Assert.Equal(new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 3, 2), "cns", null, null), history[0].Content);
        Assert.Equal(new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 3, 4), "combined", null, null), history[1].Content);

        var page = await s.GetAsync(Page1);
        var rows = Regex.Matches(page.Html, "<tr>\\s*<th scope=\"row\" class=\"num\">1</th>\\s*<td class=\"num\">(\\d)</td>\\s*<td>([^<]+)</td>\\s*<td>([^<]+)</td>\\s*<td>[^<]+</td>\\s*<td>([^<]+)</td>\\s*<td>([^<]+)</td>")
            .Select(m => string.Join(" | ", m.Groups.Values.Skip(1).Select(g => g.Value))).ToArray();
        Assert.Equal(["1 | Relapse: Isolated CNS | 2026-03-02 | coord1 | original entry", "2 | Relapse: Combined | 2026-03-04 | coord1 | source document re-read"], rows);
        Assert.Contains("2026-03-04</time> Relapse: Combined", page.Html);

        using var admin = new PageSession(app);
        await admin.LoginAsync("admin");
        var audit = await admin.GetAsync("/t/AALL1731/audit");
        Assert.Equal(200, audit.Status);
        Assert.Matches("<td data-label=\"Who\">coord1</td>\\s*<td data-label=\"What\"><strong>Corrected</strong><br>\\s*<a href=\"/t/AALL1731/participants/P-1\">Participant P-1</a>[\\s\\S]*?<dt>Version</dt><dd>2</dd>[\\s\\S]*?<td data-label=\"Reason\">source document re-read</td>", audit.Html);
        // Arms are redacted in a blinded trial, exactly as the API does.
        Assert.Contains("<dt>Arm</dt><dd>(blinded)</dd>", audit.Html);
        RandomizePageTests.AssertNoArm(audit.Html.Replace("\"method\"", ""));

        using var coord = new PageSession(app);
        await coord.LoginAsync("coord1");
        Assert.Equal(403, (await coord.GetAsync("/t/AALL1731/audit")).Status);
    }

    [Fact]
    public async Task AnAdverseEventGetsAnOptionalEndDateWhoseErrorsAreShownNextToItAndWhichACorrectionChanges()
    {
        using var app = await StartAsync();
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        var page = await s.GetAsync(Page1);
        Assert.Contains("<label for=\"ae-endDate\">End date (leave empty while ongoing)</label>", page.Html);
        string endInput = page.Tag("ae-endDate");
        Assert.Contains("type=\"date\"", endInput);
        Assert.Contains("name=\"ae.endDate\"", endInput);
        Assert.DoesNotContain("required", endInput);
        string before = await app.SnapshotAsync();

        async Task Refused(Task<PageSession.Answer> post, string id, string message)
        {
            var answer = await post;
            Assert.Equal(400, answer.Status);
            Assert.Equal(message, answer.ErrorFor(id));
            Assert.Contains("aria-invalid=\"true\"", answer.Tag(id));
            Assert.Contains($"<li><a href=\"#{id}\">", answer.Html);
            Assert.Equal(before, await app.SnapshotAsync());
        }

        await Refused(AdverseEvent(s, "Sepsis", "3", "2026-02-01", "10/02/2026"), "ae-endDate",
            "'10/02/2026' is not a date; enter the end date as yyyy-MM-dd, for example 2026-03-02, or leave it empty while the event is ongoing.");
        await Refused(AdverseEvent(s, "Sepsis", "3", "2026-02-01", "2026-01-31"), "ae-endDate", "The end date 2026-01-31 is before the onset date 2026-02-01.");
        await Refused(AdverseEvent(s, "Sepsis", "3", "2026-02-01", "2026-03-17"), "ae-endDate", "The end date 2026-03-17 is in the future (today is 2026-03-16).");
        var kept = await AdverseEvent(s, "Sepsis", "3", "2026-02-01", "2026-03-17");
        Assert.Contains("value=\"2026-03-17\"", kept.Tag("ae-endDate"));

        Assert.Equal(Page1 + "?saved=1#timeline", (await AdverseEvent(s, "Sepsis", "3", "2026-02-01", "2026-02-10")).Location);
        Assert.Equal(Page1 + "?saved=2#timeline", (await AdverseEvent(s, "Nausea", "1", "2026-02-05")).Location);
        var stored = await app.Store.ListCurrentAsync(TestApp.Trial, "P-1");
        Assert.Equal(new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 2, 1), null, "Sepsis", 3) { EndDate = new DateOnly(2026, 2, 10), Assessment = Assessment(true) }, stored[0].Content);
        Assert.Equal(new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 2, 5), null, "Nausea", 1) { Assessment = Assessment(false) }, stored[1].Content);

        var after = await s.GetAsync(Page1);
        var timeline = Regex.Matches(after.Html, "<time datetime=\"([0-9-]+)\">[0-9-]+</time> ([^<]+)").Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value.Trim()}").ToArray();
        Assert.Equal(["2026-01-15 Randomized", "2026-02-01 Adverse event: Sepsis, grade 3 (onset 2026-02-01, resolved 2026-02-10)" + Described(true),
                      "2026-02-05 Adverse event: Nausea, grade 1 (ongoing)" + Described(false)], timeline);
        Assert.Contains("value=\"2026-02-10\"", after.Tag("c1-endDate"));
        Assert.Contains("<label for=\"c2-endDate\">End date (leave empty while ongoing)</label>", after.Html);

        // A correction: a malformed end date is shown next to the correction's field; then Nausea resolves, Sepsis reopens.
        string beforeCorrection = await app.SnapshotAsync();
        var bad = await s.SubmitAsync(Page1, Page1 + "?handler=Correct&entryId=2", ("c.kind", "adverse_event"), ("c.term", "Nausea"), ("c.grade", "1"),
            ("c.date", "2026-02-05"), ("c.endDate", "soon"), ("c.reason", "resolved"), ("c.serious", "no"), ("c.attribution", "possible"), ("c.actionTaken", "none"), ("c.outcome", "recovered"));
        Assert.Equal(400, bad.Status);
        Assert.Equal("'soon' is not a date; enter the end date as yyyy-MM-dd, for example 2026-03-02, or leave it empty while the event is ongoing.", bad.ErrorFor("c2-endDate"));
        Assert.Contains("value=\"soon\"", bad.Tag("c2-endDate"));
        Assert.Equal(beforeCorrection, await app.SnapshotAsync());

        Assert.Equal(302, (await s.SubmitAsync(Page1, Page1 + "?handler=Correct&entryId=2", [("c.kind", "adverse_event"), ("c.term", "Nausea"), ("c.grade", "1"),
            ("c.date", "2026-02-05"), ("c.endDate", "2026-02-07"), ("c.reason", "resolved per clinic note"), .. Assessed("c", "2026-02-07")])).Status);
        Assert.Equal(302, (await s.SubmitAsync(Page1, Page1 + "?handler=Correct&entryId=1", [("c.kind", "adverse_event"), ("c.term", "Sepsis"), ("c.grade", "3"),
            ("c.date", "2026-02-01"), ("c.endDate", ""), ("c.reason", "not resolved after all"), .. Assessed("c", "")])).Status);
        var history = await app.Store.HistoryAsync(TestApp.Trial, "P-1");
        Assert.Equal([(1L, 1, (DateOnly?)new DateOnly(2026, 2, 10)), (1L, 2, null), (2L, 1, null), (2L, 2, new DateOnly(2026, 2, 7))],
            history.Select(e => (e.EntryId, e.Version, e.Content.EndDate)));
        var final = await s.GetAsync(Page1);
        Assert.Contains("<td>Adverse event: Nausea, grade 1 (onset 2026-02-05, resolved 2026-02-07)" + Described(true) + "</td>", final.Html);
        Assert.Contains("<td>Adverse event: Sepsis, grade 3 (ongoing)" + Described(false) + "</td>", final.Html);
    }
}
