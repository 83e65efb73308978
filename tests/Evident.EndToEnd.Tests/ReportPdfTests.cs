using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// The demo's closed and open reports printed to A4 PDF by headless chromium (<c>page.PdfAsync</c>, the print CSS, as a
/// browser's "Save as PDF" does), the text read back with PdfPig: every page carries the data cut-off, the data's SHA-256,
/// the protocol's SHA-256 and Evident's version (from the report's own results file), and each section title of the page
/// is printed. The PDFs land in artifacts/reports.
/// </summary>
[Collection("demo")]
public sealed class ReportPdfTests(DemoRun demo)
{
    [Theory]
    [InlineData("report.html", "results.json", "demo-closed-print", new[] { "Accrual", "Participant flow", "Participants", "Completeness of follow-up", "Kaplan–Meier curves", "Interim monitoring", "Deaths and overall survival", "Adverse events: highest grade and serious events" })]
    [InlineData("report-open.html", "results-open.json", "demo-open-print", new[] { "Accrual", "Participant flow", "Participants (all arms)", "Completeness of follow-up", "Events (all arms)", "Adverse events: highest grade and serious events" })]
    public async Task Every_printed_page_carries_the_cut_off_both_hashes_and_the_version(string report, string results, string name, string[] titles)
    {
        Assert.True(demo.ExitCode == 0, demo.Errors);
        var json = JsonDocument.Parse(demo.Read(results)).RootElement;
        var block = json.GetProperty("report");
        string cutoff = json.GetProperty("data_cutoff").GetString() ?? "none (all data)";
        string[] provenance = ["data cut-off " + cutoff, block.GetProperty("data_sha256").GetString()!, block.GetProperty("protocol_sha256").GetString()!,
                               "Evident " + block.GetProperty("software_version").GetString()!];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Chromium.TimeoutMs);
        await page.GotoAsync(new Uri(Path.Combine(demo.Directory, report)).AbsoluteUri);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var headings = await page.Locator("section > h2").AllInnerTextsAsync();
        foreach (string title in titles) Assert.Contains(title, headings);
        Directory.CreateDirectory(ReportLayout.Artifacts);
        byte[] pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(ReportLayout.Artifacts, name + ".pdf"), Format = "A4", PreferCSSPageSize = true, PrintBackground = true });

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2, $"{name}.pdf has {document.NumberOfPages} page(s)");
        var problems = new List<string>();
        string all = "";
        foreach (var p in document.GetPages())
        {
            // Words without spaces: a hash or a title broken over two lines still reads as one string.
            string text = Squeeze(string.Join(" ", p.GetWords().Select(w => w.Text)));
            all += text;
            foreach (string expected in provenance)
                if (!text.Contains(Squeeze(expected), StringComparison.Ordinal)) problems.Add($"page {p.Number}: '{expected}' is missing");
            if (!text.Contains(Squeeze($"page {p.Number} of {document.NumberOfPages}"), StringComparison.Ordinal)) problems.Add($"page {p.Number}: 'page {p.Number} of {document.NumberOfPages}' is missing");
        }
        foreach (string heading in headings.Where(h => h.Trim().Length > 0))
            if (!all.Contains(Squeeze(heading), StringComparison.Ordinal)) problems.Add($"the section title '{heading.Trim()}' is not printed");
        Assert.True(problems.Count == 0, $"{name}.pdf:\n" + string.Join("\n", problems));
    }

    /// <summary>Without white space, and with the font's ligatures (ﬂ, ﬁ, …) as their letters (the invariant globalization mode does not normalize).</summary>
    private static string Squeeze(string text) =>
        Regex.Replace(text, @"\s+", "").Replace("\uFB00", "ff", StringComparison.Ordinal).Replace("\uFB01", "fi", StringComparison.Ordinal).Replace("\uFB02", "fl", StringComparison.Ordinal)
             .Replace("\uFB03", "ffi", StringComparison.Ordinal).Replace("\uFB04", "ffl", StringComparison.Ordinal);
}
