using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Capture;
using Evident.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>
/// A coordinator's worklist and participant list in headless chromium at 1280 px and at 390 px (a phone), against a
/// service of its own whose clock the test sets: 27 participants at site S1, one overdue and one due for follow-up, one
/// open data query. The coordinator sees the worklist, follows its link, searches, sorts by a header and pages; at
/// 390 px the tables scroll sideways inside their region with the visible cue, the page itself never scrolls sideways
/// (no column is cut off: the region's last column scrolls fully into view) and every link and button in the lists is at
/// least 44 px high. Screenshots go to artifacts/pages.
/// </summary>
[Collection("service")]
public sealed class ParticipantListBrowserTests(ServiceFixture service)
{
    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private const string Trial = "AALL1731";
    private const string Password = "coord1 has a long passphrase";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_coordinator_works_through_the_worklist_and_the_participant_list(int width)
    {
        string database = Path.Combine(Path.GetTempPath(), $"evident-list-{Guid.NewGuid():N}.db");
        var clock = new Clock(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var (app, baseUrl) = await ServiceFixture.StartServiceAsync(database, b => b.Services.AddSingleton<TimeProvider>(clock));
        await using var _ = app;
        try
        {
            var store = app.Services.GetRequiredService<TrialStore>();
            await SeedAsync(store, clock);
            var page = await ServiceFixture.SignInAsync(service.Browser, baseUrl, Trial, "coord1", Password, new ViewportSize { Width = width, Height = 900 });

            // The worklist: one overdue, one due, one query to answer.
            var followUp = page.GetByRole(AriaRole.Region, new() { Name = "Follow-up due" });
            Assert.Contains("Overdue since 2026-07-01", await followUp.InnerTextAsync());
            Assert.Contains("Due since 2026-07-26; overdue from 2026-08-25", await followUp.InnerTextAsync());
            var queries = page.GetByRole(AriaRole.Region, new() { Name = "Queries to answer" });
            Assert.Contains("The clinic letter says 2 March.", await queries.InnerTextAsync());
            await AssertLayoutAsync(page, width, "#follow-up", mustScroll: false);
            await ServiceFixture.ScreenshotAsync(page, $"worklist-{width}");
            await followUp.GetByRole(AriaRole.Link, new() { Name = "L-03" }).ClickAsync();
            await page.WaitForURLAsync($"{baseUrl}/t/{Trial}/participants/L-03");

            // The list: 25 a page, search, a sortable header, the next page.
            await page.GotoAsync($"/t/{Trial}/participants");
            var table = page.Locator("#participants");
            Assert.Equal(25, await table.Locator("tbody tr").CountAsync());
            Assert.Contains("Page 1 of 2 (27 participants)", await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of participants" }).InnerTextAsync());
            await AssertLayoutAsync(page, width, "#participants", mustScroll: true);
            await ServiceFixture.ScreenshotAsync(page, $"participants-{width}");
            var region = page.GetByRole(AriaRole.Region, new() { Name = "Participants", Exact = false });
            await region.EvaluateAsync("r => r.scrollLeft = r.scrollWidth");
            await ServiceFixture.ScreenshotAsync(page, $"participants-{width}-scrolled");

            await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
            await page.WaitForURLAsync($"**/participants?sort=randomized&page=2");
            Assert.Equal(["L-26", "L-27"], await table.Locator("tbody th").AllInnerTextsAsync());

            await page.GetByLabel("Search by participant id").FillAsync("l-0");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await page.WaitForURLAsync("**/participants?search=l-0&sort=randomized");
            Assert.Equal(9, await table.Locator("tbody tr").CountAsync());
            await table.GetByRole(AriaRole.Link, new() { Name = "Last contact" }).ClickAsync();
            await page.WaitForURLAsync("**/participants?search=l-0&sort=last_contact");
            Assert.Equal("Last contact", (await table.Locator("th[aria-sort='ascending']").InnerTextAsync()).Trim());
            Assert.Equal("L-07", await table.Locator("tbody th").First.InnerTextAsync());
            await table.GetByRole(AriaRole.Link, new() { Name = "Last contact" }).ClickAsync();
            await page.WaitForURLAsync("**/participants?search=l-0&sort=last_contact&order=desc");
            Assert.Equal(["L-01", "L-02", "L-04", "L-06", "L-08", "L-09", "L-05", "L-03", "L-07"], await table.Locator("tbody th").AllInnerTextsAsync());
            string text = await page.Locator("main").InnerTextAsync();
            Assert.Contains("Lost to follow-up", text);
            Assert.DoesNotContain("lost_to_follow_up", text);
            Assert.DoesNotContain("Arm", await table.Locator("thead").InnerTextAsync());
            await ServiceFixture.ScreenshotAsync(page, $"participants-sorted-{width}");
            await page.Context.CloseAsync();
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(database + suffix); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The page never scrolls sideways; the table's region scrolls when (and only when) the table is wider than it, with
    /// the cue visible at 390 px (where <paramref name="mustScroll"/> tables must be wider than the screen) and hidden at 1280 px; scrolled to its end, the last column is wholly inside the region;
    /// every link and button of the lists is at least 44 px high.
    /// </summary>
    private static async Task AssertLayoutAsync(IPage page, int width, string table, bool mustScroll)
    {
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the page scrolls sideways");
        var region = page.Locator($"div.table-scroll:has({table})");
        var hint = page.Locator($"p.scroll-hint:has(+ div.table-scroll {table})");
        int overflow = await region.EvaluateAsync<int>("r => r.scrollWidth - r.clientWidth");
        if (width <= 390)
        {
            Assert.True(overflow > 0 || !mustScroll, $"{table}: at {width} px the table fits, so the scroll cue is not exercised");
            Assert.True(await hint.IsVisibleAsync(), $"{table}: no visible scroll cue at {width} px");
            Assert.Contains("Scroll sideways", await hint.InnerTextAsync());
        }
        else
        {
            Assert.True(overflow <= 0, $"{table}: at {width} px the table overflows by {overflow} px");
            Assert.False(await hint.IsVisibleAsync(), $"{table}: the scroll cue shows at {width} px");
        }
        bool lastColumnReachable = await region.EvaluateAsync<bool>(
            "r => { r.scrollLeft = r.scrollWidth; const cells = r.querySelectorAll('thead th'); const last = cells[cells.length - 1].getBoundingClientRect();" +
            " const box = r.getBoundingClientRect(); const ok = last.right <= box.right + 1 && last.left >= box.left - 1; r.scrollLeft = 0; return ok; }");
        Assert.True(lastColumnReachable, $"{table}: the last column cannot be scrolled into view");
        var small = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main .table-scroll a, nav.pager a, form.list-search button, form.list-search input[type=search]')]" +
            ".filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML)");
        Assert.True(small.Length == 0, "targets under 44 px: " + string.Join(", ", small));
    }

    /// <summary>
    /// A blinded trial, sites S1 and S2, coordinator coord1 (S1); 27 participants L-01…L-27 at S1 randomized on 2026-01-15;
    /// then on 2026-08-03: L-03 last seen 2026-03-01 (overdue) with a query, L-05 last seen 2026-04-25 (due), L-07 lost
    /// to follow-up, every other participant seen on 2026-07-01.
    /// </summary>
    private static async Task SeedAsync(TrialStore store, Clock clock)
    {
        string yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "aall1731", "protocol.yaml"));
        await store.CreateTrialAsync(yaml, "protocol.yaml", blinded: true, 200, new Random(1731), "cli:test");
        await store.AddSiteAsync(Trial, "S1", "Site one", "cli:test");
        await store.AddSiteAsync(Trial, "S2", "Site two", "cli:test");
        await store.AddUserAsync(Trial, "coord1", TrialRole.SiteCoordinator, "S1", Passwords.Hash(Password), TimeSpan.FromDays(400), "cli:test");
        await store.AddUserAsync(Trial, "mon", TrialRole.Monitor, null, null, TimeSpan.FromDays(400), "cli:test");
        for (int i = 1; i <= 27; i++)
        {
            var request = new EnrolmentRequest($"L-{i:D2}", "S1", new Dictionary<string, string> { ["risk"] = i % 3 == 0 ? "SR-average" : "SR-high" },
                new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });
            var outcome = await store.RandomizeAsync(Trial, request, null, new Random(i), "coord1");
            Assert.NotNull(outcome.Randomization);
        }
        clock.Now = clock.Now.AddDays(200);
        CaptureInput Contact(int month, int day) => new(CaptureKind.LastContact, new DateOnly(2026, month, day), null, null, null);
        var contact = await store.RecordAsync(Trial, "L-03", Contact(3, 1), "coord1");
        await store.RecordAsync(Trial, "L-05", Contact(4, 25), "coord1");
        await store.RecordAsync(Trial, "L-07", new CaptureInput(CaptureKind.LostToFollowUp, new DateOnly(2026, 6, 1), null, null, null) { OffStudyReason = "Moved abroad" }, "coord1");
        foreach (int i in Enumerable.Range(1, 27).Where(i => i is not (3 or 5 or 7)))
            await store.RecordAsync(Trial, $"L-{i:D2}", Contact(7, 1), "coord1");
        await store.OpenQueryAsync(Trial, "L-03", contact.EntryId, "The clinic letter says 2 March.", "mon");
    }
}
