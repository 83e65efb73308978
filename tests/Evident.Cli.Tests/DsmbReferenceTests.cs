using System.Text.Json.Nodes;

namespace Evident.Cli.Tests;

/// <summary>
/// results.json's <c>follow_up</c> (median follow-up per arm by reverse Kaplan–Meier) and <c>baseline</c> (the baseline
/// table by arm) from <c>evident analyze</c> on colon and cgd, against R (tests/fixtures/trials/make_dsmb_refs.R), and
/// the report's Participants section that shows them.
/// </summary>
public sealed class DsmbReferenceTests
{
    private static JsonObject Expected(string trial) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", "expected", $"dsmb-{trial}.json")))!;

    private static void Close(JsonNode? expected, JsonNode? actual, string what)
    {
        if (expected is null) { Assert.True(actual is null, $"{what}: R gives NA, Evident {actual}"); return; }
        double want = expected.GetValue<double>(), got = actual!.GetValue<double>();
        Assert.True(Math.Abs(want - got) <= 1e-9 * Math.Max(1, Math.Abs(want)), $"{what}: R {want}, Evident {got}");
    }

    [Theory]
    [InlineData("colon")]
    [InlineData("cgd")]
    public void Median_follow_up_per_arm_matches_R(string trial)
    {
        var (results, report, _) = TrialReferenceTests.Outputs($"protocols/{trial}.yaml", trial);
        var expected = Expected(trial);
        var followUp = results["follow_up"]!;
        Assert.Equal(expected["endpoint"]!.GetValue<string>(), followUp["endpoint"]!.GetValue<string>());
        Assert.Equal(0.95, followUp["confidence_level"]!.GetValue<double>());
        var want = expected["follow_up"]!["0.95"]!.AsArray();
        var got = followUp["arms"]!.AsArray();
        Assert.Equal(want.Count, got.Count);
        foreach (var (w, g) in want.Zip(got))
        {
            string arm = w!["arm"]!.GetValue<string>();
            Assert.Equal(arm, g!["arm"]!.GetValue<string>());
            Assert.Equal(w["n"]!.GetValue<int>(), g["n"]!.GetValue<int>());
            foreach (string key in new[] { "median_follow_up", "conf_low", "conf_high" }) Close(w[key], g[key], $"{trial} {arm} {key}");
        }
        Assert.Contains("data-table=\"follow-up\"", report);
        Assert.Contains("Median follow-up (95% CI)", report);
    }

    [Fact]
    public void Baseline_table_matches_R_with_missing_values_counted()
    {
        var (results, report, _) = TrialReferenceTests.Outputs("protocols/colon.yaml", "colon");
        var want = Expected("colon")["baseline"]!.AsArray();
        var got = results["baseline"]!["factors"]!.AsArray();
        Assert.Equal(want.Select(f => f!["id"]!.GetValue<string>()), got.Select(f => f!["id"]!.GetValue<string>()));
        foreach (var (wf, gf) in want.Zip(got))
        {
            var wl = wf!["levels"]!.AsArray();
            var gl = gf!["levels"]!.AsArray();
            Assert.Equal(wl.Select(l => l!["level"]!.GetValue<string>()), gl.Select(l => l!["level"]!.GetValue<string>()));
            foreach (var (w, g) in wl.Zip(gl))
            {
                foreach (var (wa, ga) in w!["arms"]!.AsArray().Zip(g!["arms"]!.AsArray()))
                {
                    Assert.Equal(wa!["arm"]!.GetValue<string>(), ga!["arm"]!.GetValue<string>());
                    Assert.Equal(wa["n"]!.GetValue<int>(), ga["n"]!.GetValue<int>());
                    Close(wa["percent"], ga["percent"], $"{wf["id"]} {w["level"]} {wa["arm"]}");
                }
                Assert.Equal(w["overall"]!["n"]!.GetValue<int>(), g["overall"]!["n"]!.GetValue<int>());
            }
        }
        Assert.Contains("data-table=\"baseline\"", report);
        Assert.Contains("Not recorded", report);
    }

    [Fact]
    public void Participants_by_highest_adverse_event_grade_match_R()
    {
        var (results, report, _) = TrialReferenceTests.Outputs("protocols/cgd.yaml", "cgd");
        var want = Expected("cgd")["adverse_events_max_grade"]!.AsArray();
        var got = results["adverse_events_max_grade"]!.AsArray();
        Assert.Equal(want.Select(a => a!["arm"]!.GetValue<string>()), got.Select(a => a!["arm"]!.GetValue<string>()));
        foreach (var (w, g) in want.Zip(got))
        {
            Assert.Equal(w!["n"]!.GetValue<int>(), g!["n"]!.GetValue<int>());
            Assert.Equal(w["by_grade"]!.AsArray().Select(x => (x!["grade"]!.GetValue<int>(), x["n"]!.GetValue<int>())),
                         g["by_grade"]!.AsArray().Select(x => (x!["grade"]!.GetValue<int>(), x["n"]!.GetValue<int>())));
        }
        Assert.False(results["serious_adverse_events_recorded"]!.GetValue<bool>());
        Assert.Contains("data-table=\"max-grade\"", report);
        Assert.Contains("The data do not record whether an adverse event is serious.", report);
    }
}
