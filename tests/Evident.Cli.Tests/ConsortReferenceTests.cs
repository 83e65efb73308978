using System.Text.Json.Nodes;

namespace Evident.Cli.Tests;

/// <summary>
/// results.json's <c>consort</c> block and the report's Participant flow section from <c>evident analyze</c> on cgd with
/// off-study records added (tests/fixtures/trials/make_flow_refs.R), against R's counts at the cut-off, with the
/// completeness of follow-up and the overdue list under a follow-up schedule; and the honest zeros of a trial whose
/// protocol maps no off-study columns.
/// </summary>
public sealed class ConsortReferenceTests
{
    private const string OffStudyMapping = """
            off_study:
              off_therapy: {date: off_therapy_date, reason: off_therapy_reason}
              withdrawn: {date: withdrawal_date, reason: withdrawal_reason, follow_up_allowed: withdrawal_follow_up}
              lost_to_follow_up: {date: lost_date, reason: lost_reason}
            adverse_events:
        """;

    private static string TrialFile(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", relative);

    private static (JsonObject Results, string Report) Analyze(string protocol, string data, params string[] more)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-consort-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, stderr) = Fixtures.Run(["analyze", protocol, "--data", data, "--out", directory, .. more]);
            Assert.True(code == 0, stderr);
            return ((JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "results.json")))!,
                    File.ReadAllText(Path.Combine(directory, "report.html")));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static void SameCounts(JsonNode want, JsonNode got, string what)
    {
        foreach (string key in new[] { "randomized", "off_therapy", "withdrawn", "lost_to_follow_up", "analysed" })
            Assert.True(want[key]!.GetValue<int>() == got[key]!.GetValue<int>(), $"{what} {key}: R {want[key]}, Evident {got[key]}");
        foreach (string kind in new[] { "off_therapy", "withdrawn", "lost_to_follow_up" })
        {
            var w = want["reasons"]![kind]!.AsArray().Select(r => (r!["reason"]!.GetValue<string>(), r["n"]!.GetValue<int>()));
            var g = got["reasons"]![kind]!.AsArray().Select(r => (r!["reason"]!.GetValue<string>(), r["n"]!.GetValue<int>()));
            Assert.Equal(w, g);
        }
    }

    [Fact]
    public void Flow_per_arm_matches_R_at_the_cut_off()
    {
        string protocol = TrialReferenceTests.EditedProtocol("cgd", "    adverse_events:\n", OffStudyMapping + "\n");
        File.AppendAllText(protocol, "\nfollow_up_schedule: {interval: 60, grace: 30}\n");
        try
        {
            var expected = (JsonObject)JsonNode.Parse(File.ReadAllText(TrialFile("expected/flow-cgd.json")))!;
            var (results, report) = Analyze(protocol, TrialFile("data/cgd-off-study.csv"), "--cutoff", expected["cutoff"]!.GetValue<string>());
            var consort = results["consort"]!;
            Assert.Equal(["off_therapy", "withdrawn", "lost_to_follow_up"], consort["recorded"]!.AsArray().Select(k => k!.GetValue<string>()));
            SameCounts(expected["total"]!, consort["total"]!, "all");
            var want = expected["arms"]!.AsArray();
            var got = consort["arms"]!.AsArray();
            Assert.Equal(want.Select(a => a!["arm"]!.GetValue<string>()), got.Select(a => a!["arm"]!.GetValue<string>()));
            foreach (var (w, g) in want.Zip(got)) SameCounts(w!, g!, w!["arm"]!.GetValue<string>());
            Assert.Contains("data-figure=\"consort\"", report);
            Assert.Contains("data-table=\"consort\"", report);
            Assert.Contains("Allocated to Interferon gamma-1b", report);
            Assert.Contains("Reason not recorded", report);

            var completeness = results["completeness"]!;
            Assert.Equal(expected["cutoff"]!.GetValue<string>(), completeness["as_of"]!.GetValue<string>());
            Assert.Equal(90, completeness["overdue_after"]!.GetValue<double>());
            foreach (var (w, g) in expected["completeness"]!.AsArray().Zip(completeness["arms"]!.AsArray()))
            {
                Assert.Equal(w!["arm"]!.GetValue<string>(), g!["arm"]!.GetValue<string>());
                foreach (string key in new[] { "observed", "potential", "completeness" })
                    Assert.True(Math.Abs(w[key]!.GetValue<double>() - g[key]!.GetValue<double>()) <= 1e-12, $"{w["arm"]} {key}: R {w[key]}, Evident {g[key]}");
                Assert.Equal(w["overdue"]!.GetValue<int>(), g["overdue"]!.GetValue<int>());
            }
            Assert.Equal(expected["overdue"]!.AsArray().Select(o => (o!["participant"]!.GetValue<string>(), o["last_contact"]!.GetValue<string>(), o["since_last_contact"]!.GetValue<double>())),
                         results["overdue"]!.AsArray().Select(o => (o!["participant"]!.GetValue<string>(), o["last_contact"]!.GetValue<string>(), o["since_last_contact"]!.GetValue<double>())));
            Assert.Contains("data-table=\"overdue\"", report);
        }
        finally
        {
            File.Delete(protocol);
        }
    }

    [Fact]
    public void A_protocol_without_off_study_columns_shows_zeros_and_says_they_are_not_recorded()
    {
        var (results, report) = Analyze(TrialFile("protocols/colon.yaml"), TrialFile("data/colon.csv"));
        var consort = results["consort"]!;
        Assert.Empty(consort["recorded"]!.AsArray());
        foreach (var arm in consort["arms"]!.AsArray())
        {
            Assert.Equal(arm!["randomized"]!.GetValue<int>(), arm["analysed"]!.GetValue<int>());
            foreach (string kind in new[] { "off_therapy", "withdrawn", "lost_to_follow_up" }) Assert.Equal(0, arm[kind]!.GetValue<int>());
        }
        Assert.Equal(929, consort["total"]!["randomized"]!.GetValue<int>());
        Assert.Contains("Withdrawn (not recorded in the data)", report);
        Assert.Contains("not recorded in the data", report);
    }
}
