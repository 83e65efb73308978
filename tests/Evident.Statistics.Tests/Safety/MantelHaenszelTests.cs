using Evident.Statistics.Tests.Milestone;
using Evident.Statistics.Safety;

namespace Evident.Statistics.Tests.Safety;

/// <summary>The Cochran–Mantel–Haenszel kernel against R 4.2's mantelhaen.test (kernels.json, rel 1e-9) and by hand.</summary>
public sealed class MantelHaenszelTests
{
    [Fact]
    public void Matches_R_mantelhaen_test_with_and_without_continuity_correction()
    {
        foreach (var set in MilestoneSafetyFixtures.Kernels().GetProperty("cmh").EnumerateArray())
        {
            int[] Cells(string key) => set.GetProperty(key).EnumerateArray().Select(x => x.GetInt32()).ToArray();
            var (a, b, c, d) = (Cells("a"), Cells("b"), Cells("c"), Cells("d"));
            foreach (var r in set.GetProperty("results").EnumerateArray())
            {
                bool correct = r.GetProperty("correct").GetBoolean();
                var test = MantelHaenszel.Test(a, b, c, d, correct);
                string where = $"cmh[{string.Join(",", a)}; correct={correct}]";
                MilestoneSafetyFixtures.Close(r, "statistic", test.Test.Statistic, 1e-9, 1e-12, where);
                MilestoneSafetyFixtures.Close(r, "p_value", test.Test.PValue, 1e-9, 1e-12, where);
                MilestoneSafetyFixtures.Close(r, "common_odds_ratio", test.CommonOddsRatio, 1e-9, 1e-12, where);
                MilestoneSafetyFixtures.Close(r, "conf_low", test.Lower, 1e-9, 1e-12, where);
                MilestoneSafetyFixtures.Close(r, "conf_high", test.Upper, 1e-9, 1e-12, where);
                Assert.Equal(r.GetProperty("method").GetString()!.Contains("with continuity"), test.ContinuityCorrected);
                Assert.Equal(1, test.Test.DegreesOfFreedom);
                Assert.Equal(a.Length, test.Strata);
            }
        }
    }

    [Fact]
    public void One_stratum_without_correction_is_pearson_times_n_minus_one_over_n()
    {
        // [[10, 20], [30, 40]], n = 100: Pearson X² = n(ad − bc)²/(r1 r2 c1 c2) = 100·(400 − 600)²/(30·70·40·60).
        var test = MantelHaenszel.Test([10], [20], [30], [40], continuityCorrection: false);
        double pearson = 100.0 * 200 * 200 / (30.0 * 70 * 40 * 60);
        Assert.Equal(pearson * 99 / 100, test.Test.Statistic, 13);
        Assert.Equal(10.0 * 40 / (20 * 30), test.CommonOddsRatio, 14);
        // One stratum: the RGB variance reduces to Woolf's 1/a + 1/b + 1/c + 1/d.
        double sd = Math.Sqrt(1.0 / 10 + 1.0 / 20 + 1.0 / 30 + 1.0 / 40);
        Assert.Equal(test.CommonOddsRatio * Math.Exp(1.959963984540054 * sd), test.Upper, 12);
    }

    [Fact]
    public void Swapping_the_groups_inverts_the_odds_ratio_and_keeps_the_test()
    {
        int[] a = [5, 8, 2], b = [20, 17, 9], c = [3, 4, 0], d = [22, 21, 11];
        var x = MantelHaenszel.Test(a, b, c, d);
        var y = MantelHaenszel.Test(c, d, a, b);
        Assert.Equal(x.Test.Statistic, y.Test.Statistic, 12);
        Assert.Equal(1 / x.CommonOddsRatio, y.CommonOddsRatio, 12);
        Assert.Equal(1 / x.Upper, y.Lower, 12);
    }

    [Fact]
    public void Stratum_order_does_not_matter()
    {
        var x = MantelHaenszel.Test([5, 8, 2], [20, 17, 9], [3, 4, 0], [22, 21, 11]);
        var y = MantelHaenszel.Test([2, 5, 8], [9, 20, 17], [0, 3, 4], [11, 22, 21]);
        Assert.Equal(x.Test.Statistic, y.Test.Statistic, 12);
        Assert.Equal(x.CommonOddsRatio, y.CommonOddsRatio, 12);
    }

    [Fact]
    public void No_events_at_all_gives_NA_as_R()
    {
        var test = MantelHaenszel.Test([0, 0], [5, 6], [0, 0], [4, 7]);
        Assert.True(double.IsNaN(test.Test.Statistic));
        Assert.True(double.IsNaN(test.Test.PValue));
        Assert.True(double.IsNaN(test.CommonOddsRatio));
        Assert.False(test.ContinuityCorrected);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => MantelHaenszel.Test([], [], [], []));
        Assert.Throws<ArgumentException>(() => MantelHaenszel.Test([1, 2], [1], [1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => MantelHaenszel.Test([1, 0], [1, 1], [1, 0], [1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MantelHaenszel.Test([-1], [1], [1], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MantelHaenszel.Test([1], [1], [1], [1], confLevel: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MantelHaenszel.Test([1], [1], [1], [1], confLevel: double.PositiveInfinity));
    }
}
