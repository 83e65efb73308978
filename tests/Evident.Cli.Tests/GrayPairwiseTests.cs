using System.Text.Json.Nodes;

namespace Evident.Cli.Tests;

/// <summary>
/// Gray's test per comparison and per stratum on colon (three arms, node4 strata) against
/// tests/fixtures/trials/make_gray_refs.R (R 4.2.2, cmprsk 2.2-11: <c>cuminc</c> on each comparison's two arms, overall
/// and within each stratum), and the clinician summary quoting each comparison's own test.
/// </summary>
public sealed class GrayPairwiseTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Each_comparison_and_each_stratum_has_its_own_grays_test_matching_R()
    {
        var (results, _, _) = ByStratum();
        var expected = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "expected", "gray-colon.json")))!;
        var block = results["competing_risks"]!["recurrence_or_death"]!;
        var failures = new List<string>();
        Causes(expected["overall"]!.AsArray(), block["causes"]!.AsArray(), "overall", failures);
        var strata = block["strata"]!.AsArray();
        Assert.Equal(2, strata.Count);
        foreach (var stratum in expected["strata"]!.AsArray())
        {
            string label = stratum!["stratum"]!.GetValue<string>();
            var got = strata.Single(s => s!["stratum"]!.GetValue<string>() == label)!;
            Causes(stratum["causes"]!.AsArray(), got["causes"]!.AsArray(), label, failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Summary_quotes_each_comparisons_two_arm_grays_test_and_the_strata()
    {
        var (results, _, summary) = ByStratum();
        var recurrence = results["competing_risks"]!["recurrence_or_death"]!["causes"]![0]!;
        // Lev+5FU vs Obs: R's two-arm cuminc gives p = 1.1e-5; the three-arm test (p = 7.1e-6) is quoted only as across the arms.
        Assert.True(recurrence["comparisons"]![1]!["gray"]!["p"]!.GetValue<double>() < 0.001);
        Assert.Contains("Recurrence, levamisole + fluorouracil vs observation: 1095.75-day cumulative incidence fell", summary, StringComparison.Ordinal);
        Assert.Contains("Recurrence, levamisole vs observation: did not differ between these two arms", summary, StringComparison.Ordinal);
        Assert.Contains("Gray's test p = 0.833", summary, StringComparison.Ordinal);
        Assert.Contains("Gray's test across the 3 arms p < 0.001", summary, StringComparison.Ordinal);
        Assert.Contains("; by positive lymph nodes, 4 or fewer nodes ", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_table_gives_each_comparisons_test_beside_the_test_across_the_arms()
    {
        var (_, report, _) = ByStratum();
        Assert.Contains("<th scope=\"col\">Gray's test p, all arms</th><th scope=\"col\">Gray's test p, Levamisole vs Observation</th>" +
                        "<th scope=\"col\">Gray's test p, Levamisole + fluorouracil vs Observation</th>", report, StringComparison.Ordinal);
        // Recurrence, Lev vs Obs: R's two-arm cuminc gives p = 0.833.
        Assert.Contains("<td>0.833</td>", report, StringComparison.Ordinal);
    }

    private static (JsonObject Results, string Report, string Summary) ByStratum()
    {
        string protocol = TrialReferenceTests.EditedProtocol("colon-issue12", "      gray_test: true", "      gray_test: true\n      by_stratum: true");
        try { return TrialReferenceTests.Outputs(protocol, "colon"); }
        finally { File.Delete(protocol); }
    }

    private static void Causes(JsonArray expected, JsonArray got, string where, List<string> failures)
    {
        foreach (var cause in expected)
        {
            string id = cause!["cause"]!.GetValue<string>();
            var actual = got.Single(c => c!["cause"]!.GetValue<string>() == id)!;
            Test(cause["gray"]!, actual["gray"]!, $"{where}/{id}/all arms", failures);
            var comparisons = actual["comparisons"]!.AsArray();
            foreach (var comparison in cause["comparisons"]!.AsArray())
            {
                string arm = comparison!["arm"]!.GetValue<string>();
                var match = comparisons.Single(c => c!["arm"]!.GetValue<string>() == arm)!;
                if (match["control"]!.GetValue<string>() != "obs") failures.Add($"{where}/{id}/{arm}: control {match["control"]}");
                Test(comparison["gray"]!, match["gray"]!, $"{where}/{id}/{arm}", failures);
            }
        }
    }

    private static void Test(JsonNode expected, JsonNode got, string where, List<string> failures)
    {
        foreach (string key in new[] { "statistic", "df", "p" })
        {
            double e = expected[key]!.GetValue<double>(), g = got[key]?.GetValue<double>() ?? double.NaN;
            if (!(Math.Abs(e - g) <= Tolerance * Math.Max(1e-300, Math.Abs(e)))) failures.Add($"{where}.{key}: R {e}, Evident {g}");
        }
    }
}
