using System.Globalization;
using System.Text.Json.Nodes;
using Evident.Testing;

namespace Evident.Cli.Tests;

/// <summary>
/// Overall survival and the deaths listing on the demo: the overall survival derived from the death component equals the
/// analysis of an explicit overall-survival endpoint (death, else censored at last contact) on the same data, and the
/// listing holds exactly the deaths the participant file records on or before the cut-off, with their causes.
/// </summary>
public sealed class DeathsAndSurvivalTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("evident-deaths-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static JsonObject Results(string dir) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "results.json")))!;

    [Fact]
    public void Derived_overall_survival_equals_an_explicit_endpoint_and_the_listing_matches_the_data()
    {
        string demo = Path.Combine(directory, "demo");
        var (code, _, stderr) = Fixtures.Run("demo", "--out", demo);
        Assert.True(code == 0, stderr);
        var derived = Results(demo);

        string text = File.ReadAllText(RepositoryFiles.PathOf("examples/aall1731/protocol.yaml"));
        text = text.Replace("endpoints:\n", "endpoints:\n  - id: os\n    label: Overall survival\n    events: [death]\n    milestone: 36\n", StringComparison.Ordinal)
                   .Replace("        relapse_site: FIRSTEVT\n", "        relapse_site: FIRSTEVT\n        os: OS\n", StringComparison.Ordinal)
                   .Replace("analyses:\n", "analyses:\n  secondary:\n    - {endpoint: os, compare: [blinatumomab], stratify_by: [risk]}\n", StringComparison.Ordinal);
        string protocol = Path.Combine(directory, "protocol.yaml");
        File.WriteAllText(protocol, text);
        string explicitDir = Path.Combine(directory, "explicit");
        (code, _, stderr) = Fixtures.Run("analyze", protocol, "--data", Path.Combine(demo, "data", "participants.csv"),
                                         "--ae", Path.Combine(demo, "data", "adverse_events.csv"), "--cutoff", "2024-06-30", "--out", explicitDir);
        Assert.True(code == 0, stderr);
        var os = Results(explicitDir)["analyses"]!.AsArray().Single(a => a!["endpoint"]!.GetValue<string>() == "os")!;
        var got = derived["overall_survival"]!;
        Assert.Equal(os["arms"]!.ToJsonString(), got["arms"]!.ToJsonString());
        Assert.Equal(os["comparisons"]!.ToJsonString(), got["comparisons"]!.ToJsonString());
        Assert.Equal(os["strata"]!.ToJsonString(), got["strata"]!.ToJsonString());

        var lines = File.ReadAllLines(Path.Combine(demo, "data", "participants.csv"));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        int id = header.IndexOf("participant_id"), date = header.IndexOf("death_date"), cause = header.IndexOf("death_cause");
        var want = lines.Skip(1).Select(l => l.Split(',').Select(v => v.Trim('"')).ToArray())
                        .Where(v => v[date].Length > 0 && DateOnly.Parse(v[date], CultureInfo.InvariantCulture) <= new DateOnly(2024, 6, 30))
                        .Select(v => (v[id], v[date], v[cause])).OrderBy(x => x.Item1, StringComparer.Ordinal).ToArray();
        var listed = derived["deaths"]!.AsArray().Select(d => (d!["participant"]!.GetValue<string>(), d["date"]!.GetValue<string>(), d["cause"]!.GetValue<string>()))
                                     .OrderBy(x => x.Item1, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(want);
        Assert.Equal(want, listed);
        Assert.Equal(want.Length, got["arms"]!.AsArray().Sum(a => a!["events"]!.GetValue<int>()));
        string report = File.ReadAllText(Path.Combine(demo, "report.html"));
        Assert.Contains("data-table=\"deaths\"", report);
        Assert.Contains("data-figure=\"km-overall-survival\"", report);
    }

    [Fact]
    public void A_protocol_without_a_death_component_has_no_overall_survival_and_no_deaths()
    {
        var results = TrialReferenceTests.Analyze("protocols/cgd.yaml", "cgd");
        Assert.Null(results["overall_survival"]);
        Assert.Empty(results["deaths"]!.AsArray());
    }
}
