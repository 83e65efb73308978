using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>Every number of the R survival 3.5 survdiff reference cases (make_refs.R: case_logrank), to rel 1e-6.</summary>
public sealed class LogRankReferenceTests
{
    public static TheoryData<string, string, double, string, bool, string?, double> Cases => new()
    {
        { "aml-logrank-x", "aml.csv", 1, "x", false, null, 0 },
        { "lung-logrank-sex", "lung.csv", 2, "sex", true, null, 0 },
        { "lung-peto-sex", "lung.csv", 2, "sex", true, null, 1 },
        { "lung-logrank-sex-strata-ecog", "lung.csv", 2, "sex", true, "ph_ecog", 0 },
        { "veteran-logrank-celltype", "veteran.csv", 1, "celltype", false, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_matches_survdiff(string name, string file, double eventCode, string groupColumn, bool numeric, string? strataColumn,
                                      double rho)
    {
        var reference = ReferenceFixtures.Case(name);
        var levels = SurvivalSample.SortedLevels(file, groupColumn, numeric);
        var sample = SurvivalSample.Load(file, "time", "status", eventCode, groupColumn, levels, strataColumn);

        int[] strata = [];
        int strataCount = 1;
        if (strataColumn is not null)
        {
            var table = ReferenceFixtures.Data(file);
            var raw = table.Column(strataColumn).Where(v => v.Length > 0).ToArray(); // same row filter as Load
            var strataLevels = SurvivalSample.SortedLevels(file, strataColumn, numeric: true);
            strata = raw.Select(v => Array.IndexOf(strataLevels, v)).ToArray();
            strataCount = strataLevels.Length;
            Assert.Equal(sample.Time.Length, strata.Length);
        }

        var test = LogRank.Test(sample.Time, sample.IsEvent, sample.Group, levels.Length, strata, strataCount, rho);
        var expected = reference.Expected;
        Assert.Equal(rho, test.Rho);
        reference.AssertClose(expected, "statistic", test.Statistic, name);
        Assert.Equal(ReferenceCase.Int(expected, "df"), test.DegreesOfFreedom);
        reference.AssertClose(expected, "p_value", test.PValue, name);
        Assert.Same(test.Test, test.Test);
        Assert.Equal(test.Statistic, test.Test.Statistic);

        var groups = expected.GetProperty("groups");
        Assert.Equal(groups.GetArrayLength(), test.Groups.Count);
        foreach (var g in groups.EnumerateArray())
        {
            string level = ReferenceCase.GroupValue(g);
            var actual = test.Groups[Array.IndexOf(levels, level)];
            Assert.Equal(ReferenceCase.Int(g, "n"), actual.N);
            reference.AssertClose(g, "observed", actual.Observed, $"{name}[{level}]");
            reference.AssertClose(g, "expected", actual.Expected, $"{name}[{level}]");
        }

        // V's rows sum to zero, and Σ O = Σ E (both totals are the weighted event count).
        for (int r = 0; r < levels.Length; r++)
        {
            Assert.Equal(test.Groups[r].Variance, test.Variance[r][r]);
            Assert.True(Math.Abs(test.Variance[r].Sum()) < 1e-9 * test.Groups[r].Variance);
        }
        Approx.Equal(test.Groups.Sum(g => g.Observed), test.Groups.Sum(g => g.Expected), 1e-12, 1e-12, "ΣO = ΣE");
    }

    [Fact]
    public void Two_group_statistic_is_the_squared_score_over_its_variance()
    {
        // For k = 2 the generalized inverse reduces to (O₁ − E₁)² / V₁₁ (Mantel 1966).
        var levels = new[] { "Maintained", "Nonmaintained" };
        var sample = SurvivalSample.Load("aml.csv", "time", "status", 1, "x", levels);
        var test = LogRank.Test(sample.Time, sample.IsEvent, sample.Group, 2, [], 0);
        var g = test.Groups[0];
        Approx.Equal((g.Observed - g.Expected) * (g.Observed - g.Expected) / g.Variance, test.Statistic, 1e-13, 0, "aml");
    }
}
