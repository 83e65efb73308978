using System.Text.Json;
using Evident.Statistics.CompetingRisks;

namespace Evident.Statistics.Tests.CompetingRisks;

/// <summary>
/// Every number of the cmprsk::cuminc reference cases (estimates and variances at the requested times and at every
/// jump, Gray's tests, stratified and with ρ = 1), to the cases' rel 1e-6 (reached: better than 1e-9).
/// </summary>
public sealed class CumulativeIncidenceReferenceTests
{
    public static TheoryData<string, string, string, string, string, string?, string?, double> Cases => new()
    {
        { "reference", "mgus2-cuminc-all", "data/mgus2.csv", "etime", "event", null, null, 0 },
        { "reference", "mgus2-cuminc-sex", "data/mgus2.csv", "etime", "event", "sex", null, 0 },
        { "competing-risks", "crsim-cuminc-all", "data/crsim.csv", "time", "cause", null, null, 0 },
        { "competing-risks", "crsim-cuminc-arm", "data/crsim.csv", "time", "cause", "arm", null, 0 },
        { "competing-risks", "crsim-cuminc-arm-strata-site", "data/crsim.csv", "time", "cause", "arm", "site", 0 },
        { "competing-risks", "crsim-cuminc-arm-rho1", "data/crsim.csv", "time", "cause", "arm", null, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_cmprsk(string folder, string name, string file, string timeColumn, string statusColumn,
                               string? groupColumn, string? strataColumn, double rho)
    {
        var (expected, rel, abs) = CompetingRisksData.Case(folder, name);
        var table = CompetingRisksData.Table(folder, file);
        var time = table.Numbers(timeColumn);
        var cause = CompetingRisksData.Causes(table.Numbers(statusColumn));
        var (group, levels) = groupColumn is null ? (Array.Empty<int>(), new[] { "" }) : CompetingRisksData.Factor(table.Column(groupColumn));
        var (stratum, strata) = strataColumn is null ? (Array.Empty<int>(), new[] { "" }) : CompetingRisksData.Factor(table.Column(strataColumn));

        var fit = AalenJohansen.Fit(time, cause, group, levels.Length, stratum, strata.Length, rho);
        Assert.Equal(rho, fit.Rho);

        int checkedPoints = 0;
        foreach (var item in expected.GetProperty("at_times").EnumerateArray())
        {
            var curve = fit.Curve(GroupOf(item, levels), int.Parse(item.GetProperty("cause").GetString()!));
            var point = curve.At(item.GetProperty("time").GetDouble());
            string where = $"{name}[{item.GetProperty("cause")}, {item.GetProperty("group")}, t={item.GetProperty("time")}]";
            Close(item.GetProperty("estimate"), point.Estimate, rel, abs, where + ".estimate");
            Close(item.GetProperty("variance"), point.Variance, rel, abs, where + ".variance");
            checkedPoints++;
        }
        Assert.True(checkedPoints > 0);

        if (expected.TryGetProperty("curves", out var curves))
        {
            Assert.Equal(curves.GetArrayLength(), fit.Curves.Count);
            foreach (var item in curves.EnumerateArray())
            {
                var curve = fit.Curve(GroupOf(item, levels), int.Parse(item.GetProperty("cause").GetString()!));
                var times = item.GetProperty("times").EnumerateArray().ToArray();
                Assert.Equal(times.Length, curve.Steps.Count);
                var estimates = item.GetProperty("estimates").EnumerateArray().ToArray();
                var variances = item.GetProperty("variances").EnumerateArray().ToArray();
                for (int i = 0; i < times.Length; i++)
                {
                    Assert.Equal(times[i].GetDouble(), curve.Steps[i].Time);
                    Close(estimates[i], curve.Steps[i].Estimate, rel, abs, $"{name}.curves[{i}].estimate");
                    Close(variances[i], curve.Steps[i].Variance, rel, abs, $"{name}.curves[{i}].variance");
                }
            }
        }

        if (expected.TryGetProperty("gray_test", out var tests))
        {
            Assert.Equal(tests.GetArrayLength(), fit.Tests.Count);
            foreach (var item in tests.EnumerateArray())
            {
                var test = fit.Tests.Single(t => CompetingRisksData.Text(t.Cause) == item.GetProperty("cause").GetString());
                Close(item.GetProperty("statistic"), test.Test.Statistic, rel, abs, $"{name}.gray[{test.Cause}].statistic");
                Close(item.GetProperty("p_value"), test.Test.PValue, rel, abs, $"{name}.gray[{test.Cause}].p_value");
                Assert.Equal(item.GetProperty("df").GetDouble(), test.Test.DegreesOfFreedom);
            }
        }
        else
        {
            Assert.Empty(fit.Tests);
        }
    }

    private static int GroupOf(JsonElement item, string[] levels)
    {
        foreach (var p in item.GetProperty("group").EnumerateObject()) return Array.IndexOf(levels, p.Value.GetString());
        return 0;
    }

    private static void Close(JsonElement expected, double actual, double rel, double abs, string where)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual), $"{where}: expected NA, got {actual:R}");
            return;
        }
        double e = expected.GetDouble();
        Assert.True(Math.Abs(actual - e) <= Math.Max(abs, rel * Math.Abs(e)), $"{where}: expected {e:R}, got {actual:R}");
    }
}
