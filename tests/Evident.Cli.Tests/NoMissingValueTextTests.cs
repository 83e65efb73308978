using System.Text.RegularExpressions;
using Evident.Testing;

namespace Evident.Cli.Tests;

/// <summary>
/// Issue 12 item 4 and issue 13: a number that cannot be estimated is shown as "not estimable", never as NA, NaN, ∞ or
/// "Infinity". <c>evident demo</c> and <c>evident analyze</c> run on the demo, the fixture trials (colon: three arms, pbc,
/// cgd, each in today's protocol and in its issue-12 plan) and the demo's data cut at 2021-01-31 (short follow-up) and
/// on the day after the first randomization (an arm without participants); every text a reader sees (report.html,
/// report-open.html, summary.md, summary.html, the console) is searched for such a value.
/// </summary>
public sealed partial class NoMissingValueTextTests
{
    private static readonly string[] ReadFiles = ["report.html", "report-open.html", "summary.md", "summary.html"];

    public static TheoryData<string> Runs => new()
    {
        "demo", "short-follow-up", "one-arm-empty", "colon", "pbc", "cgd", "colon-issue12", "pbc-issue12", "cgd-issue12",
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void No_reader_facing_text_shows_a_missing_or_infinite_value(string run)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-no-na-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = Fixtures.Run(Arguments(run, directory));
            Assert.True(code == 0, stderr);
            var found = new List<string>();
            found.AddRange(Offending(stdout + stderr).Select(v => $"console: {v}"));
            foreach (string name in ReadFiles)
            {
                string text = File.ReadAllText(Path.Combine(directory, name));
                found.AddRange(Offending(name.EndsWith(".html", StringComparison.Ordinal) ? VisibleText(text) : text).Select(v => $"{name}: {v}"));
            }
            Assert.True(found.Count == 0, $"{run}:\n" + string.Join("\n", found.Distinct()));
            if (run == "one-arm-empty")
                Assert.Contains("<td>0, not estimable (no participants)</td>", File.ReadAllText(Path.Combine(directory, "report.html")), StringComparison.Ordinal);
        }
        finally
        {
            foreach (string made in new[] { directory, directory + "-data" })
                if (Directory.Exists(made)) Directory.Delete(made, recursive: true);
        }
    }

    /// <summary>The detector itself: values in cells are found, words that merely contain the letters are not.</summary>
    [Fact]
    public void The_detector_finds_values_and_leaves_words_alone()
    {
        Assert.Equal(["NA", "NaN", "∞", "Infinity", "-∞"],
                     Offending(VisibleText("<td>NA</td><td>12 (NaN%)</td><text>∞</text><p>HR Infinity</p><td>(-∞ to 3)</td>")).Select(Value));
        Assert.Empty(Offending(VisibleText("<p>NATIONAL CANCER INSTITUTE, NAN, Na+, DNA, NaNa</p><script>isNaN(x) || x === Infinity</script><td title=\"NA\">5</td>")));
    }

    private static string Value(string line) => line.Split(" in «", 2)[0];

    private static string[] Arguments(string run, string directory)
    {
        if (run == "demo") return ["demo", "--out", directory];
        if (run is "short-follow-up" or "one-arm-empty")
        {
            // The demo's own data cut at 2021-01-31 (short follow-up), as the browser test of short follow-up does, or on
            // 2019-06-02, the day after the first randomization (two participants, both blinatumomab: chemotherapy has none).
            string demo = directory + "-data";
            var (code, _, stderr) = Fixtures.Run("demo", "--out", demo);
            Assert.True(code == 0, stderr);
            string copy = Path.Combine(demo, "data");
            return ["analyze", RepositoryFiles.PathOf("examples/aall1731/protocol.yaml"), "--data", Path.Combine(copy, "participants.csv"),
                    "--ae", Path.Combine(copy, "adverse_events.csv"), "--cutoff", run == "one-arm-empty" ? "2019-06-02" : "2021-01-31", "--out", directory];
        }
        string trial = run.Split('-')[0];
        string[] args = ["analyze", Trial($"protocols/{run}.yaml"), "--data", Trial($"data/{trial}.csv"), "--out", directory];
        return trial == "cgd" ? [.. args, "--ae", Trial("data/cgd-adverse-events.csv")] : args;
    }

    private static string Trial(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", relative);

    /// <summary>
    /// The text nodes of an HTML page (cells, labels, SVG text), without scripts, styles and attributes; the nodes of one
    /// source line are joined by " ¦ " so that a finding shows its row.
    /// </summary>
    private static string VisibleText(string html)
    {
        string body = NonText().Replace(html, " ");
        return string.Join("\n", body.Split('\n').Select(line =>
            string.Join(" ¦ ", Tag().Split(line).Select(t => System.Net.WebUtility.HtmlDecode(t) ?? "").Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()))));
    }

    /// <summary>Each standalone NA, NaN, ∞ or Infinity with the line it stands in.</summary>
    private static IEnumerable<string> Offending(string text) =>
        from line in text.Split('\n')
        from Match m in MissingValue().Matches(line)
        select $"{m.Value} in «{line.Trim()}»";

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?:NA|NaN|[-−+]?∞|[-−+]?Infinity)(?![\p{L}\p{N}_])")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NonText();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
