using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Evident.Server.Tests.Pages;

/// <summary>
/// The audit page: details as label: value in the protocol's words (no JSON, no null), times that do not wrap,
/// participant links, a correction as old → new, the chain's verification at the top, filters with their errors,
/// paging, and the CSV export of the filtered records; admins only.
/// </summary>
public sealed class AuditPageTests
{
    private const string AuditPage = "/t/AALL1731/audit";

    private static async Task<TestApp> StartAsync()
    {
        var app = await new TestApp().SeedAsync(password: PageSession.Password);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(20));
        var coord1 = app.As("coord1");
        var recorded = await TestApp.Json(await coord1.PostAsJsonAsync("/trials/AALL1731/participants/P-1/follow-up", new { kind = "relapse", date = "2026-02-01", relapseSite = "cns" }));
        long entry = recorded.GetProperty("entryId").GetInt64();
        Assert.True((await coord1.PostAsJsonAsync($"/trials/AALL1731/participants/P-1/entries/{entry}/corrections",
            new { kind = "relapse", date = "2026-02-03", relapseSite = "combined", reason = "source document re-read" })).IsSuccessStatusCode);
        return app;
    }

    [Fact]
    public async Task RecordsReadAsLabelsAndValuesWithTheCorrectionAsOldToNewAndTheChainVerified()
    {
        using var app = await StartAsync();
        using var s = new PageSession(app);
        await s.LoginAsync("admin");
        var page = await s.GetAsync(AuditPage);
        Assert.Equal(200, page.Status);
        Assert.Contains("<strong>Chain verified:</strong> all ", page.Html);
        Assert.DoesNotContain("{", page.Text[page.Text.IndexOf("<table", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("null", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("<time class=\"timestamp\" datetime=\"2026-02-04T09:00:00.0000000Z\">2026-02-04 09:00:00</time>", page.Html);
        Assert.Contains("<a href=\"/t/AALL1731/participants/P-1\">Participant P-1</a>", page.Html);
        Assert.Contains("<li>Date: <del>2026-02-01</del>", page.Html);
        Assert.Contains("<li>Relapse site: <del>Isolated CNS</del> <span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">changed to</span> <ins>Combined</ins></li>", page.Html);
        Assert.Contains("<div><dt>Risk group</dt><dd>SR-high</dd></div>", page.Html);
        Assert.Contains("<div><dt>Aged 1 to 9.99 years at diagnosis?</dt><dd>Yes</dd></div>", page.Html);
        Assert.Contains("<div><dt>Arm</dt><dd>(blinded)</dd></div>", page.Html);
        Assert.Contains("<div><dt>Site</dt><dd>Site one</dd></div>", page.Html);
        RandomizePageTests.AssertNoArm(page.Html);
        Assert.Contains("<option value=\"capture.correct\">Corrected</option>", page.Html);
        Assert.Contains("<td data-label=\"Reason\">source document re-read</td>", page.Html);
    }

    [Fact]
    public async Task FiltersNarrowTheRecordsAndTheExportHasExactlyThem()
    {
        using var app = await StartAsync();
        using var s = new PageSession(app);
        await s.LoginAsync("admin");
        var page = await s.GetAsync(AuditPage + "?participant=P-1&actor=&action=");
        Assert.Contains("Records 1–3 of 3 matching, newest first.", page.Text);
        Assert.Equal(3, Regex.Matches(page.Html, "<th scope=\"row\"").Count);
        var link = Regex.Match(page.Html, "<a class=\"button\" href=\"([^\"]+)\" download>Export these 3 records as CSV</a>");
        Assert.True(link.Success);
        var csv = await s.Client.GetAsync(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        string[] lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Randomized", "Recorded", "Corrected"], lines.Skip(1).Select(l => l.Split(',')[3]));

        var corrections = await s.GetAsync(AuditPage + "?action=capture.correct&from=2026-02-04&to=2026-02-04");
        Assert.Contains("Records 1–1 of 1 matching", corrections.Text);
        Assert.Contains("<option value=\"capture.correct\" selected=\"selected\">Corrected</option>", corrections.Html);
        Assert.Contains("No record matches.", (await s.GetAsync(AuditPage + "?actor=coord2")).Text);

        var bad = await s.GetAsync(AuditPage + "?from=2026-13-01&to=2026-01-01");
        Assert.Equal(200, bad.Status);
        Assert.Contains("<a href=\"#from\">", bad.Html);
        Assert.Equal("The first day must be a date written as 2026-01-15; '2026-13-01' is not.", bad.ErrorFor("from"));
    }

    [Fact]
    public async Task LongTrailsArePagedNewestFirst()
    {
        using var app = await StartAsync();
        for (int i = 0; i < 60; i++) await app.Store.AddSiteAsync(TestApp.Trial, $"X{i:D2}", $"Extra site {i}", "cli:test");
        long total = (await app.Store.ReadAuditAsync(TestApp.Trial)).Count;
        using var s = new PageSession(app);
        await s.LoginAsync("admin");
        var first = await s.GetAsync(AuditPage);
        Assert.Contains($"Records 1–50 of {total}, newest first.", first.Text);
        Assert.Contains("Page 1 of 2", first.Html);
        Assert.Contains("Site Extra site 59", first.Html);
        Assert.Contains("href=\"/t/AALL1731/audit?page=2\" rel=\"next\">Older records</a>", first.Html);
        var second = await s.GetAsync(AuditPage + "?page=2");
        Assert.Contains($"Records 51–{total} of {total}, newest first.", second.Text);
        Assert.Contains("Trial created", second.Html);
        Assert.Equal(total - 50, Regex.Matches(second.Html, "<th scope=\"row\"").Count);
        Assert.Contains("Page 2 of 2", (await s.GetAsync(AuditPage + "?page=9")).Html);
    }
}
