using Evident.Server.Dashboard;
using Evident.Server.Infrastructure;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Capture;
using Evident.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>
/// The DSMB dashboard in headless chromium against a service of its own whose clock the test moves: 400 participants
/// randomized over 20 months (the service allocates the arms), follow-up in which the arm the service chose lowers the
/// hazard, then the unblinded statistician opens the dashboard and every figure draws. Screenshots go to artifacts/pages.
/// </summary>
[Collection("service")]
public sealed class DashboardBrowserTests(ServiceFixture service)
{
    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private const string Trial = "AALL1731";
    private const string Password = "unblinded has a long passphrase";

    [Fact]
    public async Task TheUnblindedStatisticianSeesTheLiveCurvesAndBoundaries()
    {
        string database = Path.Combine(Path.GetTempPath(), $"evident-dashboard-{Guid.NewGuid():N}.db");
        var clock = new Clock(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var (app, baseUrl) = await ServiceFixture.StartServiceAsync(database, b => b.Services.AddSingleton<TimeProvider>(clock));
        await using var _ = app;
        try
        {
            var store = app.Services.GetRequiredService<TrialStore>();
            await SeedAsync(store, clock);

            var page = await ServiceFixture.SignInAsync(service.Browser, baseUrl, Trial, "dsmb", Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "DSMB dashboard" }).First.ClickAsync();
            await page.WaitForURLAsync($"**/t/{Trial}/dashboard");

            Assert.Contains("UNBLINDED", await page.Locator("[data-unblinded]").InnerTextAsync());
            Assert.Contains("400 randomized", await page.Locator("p.lead").InnerTextAsync());
            string[] figures = ["accrual-strata", "accrual-sites", "consort", "km-0", "km-1", "km-2", "monitoring", "cif-0", "cif-1", "cif-2"];
            foreach (string id in figures)
            {
                var figure = page.Locator($"figure[data-figure='{id}']");
                var box = await figure.Locator("svg").First.BoundingBoxAsync();
                Assert.True(box is { Width: > 300, Height: > 200 }, $"figure {id} is {box?.Width}×{box?.Height}");
                Assert.True(await figure.Locator("svg path, svg polyline, svg line").CountAsync() > 10, $"figure {id} draws nothing");
            }
            // Both arms' curves are drawn and labelled in the overall Kaplan–Meier figure.
            string km = await page.Locator("figure[data-figure='km-0'] svg").InnerHTMLAsync();
            Assert.Contains("Chemotherapy + blinatumomab", km);
            foreach (string table in new[] { "enrolment", "primary", "monitoring", "competing-risks" })
                Assert.True(await page.Locator($"table[data-table='{table}'] tbody tr").CountAsync() > 0, $"table {table} is empty");
            // Each planned look's predicted date from the blinded data (issue 16).
            Assert.Equal(4, await page.Locator("table[data-table='forecast'] tbody tr").CountAsync());
            foreach (string date in await page.Locator("table[data-table='forecast'] td[data-predicted-date]").AllInnerTextsAsync())
                Assert.Matches(@"^(reached )?\d{4}-\d{2}-\d{2}$", date);
            await ServiceFixture.ScreenshotAsync(page, "dashboard");
            await page.SetViewportSizeAsync(ServiceFixture.Tablet.Width, ServiceFixture.Tablet.Height);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the dashboard scrolls sideways on a tablet");
            await ServiceFixture.ScreenshotAsync(page, "dashboard-tablet");
            await FreezeAndOpenTheCutAsync(page.Context, page, baseUrl);
            await page.Context.DisposeAsync();
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
    /// The statistician freezes a data cut with the dashboard's button; the cut's dashboard and its closed and open
    /// reports (downloaded as the links give them) fit 1280 px, 390 px and A4 with no figure text clipped or overlapped.
    /// </summary>
    private static async Task FreezeAndOpenTheCutAsync(IBrowserContext context, IPage page, string baseUrl)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByLabel("Cut-off").FillAsync("2026-09-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Freeze a data cut" }).ClickAsync();
        await page.WaitForURLAsync($"**/t/{Trial}/dashboard?cut=1");
        Assert.Contains("Frozen data cut 1", await page.Locator("[data-cut='1']").InnerTextAsync());
        Assert.Contains("400 randomized", await page.Locator("p.lead").InnerTextAsync());
        await ReportLayout.CheckAsync(context, $"{baseUrl}/t/{Trial}/dashboard?cut=1", "dashboard-cut", DashboardSections);
        await CheckTheShortCutAsync(context, page, baseUrl);
        foreach (string kind in new[] { "closed", "open" })
        {
            string href = (await page.Locator($"tr[data-cut-row='1'] a[data-report='{kind}']").GetAttributeAsync("href"))!;
            var download = await context.APIRequest.GetAsync(baseUrl + href);
            Assert.Equal(200, download.Status);
            Assert.Contains($"{Trial}-cut-1-report-{kind}.html", download.Headers["content-disposition"]);
            string file = Path.Combine(ReportLayout.Artifacts, $"dashboard-cut-report-{kind}.html");
            await File.WriteAllBytesAsync(file, await download.BodyAsync());
            await ReportLayout.CheckAsync(context, new Uri(file).AbsoluteUri, $"dashboard-cut-report-{kind}",
                                          kind == "closed" ? ["accrual", "participants", "primary", "kaplan-meier", "monitoring"] : ["accrual", "participants-pooled", "events-pooled"]);
        }
    }

    /// <summary>Every section the dashboard shows of a cut: its own (data cuts, enrolment) and each of the closed report's.</summary>
    private static readonly string[] DashboardSections =
        ["data-cuts", "enrolment", "queries", "forecast", .. InterimDashboard.Shown.Select(s => s.Id)];

    /// <summary>
    /// A second cut with a cut-off four months after the first randomization (80 participants, short follow-up): every
    /// section is still there and fits, and what the data cannot give (an interval of the median follow-up, the 3-year
    /// estimate) reads "not estimable", never a number.
    /// </summary>
    private static async Task CheckTheShortCutAsync(IBrowserContext context, IPage page, string baseUrl)
    {
        await page.GotoAsync($"{baseUrl}/t/{Trial}/dashboard");
        await page.GetByLabel("Cut-off").FillAsync("2025-05-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "Freeze a data cut" }).ClickAsync();
        await page.WaitForURLAsync($"**/t/{Trial}/dashboard?cut=2");
        Assert.Contains("Frozen data cut 2", await page.Locator("[data-cut='2']").InnerTextAsync());
        Assert.Contains("81 randomized", await page.Locator("p.lead").InnerTextAsync());
        Assert.Contains("not estimable", await page.Locator("section#primary").InnerTextAsync());
        Assert.DoesNotContain("NA", await page.Locator("table[data-table='follow-up']").InnerTextAsync());
        await ReportLayout.CheckAsync(context, $"{baseUrl}/t/{Trial}/dashboard?cut=2", "dashboard-cut-short", DashboardSections);
    }

    /// <summary>
    /// A blinded trial with sites S1–S3 and the unblinded user dsmb; 400 participants every 1.5 days (60% SR-average);
    /// exponential first events with monthly hazard 0.004 (SR-average) or 0.008 (SR-high), times 0.4 on the arm the
    /// service allocated blinatumomab; 70% marrow, 20% CNS relapse, 10% death; a sepsis AE for one in eight; cut-off
    /// 2026-09-30 with everyone else last seen then.
    /// </summary>
    private static async Task SeedAsync(TrialStore store, Clock clock)
    {
        string yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "aall1731", "protocol.yaml"));
        await store.CreateTrialAsync(yaml, "protocol.yaml", blinded: true, 1000, new Random(1731), "cli:test");
        foreach (string site in new[] { "S1", "S2", "S3" }) await store.AddSiteAsync(Trial, site, null, "cli:test");
        await store.AddUserAsync(Trial, "dsmb", TrialRole.UnblindedStatistician, null, Passwords.Hash(Password), TimeSpan.FromDays(30), "cli:test");
        var random = new Random(20251);
        var start = clock.Now;
        var randomized = new List<Allocation>();
        for (int i = 0; i < 400; i++)
        {
            clock.Now = start.AddHours(36 * i);
            var request = new EnrolmentRequest($"P{i:D3}", $"S{1 + i % 3}", new Dictionary<string, string> { ["risk"] = random.NextDouble() < 0.6 ? "SR-average" : "SR-high" },
                new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });
            var outcome = await store.RandomizeAsync(Trial, request, null, random, "coord");
            randomized.Add(outcome.Randomization ?? throw new InvalidOperationException(outcome.Message));
        }
        var cutoff = new DateOnly(2026, 9, 30);
        clock.Now = new DateTimeOffset(2026, 9, 30, 18, 0, 0, TimeSpan.Zero);
        foreach (var r in randomized)
        {
            var from = DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime);
            double hazard = (r.Strata["risk"] == "SR-average" ? 0.004 : 0.008) * (r.Arm == "blinatumomab" ? 0.4 : 1);
            double months = -Math.Log(1 - random.NextDouble()) / hazard;
            var when = from.AddDays((int)(months * 30.4375));
            CaptureInput entry;
            if (when <= cutoff)
            {
                double u = random.NextDouble();
                entry = u < 0.7 ? new CaptureInput(CaptureKind.Relapse, when, "marrow", null, null)
                    : u < 0.9 ? new CaptureInput(CaptureKind.Relapse, when, "cns", null, null)
                    : new CaptureInput(CaptureKind.Death, when, null, null, null);
            }
            else entry = new CaptureInput(CaptureKind.LastContact, cutoff, null, null, null);
            await store.RecordAsync(Trial, r.ParticipantId, entry, "coord");
            if (random.Next(8) == 0)
                await store.RecordAsync(Trial, r.ParticipantId, new CaptureInput(CaptureKind.AdverseEvent, from.AddDays(20), null, "Sepsis", 3), "coord");
        }
    }
}
