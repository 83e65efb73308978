using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using static Evident.Cli.Tests.TrialReferenceTests;

namespace Evident.Cli.Tests;

/// <summary>
/// Safety by stratum: the risk difference within each stratum and the Breslow–Day test with Tarone's correction
/// (results.json <c>safety.by_stratum</c>, the report's table by stratum), against R on cgd
/// (tests/fixtures/trials/make_trial_refs.R writes Breslow–Day from the published formulas and the Wald differences,
/// cross-checked with <c>prop.test</c>), and the summary's words for a difference confined to one stratum.
/// </summary>
public sealed class SafetyStrataTests
{
    [Theory]
    [InlineData("90")]
    [InlineData("95")]
    public void Breslow_Day_Tarone_and_the_per_stratum_differences_match_R_on_cgd(string level)
    {
        string protocol = EditedProtocol("cgd-issue12", "confidence_level: 0.90", $"confidence_level: 0.{level}");
        var (results, report, _) = Outputs(protocol, "cgd");
        File.Delete(protocol);
        var expected = Expected("cgd", level)["safety"]!;
        var got = results["safety"]!["by_stratum"]!.AsArray().Single(x => x!["term"]?.GetValue<string>() == "Serious infection" && x["arm"]!.GetValue<string>() == "interferon")!;
        Assert.Equal("placebo", got["control"]!.GetValue<string>());
        var comparison = expected["comparison"]!;
        foreach (string test in new[] { "breslow_day", "tarone" })
        {
            Assert.Equal(comparison[test]!["statistic"]!.GetValue<double>(), got[test]!["statistic"]!.GetValue<double>(), 1e-10);
            Assert.Equal(comparison[test]!["df"]!.GetValue<int>(), got[test]!["df"]!.GetValue<int>());
            Assert.Equal(comparison[test]!["p"]!.GetValue<double>(), got[test]!["p"]!.GetValue<double>(), 1e-10);
        }
        Assert.Equal(comparison["informative_strata"]!.GetValue<int>(), got["informative_strata"]!.GetValue<int>());
        Assert.Equal(comparison["status"]!.GetValue<string>(), got["status"]!.GetValue<string>());
        Assert.Equal(comparison["mantel_haenszel"]!["common_odds_ratio"]!.GetValue<double>(), got["common_odds_ratio"]!.GetValue<double>(), 1e-12);
        var strata = expected["strata"]!.AsArray();
        Assert.Equal(strata.Count, got["strata"]!.AsArray().Count);
        foreach (var (e, g) in strata.Zip(got["strata"]!.AsArray()))
        {
            Assert.Equal(e!["stratum"]!.GetValue<string>(), g!["stratum"]!.GetValue<string>());
            var arms = e["arms"]!.AsArray();
            Assert.Equal((arms[1]!["participants"]!.GetValue<int>(), arms[1]!["n"]!.GetValue<int>(), arms[0]!["participants"]!.GetValue<int>(), arms[0]!["n"]!.GetValue<int>()),
                         (g["arm_participants"]!.GetValue<int>(), g["arm_n"]!.GetValue<int>(), g["control_participants"]!.GetValue<int>(), g["control_n"]!.GetValue<int>()));
            foreach (var (mine, theirs) in new[] { ("risk_difference", "difference"), ("conf_low", "conf_low"), ("conf_high", "conf_high") })
                Assert.Equal(e["risk_difference"]![theirs]!.GetValue<double>(), g[mine]!.GetValue<double>(), 1e-12);
        }
        Assert.Contains("<table data-table=\"safety-strata\">", report, StringComparison.Ordinal);
        Assert.Contains($"US:NIH: risk difference, {level}% CI</th>", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// cgd with a made-up adverse event more frequent with interferon in the US:other hospitals (12 of 31 vs 2 of 32) and
    /// either slightly less frequent elsewhere (2 placebo participants in each other hospital group) or clearly reversed
    /// at the NIH (6 of 11 with placebo, none with interferon): the pooled test sees no difference, Breslow–Day–Tarone
    /// does, and the summary says where instead of "did not differ".
    /// </summary>
    [Theory]
    [InlineData("US:NIH:2,Europe:Amsterdam:2,Europe:other:2",
                "Grade ≥3 catheter infection was higher with interferon gamma-1b in US:other only: 38.7% vs 6.3% with placebo (Breslow–Day–Tarone p ")]
    [InlineData("US:NIH:6",
                "Grade ≥3 catheter infection was higher with interferon gamma-1b in US:other: US:other 38.7% vs 6.3%, and lower in US:NIH: US:NIH 0.0% vs 54.5% with placebo (Breslow–Day–Tarone p ")]
    public void A_difference_confined_to_some_strata_is_said_to_be_there(string placeboElsewhere, string sentence)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-safety-strata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string data = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "data", "cgd.csv"));
        var rows = data.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','))
                       .Select(f => (Id: f[0].Trim('"'), Arm: f[1].Trim('"'), Hospital: f[2].Trim('"'), Date: f[11].Trim('"'))).ToArray();
        var ae = new StringBuilder("\"participant_id\",\"term\",\"grade\",\"onset_date\"\n");
        var events = new[] { ("US:other", "rIFN-g", 12), ("US:other", "placebo", 2) }
            .Concat(placeboElsewhere.Split(',').Select(x => (x[..x.LastIndexOf(':')], "placebo", int.Parse(x[(x.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))));
        foreach (var (hospital, arm, count) in events)
            foreach (var r in rows.Where(r => r.Hospital == hospital && r.Arm == arm).Take(count))
                ae.Append(CultureInfo.InvariantCulture, $"\"{r.Id}\",\"Catheter infection\",3,\"{r.Date}\"\n");
        string aeFile = Path.Combine(directory, "ae.csv");
        File.WriteAllText(aeFile, ae.ToString());
        string protocol = EditedProtocol("cgd-issue12", "    terms: [Serious infection]", "    terms: [Catheter infection]");
        var (code, _, stderr) = Fixtures.Run("analyze", protocol, "--data", Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "data", "cgd.csv"),
                                             "--ae", aeFile, "--out", Path.Combine(directory, "out"));
        File.Delete(protocol);
        Assert.True(code == 0, stderr);
        var results = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "out", "results.json")))!;
        string summary = File.ReadAllText(Path.Combine(directory, "out", "summary.md"));
        Directory.Delete(directory, recursive: true);
        var pooled = results["safety"]!["terms"]![0]!["comparisons"]![0]!["cmh_p"]!.GetValue<double>();
        var tarone = results["safety"]!["by_stratum"]![0]!["tarone"]!["p"]!.GetValue<double>();
        Assert.True(pooled >= 0.05 && tarone < 0.05, $"CMH p = {pooled}, Breslow–Day–Tarone p = {tarone}");
        Assert.DoesNotContain("Catheter infection did not differ", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(sentence, summary, StringComparison.Ordinal);
    }
}
