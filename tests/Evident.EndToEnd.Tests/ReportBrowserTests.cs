using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// report.html opened in headless Chromium (Debian's <c>chromium</c>, installed by .ci/run): every figure and table
/// renders, nothing is fetched from the network, and a screenshot is kept in the test output (artifacts/report.png).
/// </summary>
[Collection("demo")]
public sealed class ReportBrowserTests(DemoRun demo)
{
    [Fact]
    public async Task ReportRendersEveryFigureAndTableOffline()
    {
        Assert.True(demo.ExitCode == 0, demo.Errors);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        page.SetDefaultTimeout(Chromium.TimeoutMs);
        page.SetDefaultNavigationTimeout(Chromium.TimeoutMs);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        string file = Path.Combine(demo.Directory, "report.html");
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Equal(new Uri(file).AbsoluteUri, Assert.Single(requests));
        Assert.Contains("SYNTHETIC", await page.Locator("[data-synthetic]").InnerTextAsync());

        var figures = page.Locator("figure[data-figure]");
        int count = await figures.CountAsync();
        var ids = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var figure = figures.Nth(i);
            ids.Add((await figure.GetAttributeAsync("data-figure"))!);
            var box = await figure.Locator("svg").First.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.Width > 300 && box.Height > 200, $"figure {ids[^1]} is {box.Width}×{box.Height}");
            Assert.True(await figure.Locator("svg path, svg polyline, svg line, svg rect").CountAsync() > 10, $"figure {ids[^1]} draws nothing");
        }
        // Accrual by stratum (40 sites: by site in a table only), CONSORT flow, overall + two strata KM, forest, five causes,
        // monitoring, overall survival.
        Assert.Equal(new[] { "accrual-strata", "consort", "km-0", "km-1", "km-2", "forest", "cif-0", "cif-1", "cif-2", "cif-3", "cif-4", "monitoring", "km-overall-survival" }, ids);

        foreach (string table in new[] { "primary", "rmst", "subgroups", "competing-risks", "monitoring", "safety", "safety-severe" })
        {
            var rows = page.Locator($"table[data-table='{table}'] tbody tr");
            Assert.True(await rows.CountAsync() > 0, $"table {table} is empty");
            Assert.True(await rows.First.IsVisibleAsync(), $"table {table} is not visible");
        }
        Assert.Contains("Data cut-off: 2024-06-30", await page.Locator("footer[data-footer]").InnerTextAsync());

        string artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        string screenshot = Path.Combine(artifacts, "report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 50_000);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "report-print.png"), FullPage = false });
    }

}
