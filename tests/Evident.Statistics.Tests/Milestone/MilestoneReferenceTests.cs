using System.Text.Json;
using Evident.Statistics.Tests.Survival;
using Evident.Statistics.Milestone;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Milestone;

/// <summary>
/// Milestone comparisons against R (make_refs.R: summary(survfit(...), times = t, extend = TRUE) and the documented
/// formulas) on lung, veteran and aml, to the cases' tolerance (rel 1e-6).
/// </summary>
public sealed class MilestoneReferenceTests
{
    public static TheoryData<string, string, string, double, string?, double, ConfidenceType, double> Cases => new()
    {
        { "lung-milestone-sex-365", "lung.csv", "sex", 2, null, 365, ConfidenceType.Log, 0.95 },
        { "lung-milestone-sex-ecog-365", "lung.csv", "sex", 2, "ph_ecog", 365, ConfidenceType.Log, 0.95 },
        { "veteran-milestone-trt-celltype-180", "veteran.csv", "trt", 1, "celltype", 180, ConfidenceType.Log, 0.95 },
        { "aml-milestone-x-24-loglog", "aml.csv", "x", 1, null, 24, ConfidenceType.LogLog, 0.9 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_R(string name, string file, string arm, double eventCode, string? stratum, double time, ConfidenceType type, double level)
    {
        var expected = MilestoneSafetyFixtures.Case(name, out double rel, out double abs);
        bool numeric = file != "aml.csv";
        var armLevels = SurvivalSample.SortedLevels(file, arm, numeric);
        var sample = SurvivalSample.Load(file, "time", "status", eventCode, arm, armLevels, stratum);
        var curves = KaplanMeier.FitGroups(sample.Time, sample.IsEvent, sample.Group, armLevels.Length, type, level);

        var arms = expected.GetProperty("arms");
        Assert.Equal(armLevels.Length, arms.GetArrayLength());
        foreach (var a in arms.EnumerateArray())
        {
            int g = Array.IndexOf(armLevels, ReferenceCase.GroupValue(a));
            AssertEstimate(a, MilestoneSurvival.Estimate(curves[g], time), rel, abs, $"{name}.arms[{g}]");
        }
        var comparison = expected.GetProperty("comparisons")[0];
        var actual = MilestoneSurvival.Compare(curves[1], curves[0], time, level);
        AssertComparison(comparison, actual, rel, abs, $"{name}.comparisons[0]");

        if (stratum is null) return;
        var strataLevels = SurvivalSample.SortedLevels(file, stratum, numeric: file == "lung.csv");
        var stratumColumn = ReferenceFixtures.Data(file).Column(stratum).Where(v => v.Length > 0).ToArray();
        Assert.Equal(sample.Time.Length, stratumColumn.Length);
        int s = strataLevels.Length;
        var cell = new int[sample.Time.Length];
        for (int i = 0; i < cell.Length; i++) cell[i] = sample.Group[i] * s + Array.IndexOf(strataLevels, stratumColumn[i]);
        var cells = KaplanMeier.FitGroups(sample.Time, sample.IsEvent, cell, 2 * s, type, level);
        var perStratum = Enumerable.Range(0, s).Select(k => MilestoneSurvival.Compare(cells[s + k], cells[k], time, level)).ToList();

        int index = 0;
        foreach (var stratumResult in expected.GetProperty("strata").EnumerateArray())
        {
            var comparisons = stratumResult.GetProperty("comparisons");
            bool both = cells[index].N > 0 && cells[s + index].N > 0;
            Assert.Equal(both ? 1 : 0, comparisons.GetArrayLength());
            if (both) AssertComparison(comparisons[0], perStratum[index], rel, abs, $"{name}.strata[{index}]");
            index++;
        }
        Assert.Equal(s, index);

        var weightings = new[] { MilestoneWeighting.InverseVariance, MilestoneWeighting.SampleSize };
        int w = 0;
        foreach (var weighted in comparison.GetProperty("stratified").EnumerateArray())
        {
            var result = MilestoneSurvival.StratifiedDifference(perStratum, weightings[w++], level);
            string where = $"{name}.stratified[{result.Weighting}]";
            MilestoneSafetyFixtures.Close(weighted, "estimate", result.Difference, rel, abs, where);
            MilestoneSafetyFixtures.Close(weighted, "std_error", result.StdError, rel, abs, where);
            MilestoneSafetyFixtures.Close(weighted, "conf_low", result.Lower, rel, abs, where);
            MilestoneSafetyFixtures.Close(weighted, "conf_high", result.Upper, rel, abs, where);
            MilestoneSafetyFixtures.Close(weighted, "z", result.Z, rel, abs, where);
            MilestoneSafetyFixtures.Close(weighted, "p_value", result.PValue, rel, abs, where);
            int k = 0;
            foreach (var weight in weighted.GetProperty("weights").EnumerateArray())
            {
                if (weight.ValueKind == JsonValueKind.Null) Assert.True(double.IsNaN(result.Weights[k]));
                else Approx.Equal(weight.GetDouble(), result.Weights[k], rel, abs, $"{where}.weights[{k}]");
                k++;
            }
        }
    }

    private static void AssertEstimate(JsonElement e, MilestoneEstimate a, double rel, double abs, string where)
    {
        Assert.Equal(ReferenceCase.Int(e, "n"), a.N);
        Assert.Equal(ReferenceCase.Int(e, "n_risk"), a.AtRisk);
        Assert.Equal(ReferenceCase.Int(e, "n_event"), a.Events);
        MilestoneSafetyFixtures.Close(e, "survival", a.Survival, rel, abs, where);
        MilestoneSafetyFixtures.Close(e, "std_error", a.StdError, rel, abs, where);
        MilestoneSafetyFixtures.Close(e, "conf_low", a.Lower, rel, abs, where);
        MilestoneSafetyFixtures.Close(e, "conf_high", a.Upper, rel, abs, where);
    }

    private static void AssertComparison(JsonElement e, MilestoneComparison a, double rel, double abs, string where)
    {
        foreach (var (key, contrast) in new[] { ("difference", a.Difference), ("survival_ratio", a.SurvivalRatio),
                                                ("cumulative_hazard_ratio", a.CumulativeHazardRatio) })
        {
            var x = e.GetProperty(key);
            string at = $"{where}.{key}";
            MilestoneSafetyFixtures.Close(x, "estimate", contrast.Estimate, rel, abs, at);
            MilestoneSafetyFixtures.Close(x, "std_error", contrast.StdError, rel, abs, at);
            MilestoneSafetyFixtures.Close(x, "conf_low", contrast.Lower, rel, abs, at);
            MilestoneSafetyFixtures.Close(x, "conf_high", contrast.Upper, rel, abs, at);
            MilestoneSafetyFixtures.Close(x, "z", contrast.Z, rel, abs, at);
            MilestoneSafetyFixtures.Close(x, "p_value", contrast.PValue, rel, abs, at);
        }
    }
}
