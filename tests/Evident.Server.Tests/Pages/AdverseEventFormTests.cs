using Evident.Randomization.Capture;
using Evident.Storage;

namespace Evident.Server.Tests.Pages;

/// <summary>
/// The participant page's adverse-event form (term from the protocol's list or "Other, specify", the term's grade
/// descriptions, seriousness with its criteria, attribution, action taken, outcome) and the worklist's serious
/// adverse events awaiting expedited review on the trial's home page.
/// </summary>
public sealed class AdverseEventFormTests
{
    private const string Home = "/t/AALL1731";
    private const string Page1 = "/t/AALL1731/participants/P-1";

    /// <summary>P-1 (S1) randomized on 2026-01-15; today is 2026-03-16.</summary>
    private static async Task<TestApp> StartAsync()
    {
        var app = await new TestApp().SeedAsync(password: PageSession.Password);
        Assert.Equal(201, (int)(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(60));
        return app;
    }

    private static Task<PageSession.Answer> Record(PageSession s, params (string, string)[] fields) => s.SubmitAsync(Page1, Page1 + "?handler=AdverseEvent", fields);

    [Fact]
    public async Task Every_missing_answer_is_shown_at_its_field_at_once_with_the_terms_grade_descriptions_and_nothing_is_stored()
    {
        using var app = await StartAsync();
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        var form = await s.GetAsync(Page1);
        Assert.Contains("<option value=\"Sepsis\" label=\"Infections and infestations\"></option>", form.Html);
        Assert.Contains("<option value=\"Other, specify\"></option>", form.Html);
        Assert.Contains("<dd>Grade 3: Blood culture positive with signs or symptoms; treatment indicated</dd>", form.Text);
        string before = await app.SnapshotAsync();

        var empty = await Record(s, ("ae.term", "Sepsis"), ("ae.grade", "4"), ("ae.date", ""), ("ae.serious", "yes"));
        Assert.Equal(400, empty.Status);
        Assert.Equal("Enter the onset date.", empty.ErrorFor("ae-date"));
        Assert.Equal("A serious adverse event meets at least one criterion: death, life-threatening, hospitalization or its prolongation, disability or incapacity, congenital anomaly, or another important medical event.",
            empty.ErrorFor("ae-seriousCriteria"));
        Assert.Equal("Give the attribution to the study treatment: unrelated, unlikely, possible, probable or definite.", empty.ErrorFor("ae-attribution"));
        Assert.Equal("Give the action taken with the study treatment.", empty.ErrorFor("ae-actionTaken"));
        Assert.Equal("Give the outcome of the adverse event.", empty.ErrorFor("ae-outcome"));
        foreach (string id in new[] { "ae-date", "ae-seriousCriteria", "ae-attribution", "ae-actionTaken", "ae-outcome" })
            Assert.Contains($"<li><a href=\"#{id}\">", empty.Html);
        // The grade offers sepsis's own grades with the protocol's words, and keeps the answer.
        Assert.Contains("<option value=\"4\" selected=\"selected\">4 – Life-threatening consequences; urgent intervention indicated</option>", empty.Text);
        Assert.DoesNotContain("<option value=\"2\"", empty.Html);

        var other = await Record(s, ("ae.term", "Other, specify"), ("ae.otherTerm", ""), ("ae.grade", "2"), ("ae.date", "2026-02-01"), ("ae.serious", "no"),
            ("ae.attribution", "unlikely"), ("ae.actionTaken", "none"), ("ae.outcome", "recovering"));
        Assert.Equal("Write the term of the adverse event that is not in the protocol's list.", other.ErrorFor("ae-otherTerm"));
        var unlisted = await Record(s, ("ae.term", "Sepsys"), ("ae.grade", "2"), ("ae.date", "2026-02-01"), ("ae.serious", "no"),
            ("ae.attribution", "unlikely"), ("ae.actionTaken", "none"), ("ae.outcome", "recovering"));
        Assert.Equal("'Sepsys' is not in the protocol's term list; choose one of its terms, or 'Other, specify' and write the term.", unlisted.ErrorFor("ae-term"));
        var fatal = await Record(s, ("ae.term", "Sepsis"), ("ae.grade", "5"), ("ae.date", "2026-02-01"), ("ae.serious", "yes"), ("ae.seriousCriteria", "hospitalization"),
            ("ae.attribution", "possible"), ("ae.actionTaken", "discontinued"), ("ae.outcome", "not_recovered"));
        Assert.Equal("A grade 5 adverse event (death related to the event) meets the criterion death.", fatal.ErrorFor("ae-seriousCriteria"));
        Assert.Equal("A grade 5 adverse event (death related to the event) has the outcome fatal.", fatal.ErrorFor("ae-outcome"));
        Assert.Contains("checked=\"checked\"", fatal.Tag("ae-seriousCriteria-2"));
        Assert.Equal(before, await app.SnapshotAsync());

        var saved = await Record(s, ("ae.term", "Other, specify"), ("ae.otherTerm", "Pancreatitis, other"), ("ae.grade", "2"), ("ae.date", "2026-02-01"), ("ae.serious", "no"),
            ("ae.attribution", "unlikely"), ("ae.actionTaken", "none"), ("ae.outcome", "recovering"));
        Assert.Equal(302, saved.Status);
        var stored = Assert.Single(await app.Store.ListCurrentAsync(TestApp.Trial, "P-1"));
        Assert.Equal("Pancreatitis, other", stored.Content.Term);
        Assert.Equal(new AdverseEventAssessment(false, SeriousCriteria.None, Attribution.Unlikely, ActionTaken.None, AdverseEventOutcome.Recovering), stored.Content.Assessment);
        // Its correction form shows the term under "Other, specify".
        var page = await s.GetAsync(Page1);
        Assert.Contains("value=\"Other, specify\"", page.Tag("c1-term"));
        Assert.Contains("value=\"Pancreatitis, other\"", page.Tag("c1-otherTerm"));
    }

    [Fact]
    public async Task A_serious_adverse_event_from_the_form_waits_on_the_worklist_of_the_admin_until_marked_reviewed()
    {
        using var app = await StartAsync();
        using var coordinator = new PageSession(app);
        await coordinator.LoginAsync("coord1");
        var saved = await Record(coordinator, ("ae.term", "Febrile neutropenia"), ("ae.grade", "3"), ("ae.date", "2026-02-01"), ("ae.endDate", "2026-02-09"), ("ae.serious", "yes"),
            ("ae.seriousCriteria", "hospitalization"), ("ae.attribution", "probable"), ("ae.actionTaken", "interrupted"), ("ae.outcome", "recovered"));
        Assert.Equal(302, saved.Status);
        var page = await coordinator.GetAsync(Page1);
        Assert.Contains("Adverse event: Febrile neutropenia, grade 3 (onset 2026-02-01, resolved 2026-02-09) – serious: requires inpatient hospitalization or prolongs an existing one; " +
                        "probable attribution; treatment interrupted or delayed; recovered or resolved", page.Text);
        Assert.Contains("serious adverse event awaiting expedited review", page.Text);
        Assert.DoesNotContain("Mark entry 1 reviewed", page.Text);
        Assert.DoesNotContain("Serious adverse events to review", (await coordinator.GetAsync(Home)).Text);
        var refused = await coordinator.SubmitAsync(Page1, Page1 + "?handler=ReviewSeriousEvent&entryId=1");
        Assert.Equal(403, refused.Status);

        using var admin = new PageSession(app);
        await admin.LoginAsync("admin");
        var home = await admin.GetAsync(Home);
        Assert.Contains("<h2 id=\"serious-events\">Serious adverse events to review</h2>", home.Html);
        Assert.Contains("One serious adverse event is awaiting expedited review.", home.Text);
        Assert.Contains("<a href=\"/t/AALL1731/participants/P-1#entry-1\">P-1</a>", home.Html);
        var reviewed = await admin.SubmitAsync(Home, Page1 + "?handler=ReviewSeriousEvent&entryId=1");
        Assert.Equal(302, reviewed.Status);
        Assert.Equal(Home + "#serious-events", reviewed.Location);
        Assert.Contains("No serious adverse event is awaiting review.", (await admin.GetAsync(Home)).Text);
        Assert.Contains("serious adverse event reviewed by admin on 2026-03-16", (await admin.GetAsync(Page1)).Text);
        var again = await admin.SubmitAsync(Page1, Page1 + "?handler=ReviewSeriousEvent&entryId=1");
        Assert.Equal(409, again.Status);
        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial)).Last();
        Assert.Equal(("sae.review", "admin", "participant:P-1"), (audit.Action, audit.Actor, audit.Entity));
    }
}
