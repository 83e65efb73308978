using Evident.Cli;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// The demo's closed and open reports and the report of a trial with short follow-up (the demo's data cut off after
/// 18 months of accrual) in headless chromium at 1280 px, at 390 px and printed on A4 (<see cref="ReportLayout"/>):
/// each section is there, no figure text is clipped or overlapped, tables fit (or scroll in their wrapper on a phone).
/// </summary>
[Collection("demo")]
public sealed class ReportPageBrowserTests(DemoRun demo)
{
    private static readonly string[] Closed = ["accrual", "participants", "primary", "kaplan-meier", "forest", "competing-risks", "monitoring", "safety"];
    private static readonly string[] Open = ["accrual", "participants-pooled", "events-pooled", "safety-pooled"];

    private static async Task<(IPlaywright, IBrowser, IBrowserContext)> BrowserAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        return (playwright, browser, await browser.NewContextAsync());
    }

    [Fact]
    public async Task The_demos_closed_and_open_reports_fit_a_screen_a_phone_and_A4()
    {
        Assert.True(demo.ExitCode == 0, demo.Errors);
        var (playwright, browser, context) = await BrowserAsync();
        using var _ = playwright;
        await using var __ = browser;
        await ReportLayout.CheckAsync(context, new Uri(Path.Combine(demo.Directory, "report.html")).AbsoluteUri, "demo-closed", Closed);
        await ReportLayout.CheckAsync(context, new Uri(Path.Combine(demo.Directory, "report-open.html")).AbsoluteUri, "demo-open", Open);
        await ReportLayout.CheckAsync(context, new Uri(Path.Combine(demo.Directory, "summary.html")).AbsoluteUri, "demo-summary", []);
    }

    [Fact]
    public async Task A_report_with_short_follow_up_fits_too()
    {
        Assert.True(demo.ExitCode == 0, demo.Errors);
        string output = Path.Combine(Path.GetTempPath(), $"evident-short-{Guid.NewGuid():N}");
        var stderr = new StringWriter();
        int code = EvidentApp.Run(["analyze", Path.Combine(AppContext.BaseDirectory, "examples", "aall1731", "protocol.yaml"),
                                   "--data", Path.Combine(demo.Directory, "data", "participants.csv"), "--ae", Path.Combine(demo.Directory, "data", "adverse_events.csv"),
                                   "--cutoff", "2021-01-31", "--out", output], new StringWriter(), stderr);
        Assert.True(code == 0, stderr.ToString());
        try
        {
            var (playwright, browser, context) = await BrowserAsync();
            using var _ = playwright;
            await using var __ = browser;
            await ReportLayout.CheckAsync(context, new Uri(Path.Combine(output, "report.html")).AbsoluteUri, "short-closed", ["accrual", "participants", "primary", "kaplan-meier"]);
            await ReportLayout.CheckAsync(context, new Uri(Path.Combine(output, "report-open.html")).AbsoluteUri, "short-open", Open);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
