using Evident.Randomization;

namespace Evident.Randomization.Tests.Randomization;

public sealed class MinimizationTests
{
    [Fact]
    public void Hand_computed_imbalance_and_deterministic_choice_at_p_1()
    {
        // Factor 1 at the participant's level: 3 on arm 0, 1 on arm 1; factor 2: 2 and 2.
        // G_0 = (4 − 1) + (3 − 2) = 4; G_1 = (3 − 2) + (3 − 2) = 2 → arm 1.
        var decision = Minimization.Choose([1, 1], [3, 1, 2, 2], 1.0, new Random(5));
        Assert.Equal([4.0, 2.0], decision.Imbalance);
        Assert.Equal(1, decision.Arm);
        Assert.True(decision.Preferred);
    }

    [Fact]
    public void Ratio_scales_the_counts()
    {
        // Ratio 2:1, counts 2 and 1 (balanced for the ratio). G_0 = |3/2 − 1| = 0.5; G_1 = |1 − 2| = 1 → arm 0.
        var decision = Minimization.Choose([2, 1], [2, 1], 1.0, new Random(5));
        Assert.Equal([0.5, 1.0], decision.Imbalance);
        Assert.Equal(0, decision.Arm);
    }

    [Fact]
    public void The_random_element_picks_the_other_arm_about_one_time_in_five_at_p_0_8()
    {
        var random = new Random(2024);
        int other = 0;
        for (int i = 0; i < 10_000; i++) if (Minimization.Choose([1, 1], [5, 2], 0.8, random).Arm == 0) other++;
        // Binomial(10000, 0.2): mean 2000, sd 40.
        Assert.InRange(other, 1840, 2160);
    }

    [Fact]
    public void Ties_and_no_factors_draw_by_the_ratio()
    {
        var random = new Random(9);
        int first = 0;
        for (int i = 0; i < 9_000; i++) if (Minimization.Choose([2, 1], [], 0.8, random).Arm == 0) first++;
        Assert.InRange(first, 5800, 6200); // 2/3 of 9000 = 6000, sd 45
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.5)]
    [InlineData(1.01)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Probability_out_of_range_is_refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Minimization.Choose([1, 1], [0, 0], p, new Random(1)));

    [Fact]
    public void Bad_ratio_or_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Minimization.Choose([1], [], 0.8, new Random(1)));
        Assert.Throws<ArgumentException>(() => Minimization.Choose([1, 0], [], 0.8, new Random(1)));
        Assert.Throws<ArgumentException>(() => Minimization.Choose([1, 1], [1, 2, 3], 0.8, new Random(1)));
        Assert.Throws<ArgumentException>(() => Minimization.Choose([1, 1], [-1, 2], 0.8, new Random(1)));
    }
}
