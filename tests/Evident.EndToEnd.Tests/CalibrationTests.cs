using Evident.Analysis;
using Evident.Analysis.Input;
using Evident.Analysis.Export;
using Evident.Protocol.Synthetic;
using Evident.Analysis.Results;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// The scenario's hazards themselves (not one draw of 1,440) give the published figures: at n = 60,000 the sampling SE
/// of a 3-year DFS is ≈ 0.2 points and of a log hazard ratio ≈ 0.03, so we ask for 0.7 points and 12%.
/// </summary>
public sealed class CalibrationTests
{
    [Fact]
    public void ScenarioHazardsGiveThePublishedDfsAndHazardRatios()
    {
        var protocol = Examples.Protocol;
        var trial = ProtocolTrialGenerator.Generate(protocol, Examples.Scenario(protocol), participants: 60_000);
        string dir = Examples.TempDirectory();
        try
        {
            var (participants, _) = SyntheticTables.WriteSimple(trial, dir, DataFileFormat.Parquet);
            var results = TrialAnalysis.Run(protocol, TrialDataLoader.Load(protocol, participants, null), new AnalysisOptions { Cutoff = new DateOnly(2024, 6, 30) });
            var expected = new Dictionary<string, (double Chemo, double Blina, double Hr)> { ["SR-average"] = (0.902, 0.975, 0.33), ["SR-high"] = (0.848, 0.941, 0.45) };
            foreach (var stratum in results.Primary.Strata)
            {
                var (chemo, blina, hr) = expected[stratum.Label];
                Assert.InRange(stratum.Arms[0].Milestone!.Survival, chemo - 0.007, chemo + 0.007);
                Assert.InRange(stratum.Arms[1].Milestone!.Survival, blina - 0.007, blina + 0.007);
                Assert.InRange(stratum.Comparisons[0].HazardRatio.HazardRatio / hr, 0.88, 1.12);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
