using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>Hand-computed cases, invariances and edge cases of <see cref="LogRank"/>.</summary>
public sealed class LogRankPropertyTests
{
    // Group 0 dies at 1 and 3, group 1 at 2 and 4.
    private static readonly double[] Time = [1, 2, 3, 4];
    private static readonly bool[] Event = [true, true, true, true];
    private static readonly int[] Group = [0, 1, 0, 1];

    [Fact]
    public void Log_rank_by_hand()
    {
        // E₀ = 1/2 + 1/3 + 1/2 = 4/3; V = 1/4 + 2/9 + 1/4 = 13/18 (no variance from the last, single-subject risk set).
        var test = LogRank.Test(Time, Event, Group, 2, [], 0);
        Assert.Equal(2, test.Groups[0].Observed);
        Assert.Equal(4.0 / 3, test.Groups[0].Expected, 14);
        Assert.Equal(8.0 / 3, test.Groups[1].Expected, 14);
        Assert.Equal(13.0 / 18, test.Groups[0].Variance, 14);
        Assert.Equal(-13.0 / 18, test.Variance[0][1], 14);
        Assert.Equal(8.0 / 13, test.Statistic, 14); // (2 − 4/3)² / (13/18)
        Assert.Equal(1, test.DegreesOfFreedom);
        Approx.Equal(ChiSquareTest.UpperTail(8.0 / 13, 1), test.PValue, 1e-13, 0, "p");
        Assert.Equal((2, 2), (test.Groups[0].N, test.Groups[1].N));
    }

    [Fact]
    public void Peto_Peto_by_hand()
    {
        // Weights Ŝ(t−) of the pooled curve: 1, 3/4, 1/2, 1/4. O₀ = 1 + 1/2, E₀ = 1/2 + 1/4 + 1/4, V = 1/4 + 1/8 + 1/16.
        var test = LogRank.Test(Time, Event, Group, 2, [], 0, rho: 1);
        Assert.Equal(1.5, test.Groups[0].Observed, 14);
        Assert.Equal(1.0, test.Groups[0].Expected, 14);
        Assert.Equal(7.0 / 16, test.Groups[0].Variance, 14);
        Assert.Equal(4.0 / 7, test.Statistic, 14);
        Assert.Equal(1.0, test.Rho);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void Row_order_and_time_rescaling_do_not_matter(double rho)
    {
        var levels = new[] { "adeno", "large", "smallcell", "squamous" };
        var sample = SurvivalSample.Load("veteran.csv", "time", "status", 1, "celltype", levels);
        var reference = LogRank.Test(sample.Time, sample.IsEvent, sample.Group, 4, [], 0, rho);

        var order = Enumerable.Range(0, sample.Time.Length).ToArray();
        new Random(7).Shuffle(order);
        var shuffled = LogRank.Test(order.Select(i => sample.Time[i]).ToArray(), order.Select(i => sample.IsEvent[i]).ToArray(),
                                    order.Select(i => sample.Group[i]).ToArray(), 4, [], 0, rho);
        var years = LogRank.Test(sample.Time.Select(t => t / 365.25).ToArray(), sample.IsEvent, sample.Group, 4, [], 0, rho);
        var logTime = LogRank.Test(sample.Time.Select(t => Math.Log(1 + t)).ToArray(), sample.IsEvent, sample.Group, 4, [], 0, rho);
        foreach (var other in new[] { shuffled, years, logTime })
        {
            Assert.Equal(reference.Statistic, other.Statistic, 12);
            Assert.Equal(reference.Groups, other.Groups);
        }
    }

    [Fact]
    public void Relabelling_groups_permutes_the_table_and_keeps_the_statistic()
    {
        var levels = new[] { "adeno", "large", "smallcell", "squamous" };
        var sample = SurvivalSample.Load("veteran.csv", "time", "status", 1, "celltype", levels);
        var reference = LogRank.Test(sample.Time, sample.IsEvent, sample.Group, 4, [], 0);
        int[] map = [2, 0, 3, 1];
        var relabelled = LogRank.Test(sample.Time, sample.IsEvent, sample.Group.Select(g => map[g]).ToArray(), 4, [], 0);
        Approx.Equal(reference.Statistic, relabelled.Statistic, 1e-10, 0, "statistic");
        for (int g = 0; g < 4; g++) Assert.Equal(reference.Groups[g], relabelled.Groups[map[g]]);
    }

    [Fact]
    public void One_stratum_equals_no_strata_and_strata_add_up()
    {
        var sample = SurvivalSample.Load("lung.csv", "time", "status", 2, "sex", ["1", "2"]);
        var plain = LogRank.Test(sample.Time, sample.IsEvent, sample.Group, 2, [], 0);
        var single = LogRank.Test(sample.Time, sample.IsEvent, sample.Group, 2, new int[sample.Time.Length], 1);
        Assert.Equal(plain.Groups, single.Groups);
        Assert.Equal(plain.Statistic, single.Statistic);

        // Two strata split by row parity: O, E, V are the sums of the per-stratum tests.
        var stratum = Enumerable.Range(0, sample.Time.Length).Select(i => i % 2).ToArray();
        var both = LogRank.Test(sample.Time, sample.IsEvent, sample.Group, 2, stratum, 2);
        double e = 0, v = 0;
        for (int s = 0; s < 2; s++)
        {
            var rows = Enumerable.Range(0, sample.Time.Length).Where(i => stratum[i] == s).ToArray();
            var part = LogRank.Test(rows.Select(i => sample.Time[i]).ToArray(), rows.Select(i => sample.IsEvent[i]).ToArray(),
                                    rows.Select(i => sample.Group[i]).ToArray(), 2, [], 0);
            e += part.Groups[0].Expected;
            v += part.Groups[0].Variance;
        }
        Approx.Equal(e, both.Groups[0].Expected, 1e-13, 0, "E");
        Approx.Equal(v, both.Groups[0].Variance, 1e-13, 0, "V");
        Approx.Equal(Math.Pow(both.Groups[0].Observed - e, 2) / v, both.Statistic, 1e-12, 0, "χ²");
    }

    [Fact]
    public void One_group_is_rejected_with_a_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogRank.Test(Time, Event, new int[4], 1, [], 0));
        Assert.Contains("log-rank needs at least two groups", ex.Message);
        var onlyOnePresent = Assert.Throws<ArgumentException>(() => LogRank.Test(Time, Event, new int[4], 2, [], 0));
        Assert.Contains("log-rank needs at least two groups", onlyOnePresent.Message);
    }

    [Fact]
    public void All_censored_has_nothing_to_test()
    {
        var test = LogRank.Test(Time, new bool[4], Group, 2, [], 0);
        Assert.Equal((0.0, 1, 1.0), (test.Statistic, test.DegreesOfFreedom, test.PValue));
        Assert.All(test.Groups, g => Assert.Equal((0.0, 0.0, 0.0), (g.Observed, g.Expected, g.Variance)));
    }

    [Fact]
    public void All_tied_events_give_expected_counts_but_no_variance()
    {
        // One risk set of 4 with 4 deaths: E_g = 4·2/4, V ∝ (n − d) = 0.
        var test = LogRank.Test([5, 5, 5, 5], Event, Group, 2, [], 0);
        Assert.Equal(2, test.Groups[0].Expected);
        Assert.Equal(0, test.Groups[0].Variance);
        Assert.Equal((0.0, 1.0), (test.Statistic, test.PValue));
    }

    [Fact]
    public void One_row_per_group()
    {
        // t = 1: n = 2, d = 1 → E₀ = 1/2, V = 1·1·1·1/(4·1) = 1/4; t = 2 has a single subject at risk.
        var test = LogRank.Test([1, 2], [true, true], [0, 1], 2, [], 0);
        Assert.Equal(0.5, test.Groups[0].Expected);
        Assert.Equal(0.25, test.Groups[0].Variance);
        Assert.Equal(1.0, test.Statistic, 14);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-3.0)]
    public void Bad_times_are_rejected(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test([1, bad], [true, true], [0, 1], 2, [], 0));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LogRank.Test([], [], [], 2, [], 0));
        Assert.Throws<ArgumentException>(() => LogRank.Test([1, 2], [true], [0, 1], 2, [], 0));
        Assert.Throws<ArgumentException>(() => LogRank.Test([1, 2], [true, true], [0], 2, [], 0));
        Assert.Throws<ArgumentException>(() => LogRank.Test([1, 2], [true, true], [0, 1], 2, [0], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test([1, 2], [true, true], [0, 2], 2, [], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test([1, 2], [true, true], [0, 1], 2, [0, 1], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test([1, 2], [true, true], [0, 1], 2, [0, 0], 0));
        foreach (double rho in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test([1, 2], [true, true], [0, 1], 2, [], 0, rho));
    }
}
