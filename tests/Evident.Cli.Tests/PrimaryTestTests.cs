using System.Text.Json;
using System.Text.Json.Nodes;
using Evident.Testing;

namespace Evident.Cli.Tests;

/// <summary>
/// The protocol's pre-specified primary test (<c>analyses.primary.test</c>) in <c>evident analyze</c>: each comparison's
/// <c>primary_test</c> in results.json against R (tests/fixtures/trials/make_primary_test_refs.R, written from the
/// published FH and MaxCombo formulas with survival and mvtnorm) on cgd, interferon against placebo, overall stratified
/// by hospital category and within each category; and <c>evident simulate --protocol</c>.
/// </summary>
public sealed class PrimaryTestTests
{
    private static JsonObject Reference() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "expected", "primary-test-cgd.json")))!;

    private static string CgdWithTest(string test) =>
        TrialReferenceTests.EditedProtocol("cgd", "    conf_type: log\n", $"    conf_type: log\n    test: \"{test}\"\n");

    /// <summary>Each group's comparison (overall, then the strata by their label) and R's values for it.</summary>
    private static IEnumerable<(string Group, JsonNode Got, JsonNode Expected)> Groups(JsonObject results, string key)
    {
        var analysis = results["analyses"]![0]!;
        foreach (var expected in Reference()["groups"]!.AsArray())
        {
            string group = expected!["group"]!.GetValue<string>();
            var holder = group == "Overall" ? analysis : analysis["strata"]!.AsArray().Single(s => s!["stratum"]!.GetValue<string>() == group)!;
            yield return (group, holder["comparisons"]![0]!["primary_test"]!, expected[key]!);
        }
    }

    private static void Close(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData("fh(0,1)", "fh_0_1")]
    [InlineData("fh(1,0.5)", "fh_1_0.5")]
    public void FlemingHarringtonMatchesR(string test, string key)
    {
        string protocol = CgdWithTest(test);
        var results = TrialReferenceTests.Analyze(protocol, "cgd");
        File.Delete(protocol);
        Assert.Equal(test, results["analyses"]![0]!["test"]!.GetValue<string>());
        foreach (var (group, got, expected) in Groups(results, key))
        {
            Assert.Equal(("fh", true), (got["kind"]!.GetValue<string>(), got["estimable"]!.GetValue<bool>()));
            Close(expected["statistic"]!.GetValue<double>(), got["statistic"]!.GetValue<double>(), 1e-9, group + " statistic");
            Close(expected["p_value"]!.GetValue<double>(), got["p_value"]!.GetValue<double>(), 1e-9, group + " p");
            Close(expected["z"]!.GetValue<double>(), got["tests"]![0]!["z"]!.GetValue<double>(), 1e-9, group + " z");
        }
    }

    [Fact]
    public void MaxComboMatchesR()
    {
        string protocol = CgdWithTest("maxcombo(0,0;0,1;1,0;1,1)");
        var results = TrialReferenceTests.Analyze(protocol, "cgd");
        File.Delete(protocol);
        foreach (var (group, got, expected) in Groups(results, "maxcombo"))
        {
            Assert.Equal("maxcombo", got["kind"]!.GetValue<string>());
            Close(expected["statistic"]!.GetValue<double>(), got["statistic"]!.GetValue<double>(), 1e-9, group + " statistic");
            // pmvnorm's own error estimate is below 1e-6 here; the weights' correlation has rank 3 (FH(0,0) = FH(0,1) + FH(1,0)).
            Close(expected["p_value"]!.GetValue<double>(), got["p_value"]!.GetValue<double>(), 2e-6, group + " p");
            var z = expected["z"]!.AsArray();
            for (int k = 0; k < z.Count; k++)
            {
                Close(z[k]!.GetValue<double>(), got["tests"]![k]!["z"]!.GetValue<double>(), 1e-9, $"{group} z[{k}]");
                for (int l = 0; l < z.Count; l++)
                    Close(expected["correlation"]![k]![l]!.GetValue<double>(), got["correlation"]![k]![l]!.GetValue<double>(), 1e-9, $"{group} correlation[{k}][{l}]");
            }
        }
    }

    [Fact]
    public void TheDefaultIsTheLogRankTestOfTheComparison()
    {
        var results = TrialReferenceTests.Analyze("protocols/cgd.yaml", "cgd");
        var analysis = results["analyses"]![0]!;
        Assert.Equal("logrank", analysis["test"]!.GetValue<string>());
        var c = analysis["comparisons"]![0]!;
        var t = c["primary_test"]!;
        Assert.Equal(("logrank", "logrank"), (t["test"]!.GetValue<string>(), t["kind"]!.GetValue<string>()));
        Assert.Equal(c["logrank_chisq"]!.GetValue<double>(), t["statistic"]!.GetValue<double>());
        Assert.Equal(c["logrank_p"]!.GetValue<double>(), t["p_value"]!.GetValue<double>());
        double z = t["tests"]![0]!["z"]!.GetValue<double>();
        Assert.Equal(t["statistic"]!.GetValue<double>(), z * z, 1e-9);
        Assert.True(z < 0, "interferon had fewer infections than expected");
    }

    [Fact]
    public void RmstIsTheDifferenceAtItsTauAndAHorizonPastFollowUpIsNotEstimable()
    {
        string protocol = CgdWithTest("rmst(300)");
        var (results, report, _) = TrialReferenceTests.Outputs(protocol, "cgd");
        File.Delete(protocol);
        var c = results["analyses"]![0]!["comparisons"]![0]!;
        var t = c["primary_test"]!;
        Assert.Equal(("rmst", 300.0), (t["kind"]!.GetValue<string>(), t["tau"]!.GetValue<double>()));
        Assert.Equal(c["rmst"]!["difference"]!.GetValue<double>(), t["difference"]!.GetValue<double>());
        Assert.Equal(c["rmst"]!["difference"]!.GetValue<double>() / c["rmst"]!["std_error"]!.GetValue<double>(), t["statistic"]!.GetValue<double>(), 1e-12);
        Assert.Equal(c["rmst"]!["p"]!.GetValue<double>(), t["p_value"]!.GetValue<double>());
        Assert.Contains("Primary test: RMST difference at τ = 300 days", report, StringComparison.Ordinal);

        string far = CgdWithTest("rmst(5000)");
        var refused = TrialReferenceTests.Analyze(far, "cgd")["analyses"]![0]!["comparisons"]![0]!["primary_test"]!;
        File.Delete(far);
        Assert.False(refused["estimable"]!.GetValue<bool>());
        Assert.Null(refused["statistic"]);
        Assert.Null(refused["p_value"]);
        Assert.Equal("tau is beyond the shortest of the arms' longest follow-up", refused["reason"]!.GetValue<string>());
    }

    [Fact]
    public void TheReportShowsTheTestByItsName()
    {
        string protocol = CgdWithTest("maxcombo(0,0;0,1;1,0;1,1)");
        var (results, report, _) = TrialReferenceTests.Outputs(protocol, "cgd");
        File.Delete(protocol);
        Assert.Contains("Primary test: MaxCombo test of FH(0, 0), FH(0, 1), FH(1, 0), FH(1, 1)", report, StringComparison.Ordinal);
        Assert.Contains("Overall (stratified): Interferon gamma-1b vs placebo", report, StringComparison.Ordinal);
        double p = results["analyses"]![0]!["comparisons"]![0]!["primary_test"]!["p_value"]!.GetValue<double>();
        Assert.Contains(p < 0.001 ? "&lt;0.001" : p.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), report, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateTakesTheTestFromTheProtocolAndTestOverridesIt()
    {
        string scenario = Path.Combine(RepositoryFiles.Root, "examples", "delayed-effect-simulation.yaml");
        string protocol = CgdWithTest("fh(0,1)");
        try
        {
            var (code, stdout, stderr) = Fixtures.Run("simulate", scenario, "--protocol", protocol, "--reps", "50", "--format", "json");
            Assert.True(code == 0, stderr);
            using (var doc = JsonDocument.Parse(stdout)) Assert.Equal("fh(0,1)", doc.RootElement.GetProperty("test").GetString());
            (code, stdout, stderr) = Fixtures.Run("simulate", scenario, "--protocol", protocol, "--test", "logrank", "--reps", "50", "--format", "json");
            Assert.True(code == 0, stderr);
            using (var doc = JsonDocument.Parse(stdout)) Assert.Equal("logrank", doc.RootElement.GetProperty("test").GetString());
        }
        finally
        {
            File.Delete(protocol);
        }
        var (missing, _, error) = Fixtures.Run("simulate", scenario, "--protocol", "no-such-protocol.yaml", "--reps", "10");
        Assert.Equal(2, missing);
        Assert.Contains("protocol file 'no-such-protocol.yaml' does not exist", error, StringComparison.Ordinal);
    }
}
