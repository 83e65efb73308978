using static Evident.Cli.Tests.TrialReferenceTests;

namespace Evident.Cli.Tests;

/// <summary>Interim monitoring of a three-arm trial (colon) covers every compared arm, each with its own looks.</summary>
public sealed class MonitoringComparisonsTests
{
    [Fact]
    public void Every_comparison_is_monitored_and_its_last_look_is_its_own_log_rank_test()
    {
        const string design = "design:\n  looks: 3\n  information: [0.33, 0.67, 1]\n  alpha: 0.025\n  two_sided: false\n  spending: obrien-fleming\n" +
                              "  power: 0.8\n  hazard_ratio: 0.7\n  planned_events: 400\n\nanalyses:\n";
        string first = EditedProtocol("colon", "\nanalyses:\n", "\n" + design);
        string protocol = Path.ChangeExtension(first, ".monitoring.yaml");
        File.WriteAllText(protocol, File.ReadAllText(first) + "  monitoring:\n    endpoint: recurrence\n");
        File.Delete(first);
        var (results, report, _) = Outputs(protocol, "colon", "--cutoff", "2000-01-01");
        File.Delete(protocol);
        var monitored = results["monitoring_comparisons"]!.AsArray();
        Assert.Equal(["lev", "lev_5fu"], monitored.Select(m => m!["arm"]!.GetValue<string>()));
        Assert.Equal(results["monitoring"]!.ToJsonString(), RemoveArm(monitored[0]!));
        var comparisons = results["analyses"]![0]!["comparisons"]!.AsArray();
        for (int k = 0; k < 2; k++)
        {
            // The last look is at the cut-off, after every participant's last contact: its Z² is the comparison's stratified log-rank statistic (checked against R).
            double z = monitored[k]!["looks"]!.AsArray()[^1]!["z"]!.GetValue<double>();
            Assert.Equal(comparisons[k]!["logrank_chisq"]!.GetValue<double>(), z * z, 1e-9);
        }
        Assert.NotEqual(monitored[0]!["looks"]!.ToJsonString(), monitored[1]!["looks"]!.ToJsonString());
        Assert.Contains("<h3>Levamisole vs Observation</h3>", report, StringComparison.Ordinal);
        Assert.Contains("<h3>Levamisole + fluorouracil vs Observation</h3>", report, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"monitoring\"", report, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"monitoring-lev_5fu\"", report, StringComparison.Ordinal);
    }

    private static string RemoveArm(System.Text.Json.Nodes.JsonNode node)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove("arm");
        copy.Remove("control");
        return copy.ToJsonString();
    }
}
