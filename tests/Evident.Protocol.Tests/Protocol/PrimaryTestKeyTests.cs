using Evident.Design.Simulation;
using Evident.Statistics.Survival;
using Evident.Testing;

namespace Evident.Protocol.Tests.Protocol;

/// <summary><c>analyses.primary.test</c> and <c>analyses.secondary[].test</c>: parsed, defaulted, written back.</summary>
public sealed class PrimaryTestKeyTests
{
    private static string WithTest(string value) =>
        RepositoryFiles.ExampleProtocol.Replace("    conf_type: log\n", $"    conf_type: log\n    test: {value}\n", StringComparison.Ordinal);

    [Fact]
    public void WithoutTheKeyTheTestIsLogRankAndNothingIsWritten()
    {
        var p = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol, "p.yaml");
        Assert.Equal(SimulationTest.LogRank, p.Analyses.Primary.Test);
        Assert.DoesNotContain("\n    test:", p.ToYaml(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logrank", "logrank")]
    [InlineData("fh(0,1)", "fh(0,1)")]
    [InlineData("\"FH(0.5, 1)\"", "fh(0.5,1)")]
    [InlineData("maxcombo(0,0;0,1;1,0;1,1)", "maxcombo(0,0;0,1;1,0;1,1)")]
    [InlineData("\"rmst(36)\"", "rmst(36)")]
    public void EachFormParsesAndRoundTrips(string written, string canonical)
    {
        var p = TrialProtocol.Parse(WithTest(written), "p.yaml");
        Assert.Equal(canonical, p.Analyses.Primary.Test.ToString());
        var again = TrialProtocol.Parse(p.ToYaml(), "again.yaml");
        Assert.Equal(p with { SourceName = "", Hash = "" }, again with { SourceName = "", Hash = "" });
        Assert.Equal(p.ToYaml(), again.ToYaml());
    }

    [Fact]
    public void TheWeightsAndTauAreRead()
    {
        var maxCombo = TrialProtocol.Parse(WithTest("maxcombo(0,0;0,1;1,0)"), "p.yaml").Analyses.Primary.Test;
        Assert.Equal(SimulationTestKind.MaxCombo, maxCombo.Kind);
        Assert.Equal([new FlemingHarringtonWeight(0, 0), new FlemingHarringtonWeight(0, 1), new FlemingHarringtonWeight(1, 0)], maxCombo.Weights);
        var rmst = TrialProtocol.Parse(WithTest("rmst(36)"), "p.yaml").Analyses.Primary.Test;
        Assert.Equal((SimulationTestKind.RestrictedMean, 36.0), (rmst.Kind, rmst.Tau));
    }

    [Fact]
    public void ASecondaryAnalysisHasItsOwnTest()
    {
        string text = RepositoryFiles.ExampleProtocol.Replace("\n  subgroups:", "\n  secondary:\n    - endpoint: dfs\n      test: fh(0,1)\n  subgroups:", StringComparison.Ordinal);
        var p = TrialProtocol.Parse(text, "p.yaml");
        Assert.Equal(SimulationTest.LogRank, p.Analyses.Primary.Test);
        Assert.Equal(SimulationTest.FlemingHarrington(0, 1), Assert.Single(p.Analyses.Secondary).Test);
        Assert.Equal(p with { SourceName = "", Hash = "" }, TrialProtocol.Parse(p.ToYaml(), "again.yaml") with { SourceName = "", Hash = "" });
    }
}
