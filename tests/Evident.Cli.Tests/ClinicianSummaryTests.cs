using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Evident.Reporting.Report;

namespace Evident.Cli.Tests;

/// <summary>
/// The clinician summary (issue 13) on the demo and on colon, pbc and cgd in both their protocols: the study-design
/// paragraph, the conclusion, the published values kept apart from the synthetic ones, every abbreviation used defined and
/// every one defined used, and every p-value naming its test.
/// </summary>
public sealed partial class ClinicianSummaryTests
{
    public static TheoryData<string> Summaries => new() { "demo", "colon", "pbc", "cgd", "colon-issue12", "pbc-issue12", "cgd-issue12" };

    /// <summary>The names a p-value may follow in its clause.</summary>
    private static readonly string[] TestNames =
        ["log-rank", "Gray's test", "Cochran–Mantel–Haenszel", "Fisher's exact test", "Breslow–Day–Tarone", "Wald", "likelihood-ratio"];

    [Theory]
    [MemberData(nameof(Summaries))]
    public void Every_abbreviation_used_is_defined_and_every_one_defined_is_used(string trial)
    {
        var (summary, _, _) = Run(trial);
        string body = Body(summary);
        var defined = Defined(summary);
        var undefined = SummaryAbbreviations.Tokens(body).Where(t => !defined.ContainsKey(t)).ToList();
        Assert.True(undefined.Count == 0, $"used but not defined: {string.Join(", ", undefined)}\n{body}");
        var unused = defined.Keys.Where(a => !Regex.IsMatch(body, $"(?<![A-Za-z0-9]){Regex.Escape(a)}(?![A-Za-z0-9])")).ToList();
        Assert.True(unused.Count == 0, $"defined but not used: {string.Join(", ", unused)}");
    }

    [Theory]
    [MemberData(nameof(Summaries))]
    public void Every_p_value_names_its_test(string trial)
    {
        var (summary, _, _) = Run(trial);
        string body = Body(summary);
        var bare = new List<string>();
        int found = 0;
        foreach (Match p in PValue().Matches(body))
        {
            found++;
            int start = body.LastIndexOfAny([';', ',', '(', ':', '\n'], p.Index - 1) + 1;
            string clause = body[start..p.Index];
            if (!TestNames.Any(n => clause.Contains(n, StringComparison.Ordinal))) bare.Add(body[start..Math.Min(body.Length, p.Index + 12)]);
        }
        Assert.True(found > 0, "no p-value in the summary");
        Assert.True(bare.Count == 0, "p-values without their test:\n" + string.Join("\n", bare));
    }

    [Fact]
    public void The_demo_has_a_study_design_paragraph_from_the_protocol_and_the_data()
    {
        var (summary, results, html) = Run("demo");
        string design = Section(summary, "Study design");
        Assert.StartsWith("Phase 3, randomized, open-label trial NCT03914625 in children aged 1 to 9 years", design, StringComparison.Ordinal);
        Assert.Contains("1440 participants were randomized 1:1 in permuted blocks within risk group to chemotherapy, standard chemotherapy for the risk group; " +
                        "or chemotherapy + blinatumomab, the same chemotherapy with two 28-day cycles of blinatumomab", design, StringComparison.Ordinal);
        // The numbers randomized per stratum are the baseline table's (results.json baseline), not the protocol's.
        var risk = results["baseline"]!["factors"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "risk")!["levels"]!.AsArray();
        string counts = string.Join(", ", risk.Select(l => $"{l!["level"]!.GetValue<string>()} {l["arms"]!.AsArray().Sum(a => a!["n"]!.GetValue<int>())}"));
        Assert.Contains($"Randomized by risk group, {counts}.", design, StringComparison.Ordinal);
        Assert.Equal("Randomized by risk group, SR-average 842, SR-high 598.", $"Randomized by risk group, {counts}.");
        // Median follow-up: results.json follow_up (reverse Kaplan–Meier, checked against R elsewhere), to one decimal.
        foreach (var arm in results["follow_up"]!["arms"]!.AsArray())
            Assert.Contains($"{arm!["median_follow_up"]!.GetValue<double>().ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} months with ", design, StringComparison.Ordinal);
        Assert.EndsWith("The data and safety monitoring committee stopped the trial at the analysis of the data to 30 June 2024 because the DFS efficacy boundary " +
                        "was crossed at the first planned interim analysis, with 1440 of the 2245 planned participants randomized.", design, StringComparison.Ordinal);
        Assert.Contains("<h2>Study design</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protocol_without_the_design_keys_says_only_what_it_has()
    {
        var (summary, _, _) = Run("pbc");
        string design = Section(summary, "Study design");
        Assert.StartsWith("Randomized trial. 312 participants were randomized 1:1", design, StringComparison.Ordinal);
        Assert.Contains("312 participants were randomized", design, StringComparison.Ordinal);
        Assert.Contains("The protocol records no early stop.", design, StringComparison.Ordinal);
        Assert.DoesNotContain("Phase", design, StringComparison.Ordinal);
    }

    [Fact]
    public void The_conclusion_claims_only_what_the_tests_back()
    {
        // colon: no monitoring; Lev vs Obs log-rank p = 0.83 (R survdiff on the two arms) is not called an effect, Lev+5FU's is.
        string colon = Section(Run("colon").Summary, "Conclusion");
        Assert.Contains("This analysis does not show that levamisole changed the hazard", colon, StringComparison.Ordinal);
        Assert.Contains("which is not evidence of no effect", colon, StringComparison.Ordinal);
        Assert.Contains("Levamisole + fluorouracil lowered the hazard", colon, StringComparison.Ordinal);
        // The demo is monitored: its claim rests on the group-sequential boundary at the latest look, with its numbers.
        var (summary, results, _) = Run("demo");
        string demo = Section(summary, "Conclusion");
        var looks = results["monitoring"]!["looks"]!.AsArray();
        var look = results["monitoring"]!["stopped_at_look"] is { } stopped ? looks[stopped.GetValue<int>() - 1]! : looks[^1]!;
        Assert.Contains("crossed the efficacy boundary", demo, StringComparison.Ordinal);
        string z = look["z"]!.GetValue<double>().ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Z of {z}", demo, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_prints_the_published_values_apart_and_labelled_with_their_source()
    {
        var (summary, _, html) = Run("demo");
        string published = Section(summary, "Published results, for comparison");
        Assert.StartsWith("As published in the reference below, from the real trial; the synthetic data above were simulated to resemble them", published, StringComparison.Ordinal);
        Assert.Contains("SR-average 97.5% vs 90.2%", published, StringComparison.Ordinal);
        // The synthetic estimates stay in the key learnings, and the published ones are not among them.
        Assert.DoesNotContain("97.5%", Section(summary, "Key learnings"), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Matches("<title>SYNTHETIC[^<]*</title>", html);
        Assert.DoesNotContain("SYNTHETIC", Regex.Match(Run("colon").Html, "<title>[^<]*</title>").Value, StringComparison.Ordinal);
    }

    /// <summary>summary.md, results.json and summary.html of the demo or of a fixture trial's protocol.</summary>
    private static (string Summary, JsonObject Results, string Html) Run(string trial)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-summary-" + Guid.NewGuid().ToString("N"));
        string name = trial.Split('-')[0];
        string[] args = trial == "demo"
            ? ["demo", "--out", directory]
            : ["analyze", Fixture($"protocols/{trial}.yaml"), "--data", Fixture($"data/{name}.csv"), "--out", directory,
               .. name == "cgd" ? new[] { "--ae", Fixture("data/cgd-adverse-events.csv") } : []];
        var (code, _, stderr) = Fixtures.Run(args);
        Assert.True(code == 0, stderr);
        try
        {
            return (File.ReadAllText(Path.Combine(directory, "summary.md")),
                    (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "results.json")))!,
                    File.ReadAllText(Path.Combine(directory, "summary.html")));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    private static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", relative);

    /// <summary>The text of one "## heading" section of summary.md.</summary>
    private static string Section(string summary, string heading)
    {
        int start = summary.IndexOf($"## {heading}\n\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        start += heading.Length + 5;
        int end = summary.IndexOf("\n## ", start, StringComparison.Ordinal);
        int rule = summary.IndexOf("\n---", start, StringComparison.Ordinal);
        end = end < 0 ? rule : rule < 0 ? end : Math.Min(end, rule);
        return summary[start..(end < 0 ? summary.Length : end)].Trim();
    }

    /// <summary>Every section a reader reads as the page's own words: all but the title, the notice, the abbreviations, the reference and the footer.</summary>
    private static string Body(string summary) =>
        string.Join("\n", new[] { "Learning objective", "Study design", "Key learnings", "What did and did not change", "Conclusion", "Published results, for comparison" }
            .Where(h => summary.Contains($"## {h}\n", StringComparison.Ordinal)).Select(h => Section(summary, h)));

    private static Dictionary<string, string> Defined(string summary) =>
        summary.Contains("## Abbreviations\n", StringComparison.Ordinal)
            ? Section(summary, "Abbreviations").TrimEnd('.').Split("; ").Select(e => e.Split(", ", 2)).ToDictionary(e => e[0], e => e[1])
            : [];

    [GeneratedRegex(@"(?<![A-Za-z])p [=<] ")]
    private static partial Regex PValue();
}
