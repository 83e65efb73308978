using System.Text.Json;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// <c>evident demo</c> → results.json against the published AALL1731 figures. Tolerances come from sampling error at
/// these sizes (about 840 and 600 participants per stratum, 10–60 events per arm): the Greenwood SE of a 3-year DFS near
/// 90% with ~420 per arm is about 1.5 percentage points (2.5 near 85% with ~300), and the SE of a log hazard ratio with
/// 50–60 events is about 0.3. We accept |ΔDFS| ≤ 2.5 points and |log(HR/published)| ≤ 0.35, roughly one to two SEs;
/// the scenario's true values are checked separately at n = 60,000 (<see cref="CalibrationTests"/>).
/// </summary>
[Collection("demo")]
public sealed class DemoResultsTests(DemoRun demo)
{
    private const double DfsTolerance = 0.025, LogHrTolerance = 0.35;

    [Fact]
    public void DemoSucceedsQuicklyAndPrintsASyntheticSummary()
    {
        Assert.True(demo.ExitCode == 0, demo.Errors);
        Assert.InRange(demo.Elapsed.TotalSeconds, 0, 10);
        Assert.Contains("SYNTHETIC", demo.Console);
        Assert.Contains("SR-average", demo.Console);
        foreach (string file in new[] { "report.html", "results.json", "summary.md", "summary.html", "data/participants.csv", "data/adverse_events.csv" })
            Assert.True(File.Exists(Path.Combine(demo.Directory, file)), file);
    }

    [Theory]
    [InlineData("SR-average", 0.902, 0.975, 0.33)]
    [InlineData("SR-high", 0.848, 0.941, 0.45)]
    public void StrataReproduceThePublishedFigures(string stratum, double chemotherapy, double blinatumomab, double hazardRatio)
    {
        var s = demo.Results.GetProperty("strata").EnumerateArray().Single(x => x.GetProperty("stratum").GetString() == stratum);
        var arms = s.GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("arm").GetString()!);
        Assert.InRange(arms["chemotherapy"].GetProperty("dfs_3y").GetDouble(), chemotherapy - DfsTolerance, chemotherapy + DfsTolerance);
        Assert.InRange(arms["blinatumomab"].GetProperty("dfs_3y").GetDouble(), blinatumomab - DfsTolerance, blinatumomab + DfsTolerance);
        Assert.InRange(arms["chemotherapy"].GetProperty("dfs_3y_std_error").GetDouble(), 0.005, 0.03);
        Assert.InRange(Math.Log(s.GetProperty("hazard_ratio").GetDouble() / hazardRatio), -LogHrTolerance, LogHrTolerance);
        Assert.True(s.GetProperty("conf_low").GetDouble() < s.GetProperty("hazard_ratio").GetDouble());
        Assert.True(s.GetProperty("conf_high").GetDouble() < 1);
        Assert.True(s.GetProperty("logrank_p").GetDouble() < 0.05);
        // 1:1 within strata by permuted blocks of 4 and 6: arms differ by at most 3.
        Assert.InRange(arms["chemotherapy"].GetProperty("n").GetInt32() - arms["blinatumomab"].GetProperty("n").GetInt32(), -3, 3);
    }

    [Fact]
    public void StratumSizesAndOverallResultsAreAsPlanned()
    {
        var strata = demo.Results.GetProperty("strata").EnumerateArray()
                         .ToDictionary(s => s.GetProperty("stratum").GetString()!, s => s.GetProperty("arms").EnumerateArray().Sum(a => a.GetProperty("n").GetInt32()));
        Assert.Equal(1440, strata.Values.Sum());
        Assert.InRange(strata["SR-average"], 834 - 60, 834 + 60);   // binomial SD √(1440·0.58·0.42) ≈ 19
        var overall = demo.Results.GetProperty("overall");
        Assert.InRange(overall.GetProperty("hazard_ratio").GetDouble(), 0.2, 0.5);
        Assert.True(overall.GetProperty("stratified_logrank_p").GetDouble() < 0.001);
        Assert.Equal(36, overall.GetProperty("tau").GetDouble());
        double difference = overall.GetProperty("rmst_difference").GetDouble();
        Assert.InRange(difference, 0.3, 3);
        Assert.True(overall.GetProperty("rmst_difference_conf_low").GetDouble() < difference);
        Assert.True(overall.GetProperty("rmst_difference_conf_high").GetDouble() > difference);
        Assert.Equal("2024-06-30", demo.Results.GetProperty("data_cutoff").GetString());
        Assert.True(demo.Results.GetProperty("synthetic").GetBoolean());
    }

    [Fact]
    public void MarrowRelapseFallsAndCnsRelapseDoesNot()
    {
        var causes = demo.Results.GetProperty("relapse_sites").GetProperty("causes").EnumerateArray().ToDictionary(c => c.GetProperty("cause").GetString()!);
        double Incidence(string cause, string arm) =>
            causes[cause].GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("arm").GetString() == arm).GetProperty("incidence").GetDouble();
        Assert.True(causes["marrow"].GetProperty("gray_p").GetDouble() < 0.001);
        Assert.True(Incidence("marrow", "blinatumomab") < Incidence("marrow", "chemotherapy") / 3);
        Assert.True(causes["cns"].GetProperty("gray_p").GetDouble() > 0.05);
        Assert.Equal(5, causes.Count);
    }

    [Fact]
    public void SepsisAndCatheterInfectionsRiseInSrAverageButGrade4To5InfectionIsSimilar()
    {
        var safety = demo.Results.GetProperty("safety");
        Assert.Equal(3, safety.GetProperty("min_grade").GetInt32());
        foreach (string term in new[] { "Sepsis", "Catheter related infection" })
        {
            var row = safety.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("term").GetString() == term);
            var average = row.GetProperty("by_stratum").EnumerateArray().Single(s => s.GetProperty("stratum").GetString() == "SR-average")
                             .GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("arm").GetString()!, a => a.GetProperty("participants").GetDouble() / a.GetProperty("n").GetDouble());
            Assert.True(average["blinatumomab"] > 1.5 * average["chemotherapy"], term);
        }
        var severe = safety.GetProperty("severe_terms_of_interest");
        Assert.Equal(4, severe.GetProperty("min_grade").GetInt32());
        Assert.True(severe.GetProperty("any_term").GetProperty("comparisons")[0].GetProperty("fisher_p").GetDouble() > 0.05);
    }

    [Fact]
    public void MonitoringHasLooksUpToTheCutoff()
    {
        var looks = demo.Results.GetProperty("monitoring").GetProperty("looks").EnumerateArray().ToArray();
        Assert.NotEmpty(looks);
        Assert.Equal("2024-06-30", looks[^1].GetProperty("date").GetString());
        Assert.All(looks, l => Assert.True(l.GetProperty("z").ValueKind == JsonValueKind.Number));
    }

    [Fact]
    public void EveryOutputSaysSyntheticAndTheFooterCarriesCutoffVersionAndHash()
    {
        string hash = demo.Results.GetProperty("protocol").GetProperty("sha256").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        foreach (string file in new[] { "report.html", "summary.md", "summary.html", "data/SYNTHETIC.txt" })
            Assert.Contains("SYNTHETIC", demo.Read(file));
        foreach (string file in new[] { "report.html", "summary.md", "summary.html" })
        {
            string text = demo.Read(file);
            Assert.Contains("Data cut-off: 2024-06-30", text);
            Assert.Contains(hash, text);
            Assert.Contains("Evident " + demo.Results.GetProperty("software_version").GetString(), text);
        }
    }

    [Fact]
    public void SummaryHasObjectiveThreeToFiveLearningsAbbreviationsAndCitation()
    {
        string md = demo.Read("summary.md");
        Assert.Contains("## Learning objective", md);
        Assert.Contains("## Abbreviations", md);
        Assert.Contains("N Engl J Med 2025;392:875-91", md);
        int start = md.IndexOf("## Key learnings", StringComparison.Ordinal);
        int end = md.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        int bullets = md[start..end].Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));
        Assert.InRange(bullets, 3, 5);
        // Numbers in the sentences come from results.json.
        var s = demo.Results.GetProperty("overall");
        Assert.Contains(s.GetProperty("hazard_ratio").GetDouble().ToString("F2", System.Globalization.CultureInfo.InvariantCulture), md);
        Assert.Contains("Isolated bone marrow relapse: 3-year cumulative incidence fell", md);
        Assert.Contains("Isolated CNS relapse: did not differ", md);
    }

    [Fact]
    public void SummaryStatesEachSentenceOnce()
    {
        foreach (string file in new[] { "summary.md", "summary.html" })
        {
            string text = demo.Read(file);
            var bullets = text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("<li>", StringComparison.Ordinal)).ToArray();
            Assert.True(bullets.Length >= 5, file);
            Assert.Equal(bullets.Length, bullets.Distinct(StringComparer.Ordinal).Count());
        }
        string md = demo.Read("summary.md");
        int at = md.IndexOf("Grade ≥3 sepsis was more frequent with chemotherapy + blinatumomab", StringComparison.Ordinal);
        Assert.True(at > md.IndexOf("## Key learnings", StringComparison.Ordinal) && at < md.IndexOf("## What did and did not change", StringComparison.Ordinal), md);
        Assert.Equal(at, md.LastIndexOf("Grade ≥3 sepsis", StringComparison.Ordinal));
    }

    [Fact]
    public void LabelsKeepTheCaseOfAcronyms()
    {
        string report = demo.Read("report.html");
        Assert.Contains("Cumulative incidence of isolated CNS relapse as first event, by arm", report);
        Assert.Contains("Cumulative incidence of isolated bone marrow relapse as first event, by arm", report);
        Assert.Contains("Kaplan–Meier estimate of disease-free survival (All participants)", report);
        Assert.DoesNotContain("cns relapse", report);
        string md = demo.Read("summary.md");
        Assert.DoesNotContain("cns relapse", md);
        Assert.Contains("with chemotherapy + blinatumomab", md);
    }

    [Fact]
    public void DemoHasNoWarnings()
    {
        Assert.Equal(0, demo.Results.GetProperty("warnings").GetArrayLength());
        Assert.DoesNotContain("warning", demo.Errors);
    }
}
