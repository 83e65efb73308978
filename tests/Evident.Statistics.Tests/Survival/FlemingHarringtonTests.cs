using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>FH(ρ, γ) weighted log-rank and MaxCombo: hand-computed cases, agreement between the two kernels, edge cases.</summary>
public sealed class FlemingHarringtonTests
{
    // Group 0 dies at 1 and 3, group 1 at 2 and 4; pooled Ŝ(t−) = 1, 3/4, 1/2, 1/4.
    private static readonly double[] Time = [1, 2, 3, 4];
    private static readonly bool[] Event = [true, true, true, true];
    private static readonly int[] Group = [0, 1, 0, 1];

    [Fact]
    public void FH_0_1_by_hand()
    {
        // Weights 1 − Ŝ(t−) = 0, 1/4, 1/2, 3/4. O₀ = 1/2, E₀ = 1/4·1/3 + 1/2·1/2 = 1/3; V = 1/16·2/9 + 1/4·1/4 = 11/144.
        var test = LogRank.Test(Time, Event, Group, 2, [], 0, rho: 0, gamma: 1);
        Assert.Equal(0.5, test.Groups[0].Observed, 14);
        Assert.Equal(1.0 / 3, test.Groups[0].Expected, 14);
        Assert.Equal(11.0 / 144, test.Groups[0].Variance, 14);
        Assert.Equal(4.0 / 11, test.Statistic, 14); // (1/6)² / (11/144)
        Assert.Equal((0.0, 1.0), (test.Rho, test.Gamma));
    }

    [Fact]
    public void Gamma_zero_is_the_G_rho_family()
    {
        var sample = RandomSample(300, 11);
        foreach (double rho in new[] { 0, 0.5, 1 })
        {
            var g = LogRank.Test(sample.Time, sample.Event, sample.Group, 2, sample.Stratum, 3, rho);
            var fh = LogRank.Test(sample.Time, sample.Event, sample.Group, 2, sample.Stratum, 3, rho, gamma: 0);
            Assert.Equal(g.Statistic, fh.Statistic);
        }
    }

    [Fact]
    public void MaxCombo_by_hand()
    {
        FlemingHarringtonWeight[] weights = [new(0, 0), new(0, 1)];
        var test = MaxCombo.Test(Time, Event, Group, [], 0, weights);
        // U(0,0) = 2 − 4/3 = 2/3, V = 13/18; U(0,1) = 1/6, V = 11/144; Cov = 1/4·2/9 + 1/2·1/4 = 13/72.
        Assert.Equal(2.0 / 3 / Math.Sqrt(13.0 / 18), test.Components[0].Z, 14);
        Assert.Equal(1.0 / 6 / Math.Sqrt(11.0 / 144), test.Components[1].Z, 14);
        Assert.Equal(13.0 / 72 / Math.Sqrt(13.0 / 18 * 11.0 / 144), test.Correlation[0][1], 14);
        Assert.Equal(test.Correlation[0][1], test.Correlation[1][0], 15);
        Assert.Equal(Math.Max(Math.Abs(test.Components[0].Z), Math.Abs(test.Components[1].Z)), test.Statistic);
    }

    [Fact]
    public void Each_MaxCombo_z_is_the_signed_root_of_the_weighted_log_rank()
    {
        var sample = RandomSample(500, 5);
        FlemingHarringtonWeight[] weights = [new(0, 0), new(0, 1), new(1, 0), new(1, 1), new(0.5, 2)];
        var combo = MaxCombo.Test(sample.Time, sample.Event, sample.Group, sample.Stratum, 3, weights);
        foreach (var c in combo.Components)
        {
            var single = LogRank.Test(sample.Time, sample.Event, sample.Group, 2, sample.Stratum, 3, c.Weight.Rho, c.Weight.Gamma);
            Approx.Equal(single.Statistic, c.Z * c.Z, 1e-12, 0, $"FH({c.Weight.Rho}, {c.Weight.Gamma})");
            Assert.Equal(Math.Sign(single.Groups[0].Observed - single.Groups[0].Expected), Math.Sign(c.Z));
        }
        // FH(0,0) = FH(0,1) + FH(1,0) weight by weight, so the scores add up (the correlation is singular).
        Approx.Equal(combo.Components[0].Score, combo.Components[1].Score + combo.Components[2].Score, 1e-12, 1e-12, "U");
        Assert.InRange(combo.PValue, 0, 1);
    }

    [Fact]
    public void MaxCombo_of_one_weight_is_the_two_sided_normal_test()
    {
        var sample = RandomSample(200, 3);
        var combo = MaxCombo.Test(sample.Time, sample.Event, sample.Group, [], 0, [new FlemingHarringtonWeight(0, 0)]);
        var single = LogRank.Test(sample.Time, sample.Event, sample.Group, 2, [], 0);
        Approx.Equal(single.PValue, combo.PValue, 1e-10, 1e-14, "p");
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test(Time, Event, Group, 2, [], 0, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test(Time, Event, Group, 2, [], 0, 0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxCombo.Test(Time, Event, Group, [], 0, [new FlemingHarringtonWeight(double.PositiveInfinity, 0)]));
        Assert.Throws<ArgumentException>(() => MaxCombo.Test(Time, Event, Group, [], 0, []));
        Assert.Throws<ArgumentException>(() => MaxCombo.Test(Time, Event, new int[4], [], 0, [new FlemingHarringtonWeight(0, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxCombo.Test(Time, Event, [0, 1, 2, 1], [], 0, [new FlemingHarringtonWeight(0, 0)]));
        Assert.Throws<ArgumentException>(() => MaxCombo.Test([], [], [], [], 0, [new FlemingHarringtonWeight(0, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxCombo.Test([1, double.NaN], [true, true], [0, 1], [], 0, [new FlemingHarringtonWeight(0, 0)]));
    }

    [Fact]
    public void A_weight_with_no_information_cannot_be_computed()
    {
        // One event time: Ŝ(t−) = 1 there, so FH(0, 1) gives it weight 0 and has no variance.
        var ex = Assert.Throws<InvalidOperationException>(() =>
            MaxCombo.Test([1, 1, 2, 2], [true, true, false, false], [0, 1, 0, 1], [], 0, [new FlemingHarringtonWeight(0, 0), new FlemingHarringtonWeight(0, 1)]));
        Assert.Contains("FH(0, 1)", ex.Message, StringComparison.Ordinal);
    }

    private static (double[] Time, bool[] Event, int[] Group, int[] Stratum) RandomSample(int n, int seed)
    {
        var random = new Random(seed);
        var time = new double[n];
        var isEvent = new bool[n];
        var group = new int[n];
        var stratum = new int[n];
        for (int i = 0; i < n; i++)
        {
            group[i] = random.Next(2);
            stratum[i] = random.Next(3);
            time[i] = Math.Round(-Math.Log(1 - random.NextDouble()) * (group[i] == 0 ? 10 : 14), 1);
            isEvent[i] = random.NextDouble() < 0.75;
        }
        return (time, isEvent, group, stratum);
    }
}
