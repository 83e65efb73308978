using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Evident.Randomization.Capture;
using Evident.Storage;

namespace Evident.Server.Tests.Pages;

/// <summary>
/// Data queries on the pages: a monitor raises a query from the participant page (messages next to the fields), the
/// site's coordinator sees it and answers it there, another site's coordinator cannot, only the raiser closes it; the
/// dashboard counts the queries not yet closed per site.
/// </summary>
public sealed class QueryPageTests
{
    private const string Page1 = "/t/AALL1731/participants/P-1";

    [Fact]
    public async Task A_monitor_raises_a_query_the_site_answers_and_the_monitor_closes_it_on_the_participant_page()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        Assert.Equal(201, (int)(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(60));
        var entry = await app.Store.RecordAsync(TestApp.Trial, "P-1", new CaptureInput(CaptureKind.LastContact, new DateOnly(2026, 3, 1), null, null, null), "coord1");
        Assert.Equal(201, (int)(await app.As("admin").PostAsJsonAsync("/trials/AALL1731/users", new { name = "mon", role = "monitor", password = PageSession.Password })).StatusCode);

        using var monitor = new PageSession(app);
        await monitor.LoginAsync("mon");
        var page = await monitor.GetAsync(Page1);
        Assert.Contains("Raise a query", page.Html);
        Assert.DoesNotContain("Record follow-up", page.Html);
        var empty = await monitor.SubmitAsync(Page1, Page1 + "?handler=Query", ("q.entry", ""), ("q.text", " "));
        Assert.Equal(400, empty.Status);
        Assert.Equal("Choose the entry the query is about.", empty.ErrorFor("q-entry"));
        Assert.Equal("The question is required (1 to 2000 characters).", empty.ErrorFor("q-text"));
        Assert.Empty(await app.Store.ListQueriesAsync(TestApp.Trial));
        var raised = await monitor.SubmitAsync(Page1, Page1 + "?handler=Query", ("q.entry", entry.EntryId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("q.text", "The letter says 2 March."));
        Assert.Equal(302, raised.Status);
        long id = Assert.Single(await app.Store.ListQueriesAsync(TestApp.Trial)).QueryId;
        Assert.Contains($"Close query {id}", (await monitor.GetAsync(Page1)).Html);

        using var coord2 = new PageSession(app);
        await coord2.LoginAsync("coord2");
        Assert.Equal(404, (await coord2.GetAsync(Page1)).Status);

        using var coord1 = new PageSession(app);
        await coord1.LoginAsync("coord1");
        var sitePage = await coord1.GetAsync(Page1);
        Assert.Contains("The letter says 2 March.", sitePage.Html);
        Assert.Contains("Open: waiting for the site", sitePage.Html);
        Assert.DoesNotContain("Raise a query", sitePage.Html);
        string step = $"{Page1}?queryId={id}&action=answer&handler=QueryStep";
        Assert.Equal(400, (await coord1.SubmitAsync(Page1, step, ($"q{id}.text", ""))).Status);
        Assert.Equal(302, (await coord1.SubmitAsync(Page1, step, ($"q{id}.text", "Corrected: it was 2 March."))).Status);
        Assert.Contains("Answered: waiting for the raiser to close it", (await coord1.GetAsync(Page1)).Html);

        // The unblinded statistician's dashboard counts it as answered at site one.
        using var dsmb = new PageSession(app);
        await dsmb.LoginAsync("unblinded");
        var dashboard = await dsmb.GetAsync("/t/AALL1731/dashboard");
        Assert.Matches(RowPattern("Site one", 0, 1), dashboard.Html);
        Assert.Matches(RowPattern("Site two", 0, 0), dashboard.Html);
        // Someone else than the raiser cannot close it.
        var refused = await dsmb.SubmitAsync(Page1, $"{Page1}?queryId={id}&action=close&handler=QueryStep", ($"q{id}.text", ""));
        Assert.Equal(403, refused.Status);
        Assert.Equal($"Only mon, who opened query {id}, closes it.", refused.ErrorFor($"q{id}-text"));

        Assert.Equal(302, (await monitor.SubmitAsync(Page1, $"{Page1}?queryId={id}&action=close&handler=QueryStep", ($"q{id}.text", ""))).Status);
        Assert.Equal("closed", (await app.Store.GetQueryAsync(TestApp.Trial, id))!.Status);
        Assert.Matches(RowPattern("Site one", 0, 0), (await dsmb.GetAsync("/t/AALL1731/dashboard")).Html);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
    }

    private static Regex RowPattern(string site, int open, int answered) =>
        new($"<th scope=\"row\">{site}</th><td class=\"num\">{open}</td><td class=\"num\">{answered}</td>");
}
