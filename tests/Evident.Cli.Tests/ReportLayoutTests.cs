using System.Text.RegularExpressions;

namespace Evident.Cli.Tests;

/// <summary>
/// What makes the reports and the clinician summary read on a phone and print on A4 (the browser tests measure it): a
/// viewport, "SYNTHETIC" first in the title for synthetic data, every report table in a wrapper that scrolls sideways
/// (with a hint above a wide one), the safety table's by-stratum counts split into a table of their own.
/// </summary>
public sealed partial class ReportLayoutTests
{
    private static string TrialFile(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", relative);

    private static Dictionary<string, string> Analyze(params string[] extra)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-layout-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = Fixtures.Run(["analyze", TrialFile("protocols/cgd.yaml"), "--data", TrialFile("data/cgd.csv"), "--ae", TrialFile("data/cgd-adverse-events.csv"), "--out", directory, .. extra]);
        Assert.True(code == 0, stderr);
        var files = Directory.GetFiles(directory).ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        Directory.Delete(directory, recursive: true);
        return files;
    }

    [Fact]
    public void Every_page_has_a_viewport_and_says_SYNTHETIC_in_its_title_only_for_synthetic_data()
    {
        var real = Analyze();
        var synthetic = Analyze("--synthetic");
        foreach (string page in new[] { "report.html", "report-open.html", "summary.html" })
        {
            Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", real[page]);
            Assert.DoesNotContain("SYNTHETIC", Title(real[page]));
            Assert.StartsWith("SYNTHETIC — ", Title(synthetic[page]));
        }
        Assert.Contains("closed report (by arm)", Title(real["report.html"]));
        Assert.Contains("open report (all arms pooled)", Title(real["report-open.html"]));
    }

    [Fact]
    public void Every_table_scrolls_in_a_wrapper_and_the_safety_strata_have_a_table_of_their_own()
    {
        var files = Analyze();
        foreach (string page in new[] { "report.html", "report-open.html" })
        {
            string html = files[page];
            int tables = Regex.Count(html, "<table");
            Assert.True(tables >= 4, $"{page} has {tables} tables");
            Assert.Equal(tables, Regex.Count(html, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"[^\"]+ table\"><table"));
            Assert.Equal(tables, Regex.Count(html, "</table></div>"));
        }
        string closed = files["report.html"];
        Assert.Contains("<p class=\"scroll-hint\" aria-hidden=\"true\">Scroll sideways to see every column →</p><div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"safety table\">", closed);
        // Arm labels (not ids) head the by-stratum columns, in a table of their own.
        var strata = TableHead().Match(closed[closed.IndexOf("data-table=\"safety-strata\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains(": Placebo</th>", strata);
        Assert.DoesNotContain(": placebo</th>", strata);
        var safety = TableHead().Match(closed[closed.IndexOf("data-table=\"safety\"", StringComparison.Ordinal)..]).Value;
        Assert.Equal(6, Regex.Count(safety, "<th scope=\"col\""));
    }

    private static string Title(string html) => Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value;

    [GeneratedRegex("<thead>.*?</thead>", RegexOptions.Singleline)]
    private static partial Regex TableHead();
}
