using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Evident.Testing;

namespace Evident.Cli.Tests;

/// <summary>
/// <c>evident analyze --report open|closed|both</c>: the open report (report-open.html, results-open.json) holds no
/// arm-level number, its pooled numbers are the closed report's summed over the arms and its median follow-up matches R's
/// <c>survfit(Surv(time, 1 - status) ~ 1)</c> (tests/fixtures/trials/make_dsmb_refs.R); both carry the <c>report</c> block
/// whose data hash anyone can recompute with sha256sum. The walk of results-open.json fails on any key naming an arm,
/// any arm id or label as a value and any bare list of numbers (how results.json writes a count per arm).
/// </summary>
public sealed class OpenReportTests
{
    private static string TrialFile(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", relative);

    /// <summary>Runs analyze on a trial of the fixtures and returns the output directory's files (name → text).</summary>
    private static Dictionary<string, string> Analyze(string trial, params string[] extra)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-open-" + Guid.NewGuid().ToString("N"));
        var args = new List<string> { "analyze", TrialFile($"protocols/{trial}.yaml"), "--data", TrialFile($"data/{trial}.csv"), "--out", directory };
        if (trial == "cgd") args.AddRange(["--ae", TrialFile("data/cgd-adverse-events.csv")]);
        args.AddRange(extra);
        var (code, _, stderr) = Fixtures.Run([.. args]);
        Assert.True(code == 0, stderr);
        var files = Directory.GetFiles(directory).ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        Directory.Delete(directory, recursive: true);
        return files;
    }

    private static JsonObject Json(Dictionary<string, string> files, string name) => (JsonObject)JsonNode.Parse(files[name])!;

    [Fact]
    public void Both_reports_by_default_closed_and_open_alone_on_request()
    {
        Assert.Equal(["report-open.html", "report.html", "results-open.json", "results.json", "summary.html", "summary.md"], Analyze("colon").Keys.Order());
        Assert.Equal(["report.html", "results.json", "summary.html", "summary.md"], Analyze("colon", "--report", "closed").Keys.Order());
        Assert.Equal(["report-open.html", "results-open.json"], Analyze("colon", "--report", "open").Keys.Order());
        var (code, _, stderr) = Fixtures.Run("analyze", TrialFile("protocols/colon.yaml"), "--data", TrialFile("data/colon.csv"), "--report", "pooled");
        Assert.Equal(2, code);
        Assert.Contains("pooled", stderr);
    }

    [Theory]
    [InlineData("colon")]
    [InlineData("cgd")]
    public void Open_results_hold_no_arm_key_and_no_arm_value(string trial)
    {
        var files = Analyze(trial, "--report", "open");
        var open = Json(files, "results-open.json");
        string protocol = File.ReadAllText(TrialFile($"protocols/{trial}.yaml"));
        var arms = ArmNames(protocol);
        Assert.True(arms.Count >= 4, "the protocol's arm ids and labels were read");
        var leaks = new List<string>();
        Walk(open, "$", arms, leaks);
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.Equal("open", open["report"]!["kind"]!.GetValue<string>());
        string html = files["report-open.html"];
        foreach (string arm in arms.Where(a => a.Length > 3)) Assert.DoesNotContain($">{arm}<", html, StringComparison.Ordinal);
        foreach (string id in new[] { "\"primary\"", "\"kaplan-meier\"", "\"forest\"", "\"safety\"", "\"participants\"" })
            Assert.DoesNotContain($"<section id={id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Walk_finds_an_arm_key_an_arm_value_and_a_per_arm_array()
    {
        var leaks = new List<string>();
        Walk(JsonNode.Parse("""{"events":[{"n":3,"arm":"x"}],"label":"Observation","by":{"lev":1},"rows":[{"term":"a","participants":[2,5]}]}""")!, "$", ["Observation", "lev"], leaks);
        Assert.Equal(4, leaks.Count);
        Assert.Contains("$.rows[0].participants: a list of bare numbers (one per arm?)", leaks);
    }

    /// <summary>
    /// The demo (AALL1731: off-study records, follow-up schedule, serious events, organ classes, deaths) has every block
    /// the open report shows: its results-open.json holds the CONSORT totals, completeness and the overdue list, the adverse
    /// events by highest grade, the serious events and the organ classes, each the closed report's summed over the arms,
    /// and not one arm key, arm value or per-arm array.
    /// </summary>
    [Fact]
    public void The_demos_open_results_hold_every_pooled_block_and_no_arm_level_number()
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-open-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, stderr) = Fixtures.Run("demo", "--out", directory);
            Assert.True(code == 0, stderr);
            var open = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "results-open.json")))!;
            var closed = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "results.json")))!;
            var arms = ArmNames(File.ReadAllText(RepositoryFiles.PathOf("examples/aall1731/protocol.yaml")));
            var leaks = new List<string>();
            Walk(open, "$", arms, leaks);
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));

            Assert.Equal(closed["consort"]!["total"]!.ToJsonString(), open["consort"]!["total"]!.ToJsonString());
            Assert.Equal(closed["consort"]!["recorded"]!.ToJsonString(), open["consort"]!["recorded"]!.ToJsonString());
            Assert.True(open["consort"]!["total"]!["withdrawn"]!.GetValue<int>() + open["consort"]!["total"]!["off_therapy"]!.GetValue<int>() > 0, "the demo records off-study participants");

            var total = open["completeness"]!["total"]!;
            var closedArms = closed["completeness"]!["arms"]!.AsArray();
            Assert.Equal(closedArms.Sum(a => a!["observed"]!.GetValue<double>()), total["observed"]!.GetValue<double>(), 9);
            Assert.Equal(closedArms.Sum(a => a!["potential"]!.GetValue<double>()), total["potential"]!.GetValue<double>(), 9);
            Assert.Equal(closedArms.Sum(a => a!["overdue"]!.GetValue<int>()), total["overdue"]!.GetValue<int>());
            Assert.Equal(closed["overdue"]!.AsArray().Select(o => o!["participant"]!.GetValue<string>()), open["overdue"]!.AsArray().Select(o => o!["participant"]!.GetValue<string>()));

            var grades = open["adverse_events_max_grade"]!["by_grade"]!.AsArray();
            var byArm = closed["adverse_events_max_grade"]!.AsArray();
            Assert.Equal(byArm.Sum(a => a!["n"]!.GetValue<int>()), open["adverse_events_max_grade"]!["n"]!.GetValue<int>());
            for (int g = 0; g < grades.Count; g++)
                Assert.Equal(byArm.Sum(a => a!["by_grade"]![g]!["n"]!.GetValue<int>()), grades[g]!["n"]!.GetValue<int>());
            var organ = open["adverse_events_by_organ_class"]!.AsArray();
            Assert.True(organ.Count > 0, "the demo maps its terms to organ classes");
            Assert.Equal(closed["adverse_events_by_organ_class"]!.AsArray().Select(r => r!["n"]!.GetValue<int>()), organ.Select(r => r!["n"]!.GetValue<int>()));
            Assert.Equal(closed["serious_adverse_events"]!.AsArray().Count, open["serious_adverse_events"]!.AsArray().Count);
            Assert.Equal(closed["accrual"]!.ToJsonString(), open["accrual"]!.ToJsonString());
            Assert.Equal(closed["baseline"]!["factors"]!.AsArray().Count, open["baseline"]!["factors"]!.AsArray().Count);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("colon")]
    [InlineData("cgd")]
    public void Pooled_numbers_are_the_closed_reports_summed_over_arms(string trial)
    {
        var files = Analyze(trial);
        var open = Json(files, "results-open.json");
        var closed = Json(files, "results.json");
        var events = open["events"]![0]!;
        var arms = closed["overall"]!["arms"]!.AsArray();
        Assert.Equal(arms.Sum(a => a!["n"]!.GetValue<int>()), events["n"]!.GetValue<int>());
        Assert.Equal(arms.Sum(a => a!["events"]!.GetValue<int>()), events["events"]!.GetValue<int>());
        Assert.Equal(closed["participants"]!.GetValue<int>(), events["n"]!.GetValue<int>());
        var closedFactors = closed["baseline"]!["factors"]!.AsArray();
        var openFactors = open["baseline"]!["factors"]!.AsArray();
        foreach (var (c, o) in closedFactors.Zip(openFactors))
            foreach (var (cl, ol) in c!["levels"]!.AsArray().Zip(o!["levels"]!.AsArray()))
            {
                Assert.Equal(cl!["overall"]!["n"]!.GetValue<int>(), ol!["n"]!.GetValue<int>());
                Assert.Equal(cl["arms"]!.AsArray().Sum(a => a!["n"]!.GetValue<int>()), ol["n"]!.GetValue<int>());
            }
        if (closed["safety"] is JsonObject safety)
        {
            var terms = safety["terms"]!.AsArray();
            var pooled = open["safety"]!["terms"]!.AsArray();
            Assert.Equal(terms.Count, pooled.Count);
            foreach (var (c, o) in terms.Zip(pooled))
                Assert.Equal(c!["arms"]!.AsArray().Sum(a => a!["participants"]!.GetValue<int>()), o!["participants"]!.GetValue<int>());
        }
        Assert.Equal(closed["accrual"]!.ToJsonString(), open["accrual"]!.ToJsonString());
    }

    [Theory]
    [InlineData("colon")]
    [InlineData("cgd")]
    public void Pooled_median_follow_up_matches_R(string trial)
    {
        var expected = JsonNode.Parse(File.ReadAllText(TrialFile($"expected/dsmb-{trial}.json")))!["follow_up_pooled"]!["0.95"]!;
        var got = Json(Analyze(trial, "--report", "open"), "results-open.json")["follow_up"]!;
        Assert.Equal(expected["n"]!.GetValue<int>(), got["n"]!.GetValue<int>());
        Assert.Equal(expected["censored"]!.GetValue<int>(), got["censored"]!.GetValue<int>());
        foreach (string key in new[] { "median_follow_up", "conf_low", "conf_high" })
        {
            double want = expected[key]!.GetValue<double>(), value = got[key]!.GetValue<double>();
            Assert.True(Math.Abs(want - value) <= 1e-9 * Math.Max(1, Math.Abs(want)), $"{trial} {key}: R {want}, Evident {value}");
        }
    }

    [Fact]
    public void Both_reports_carry_the_hashes_and_version_on_every_printed_page()
    {
        var files = Analyze("cgd");
        // sha256sum cgd.csv cgd-adverse-events.csv | sha256sum
        string manifest = string.Concat(new[] { "cgd.csv", "cgd-adverse-events.csv" }.Select(name =>
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TrialFile("data/" + name)))) + "  " + name + "\n"));
        string dataHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)));
        foreach (var (json, html, kind) in new[] { ("results.json", "report.html", "closed"), ("results-open.json", "report-open.html", "open") })
        {
            var report = Json(files, json)["report"]!;
            Assert.Equal(kind, report["kind"]!.GetValue<string>());
            Assert.Equal(dataHash, report["data_sha256"]!.GetValue<string>());
            string protocolHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TrialFile("protocols/cgd.yaml"))));
            Assert.Equal(protocolHash, report["protocol_sha256"]!.GetValue<string>());
            Assert.Equal(Json(files, json)["protocol"]!["sha256"]!.GetValue<string>(), report["protocol_sha256"]!.GetValue<string>());
            Assert.Equal(Json(files, json)["software_version"]!.GetValue<string>(), report["software_version"]!.GetValue<string>());
            // The printed page's margins (CSS paged media): cut-off at the top, both hashes at the bottom, page N of M.
            string page = files[html];
            int at = page.IndexOf("@page{@top-left{content:", StringComparison.Ordinal);
            Assert.True(at > 0, $"{html} has no printed-page header");
            string margins = page[at..page.IndexOf("</style>", at, StringComparison.Ordinal)];
            Assert.Contains("data cut-off", margins);
            Assert.Contains($"Data SHA-256 {dataHash}", margins);
            Assert.Contains($"Protocol SHA-256 {report["protocol_sha256"]!.GetValue<string>()}", margins);
            Assert.Contains("counter(pages)", margins);
            Assert.Contains($"data-provenance=\"{kind}\"", page);
            Assert.Contains(dataHash, page[page.IndexOf("data-provenance", StringComparison.Ordinal)..]);
        }
    }

    /// <summary>The arm ids and labels of a protocol's <c>arms:</c> list.</summary>
    private static List<string> ArmNames(string protocol)
    {
        var names = new List<string>();
        bool inArms = false;
        foreach (string line in protocol.Split('\n'))
        {
            if (line.StartsWith("arms:", StringComparison.Ordinal)) { inArms = true; continue; }
            if (inArms && line.Length > 0 && !char.IsWhiteSpace(line[0])) break;
            string t = line.Trim().TrimStart('-').Trim();
            if (inArms && (t.StartsWith("id:", StringComparison.Ordinal) || t.StartsWith("label:", StringComparison.Ordinal)))
                names.Add(t[(t.IndexOf(':') + 1)..].Trim().Trim('"'));
        }
        return names;
    }

    /// <summary>Every key that names an arm and every string value that is an arm's id or label, with its path.</summary>
    private static void Walk(JsonNode? node, string path, IReadOnlyList<string> arms, List<string> leaks)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key.Contains("arm", StringComparison.OrdinalIgnoreCase) || arms.Contains(key) || key is "comparisons" or "hazard_ratio" or "rmst" or "logrank_p" or "stratified_logrank_p")
                        leaks.Add($"{path}.{key}: an arm-level key");
                    Walk(value, $"{path}.{key}", arms, leaks);
                }
                break;
            case JsonArray a:
                // results.json writes a count per arm as a bare list of numbers (organ classes' "arms"); the open report has none.
                if (a.Count > 0 && a.All(x => x is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number))
                    leaks.Add($"{path}: a list of bare numbers (one per arm?)");
                for (int i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", arms, leaks);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && arms.Contains(s):
                leaks.Add($"{path}: the arm '{s}'");
                break;
        }
    }
}
