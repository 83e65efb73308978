using System.Text.Json.Nodes;
using static Evident.Cli.Tests.TrialReferenceTests;

namespace Evident.Cli.Tests;

/// <summary>
/// Several competing-risks analyses (<c>analyses.competing_risks</c> as a list), each in results.json under
/// <c>competing_risks.&lt;endpoint&gt;</c> and in a report section of its own, against R's <c>cmprsk::cuminc</c>
/// (tests/fixtures/trials/make_trial_refs.R): Gray's test, events, last follow-up and the incidence at every milestone,
/// with the not-estimable rule. <c>relapse_sites</c> stays the first analysis, as earlier versions wrote it.
/// </summary>
public sealed class CompetingRisksReferenceTests
{
    /// <summary>colon: one block given as a list (recurrence or death as first event); pbc: one block given as a mapping.</summary>
    [Theory]
    [InlineData("colon", "90")]
    [InlineData("colon", "95")]
    [InlineData("pbc", "90")]
    [InlineData("pbc", "95")]
    public void Each_block_is_named_by_its_endpoint_and_matches_R_at_every_milestone(string trial, string level)
    {
        string protocol = EditedProtocol($"{trial}-issue12", "confidence_level: 0.90", $"confidence_level: 0.{level}");
        var results = Analyze(protocol, trial);
        File.Delete(protocol);
        var expected = Expected(trial, level)["competing_risks"]!.AsObject();
        string endpoint = expected["endpoint"]!.GetValue<string>();
        var block = results["competing_risks"]![endpoint]!.AsObject();
        AssertMatches(expected, block, endpoint);
        Assert.Equal(endpoint, results["relapse_sites"]!["endpoint"]!.GetValue<string>());
    }

    /// <summary>
    /// Two blocks in one protocol: each has its results.json entry, its report section and figures named by its endpoint,
    /// and both match R (the second endpoint is the first's twin under another id, so R's values hold for both).
    /// </summary>
    [Fact]
    public void Two_blocks_each_get_their_entry_section_and_figures()
    {
        string twin = """
              - id: first_event
                label: First event again
                causes:
                  - id: recurrence
                    label: Recurrence
                    events: [recurrence]
                  - id: death
                    label: Death without recurrence
                    events: [death]
                milestone: [1095.75, 1826.25, 3250]

            data:

            """;
        string first = EditedProtocol("colon-issue12", "\ndata:\n", "\n" + twin);
        string protocol = Path.ChangeExtension(first, ".two.yaml");
        File.WriteAllText(protocol, File.ReadAllText(first).Replace("      gray_test: true", "      gray_test: true\n    - endpoint: first_event\n      by_stratum: true", StringComparison.Ordinal));
        File.Delete(first);
        var (results, report, _) = Outputs(protocol, "colon");
        File.Delete(protocol);
        var expected = Expected("colon", "90")["competing_risks"]!.AsObject();
        var blocks = results["competing_risks"]!.AsObject();
        Assert.Equal(["recurrence_or_death", "first_event"], blocks.Select(b => b.Key));
        AssertMatches(expected, blocks["recurrence_or_death"]!.AsObject(), "recurrence_or_death");
        var twinExpected = expected.DeepClone().AsObject();
        twinExpected["endpoint"] = "first_event";
        AssertMatches(twinExpected, blocks["first_event"]!.AsObject(), "first_event");
        Assert.Empty(blocks["recurrence_or_death"]!["strata"]!.AsArray());
        Assert.Equal(2, blocks["first_event"]!["strata"]!.AsArray().Count);
        Assert.Equal("recurrence_or_death", results["relapse_sites"]!["endpoint"]!.GetValue<string>());
        Assert.Contains("<section id=\"competing-risks\" data-endpoint=\"recurrence_or_death\"><h2>Recurrence or death as first event</h2>", report, StringComparison.Ordinal);
        Assert.Contains("<section id=\"competing-risks-first_event\" data-endpoint=\"first_event\"><h2>First event again</h2>", report, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"cif-0\"", report, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"cif-first_event-1\"", report, StringComparison.Ordinal);
        Assert.Contains("<td>Recurrence</td><td>177, 48.6%, 54.4%, not estimable (follow-up too short)</td>", report, StringComparison.Ordinal);
    }

    private static void AssertMatches(JsonObject expected, JsonObject block, string path)
    {
        var failures = new List<string>();
        new JsonComparison(1e-6, failures, new HashSet<string>(), lenientMilestones: false).Object(expected, block, path);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Every cause, arm and milestone is there (the comparison tolerates extra keys Evident leaves out).
        var causes = expected["causes"]!.AsArray();
        Assert.Equal(causes.Count, block["causes"]!.AsArray().Count);
        foreach (var (e, g) in causes.Zip(block["causes"]!.AsArray()))
            foreach (var (ea, ga) in e!["arms"]!.AsArray().Zip(g!["arms"]!.AsArray()))
            {
                Assert.Equal(ea!["milestones"]!.AsArray().Count, ga!["milestones"]!.AsArray().Count);
                Assert.Equal(ea["last_follow_up"]!.GetValue<double>(), ga["last_follow_up"]!.GetValue<double>());
                Assert.Equal(ea["milestones"]!.AsArray().Select(m => m!["estimable"]!.GetValue<bool>()), ga["milestones"]!.AsArray().Select(m => m!["estimable"]!.GetValue<bool>()));
            }
    }
}
