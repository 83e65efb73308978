using Evident.Statistics.Milestone;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Milestone;

/// <summary>Hand-computed values, invariances and edge cases of <see cref="MilestoneSurvival"/>.</summary>
public sealed class MilestonePropertyTests
{
    private static readonly double[] TimeA = [1, 2, 3, 4, 5, 6];
    private static readonly bool[] EventA = [true, false, true, true, false, false];
    private static readonly double[] TimeB = [1, 1, 2, 5, 7, 8, 9];
    private static readonly bool[] EventB = [true, false, true, false, true, false, false];

    [Fact]
    public void Hand_computed_difference_and_ratios()
    {
        // Arm A at t = 3.5: n 6,5,4,3 at times 1..4; events at 1 and 3: Ŝ = 5/6·3/4 = 0.625,
        // σ² = 1/(6·5) + 1/(4·3) = 7/60. Arm B at t = 3.5: events at 1 (n 7) and 2 (n 5): Ŝ = 6/7·4/5 = 24/35,
        // σ² = 1/(7·6) + 1/(5·4) = 31/420.
        var a = KaplanMeier.Fit(TimeA, EventA);
        var b = KaplanMeier.Fit(TimeB, EventB);
        var c = MilestoneSurvival.Compare(a, b, 3.5);
        double sA = 0.625, sB = 24.0 / 35, vA = 7.0 / 60, vB = 31.0 / 420;
        double z = 1.959963984540054;
        Assert.Equal(sA, c.Arm.Survival, 14);
        Assert.Equal(sB, c.Reference.Survival, 14);
        double se = Math.Sqrt(sA * sA * vA + sB * sB * vB);
        Assert.Equal(sA - sB, c.Difference.Estimate, 14);
        Assert.Equal(se, c.Difference.StdError, 14);
        Assert.Equal(sA - sB - z * se, c.Difference.Lower, 12);
        Assert.Equal("identity", c.Difference.Scale);

        double seLog = Math.Sqrt(vA + vB);
        Assert.Equal(sA / sB, c.SurvivalRatio.Estimate, 14);
        Assert.Equal(seLog, c.SurvivalRatio.StdError, 14);
        Assert.Equal(sA / sB * Math.Exp(z * seLog), c.SurvivalRatio.Upper, 12);

        double lA = Math.Log(sA), lB = Math.Log(sB);
        double seCll = Math.Sqrt(vA / (lA * lA) + vB / (lB * lB));
        Assert.Equal(lA / lB, c.CumulativeHazardRatio.Estimate, 14);
        Assert.Equal(seCll, c.CumulativeHazardRatio.StdError, 14);
        Assert.Equal(lA / lB * Math.Exp(-z * seCll), c.CumulativeHazardRatio.Lower, 12);
        Assert.Equal(Math.Log(-lA) - Math.Log(-lB), c.CumulativeHazardRatio.Z * seCll, 12);
    }

    [Fact]
    public void Swapping_arms_negates_the_difference_and_inverts_the_ratios()
    {
        var a = KaplanMeier.Fit(TimeA, EventA);
        var b = KaplanMeier.Fit(TimeB, EventB);
        var ab = MilestoneSurvival.Compare(a, b, 4.5);
        var ba = MilestoneSurvival.Compare(b, a, 4.5);
        Assert.Equal(-ab.Difference.Estimate, ba.Difference.Estimate, 14);
        Assert.Equal(ab.Difference.PValue, ba.Difference.PValue, 14);
        Assert.Equal(1 / ab.SurvivalRatio.Estimate, ba.SurvivalRatio.Estimate, 13);
        Assert.Equal(1 / ab.SurvivalRatio.Upper, ba.SurvivalRatio.Lower, 13);
        Assert.Equal(1 / ab.CumulativeHazardRatio.Lower, ba.CumulativeHazardRatio.Upper, 13);
    }

    [Fact]
    public void An_arm_against_itself_has_no_difference()
    {
        var a = KaplanMeier.Fit(TimeA, EventA);
        var c = MilestoneSurvival.Compare(a, a, 4);
        Assert.Equal(0.0, c.Difference.Estimate);
        Assert.Equal(1.0, c.SurvivalRatio.Estimate);
        Assert.Equal(1.0, c.CumulativeHazardRatio.Estimate);
        Assert.Equal(1.0, c.Difference.PValue);
    }

    [Fact]
    public void Row_order_does_not_matter()
    {
        var a = KaplanMeier.Fit(TimeA, EventA);
        var reversed = KaplanMeier.Fit(TimeA.Reverse().ToArray(), EventA.Reverse().ToArray());
        var b = KaplanMeier.Fit(TimeB, EventB);
        Assert.Equal(MilestoneSurvival.Compare(a, b, 4.5), MilestoneSurvival.Compare(reversed, b, 4.5));
    }

    [Fact]
    public void Before_any_event_and_all_censored_the_ratios_are_undefined()
    {
        var censored = KaplanMeier.Fit([1.0, 2, 3], [false, false, false]);
        var b = KaplanMeier.Fit(TimeB, EventB);
        var c = MilestoneSurvival.Compare(censored, b, 3);
        Assert.Equal(1.0, c.Arm.Survival);
        Assert.Equal(0.0, c.Arm.StdError);
        Assert.Equal(1 - 24.0 / 35, c.Difference.Estimate, 14);
        Assert.Equal(35.0 / 24, c.SurvivalRatio.Estimate, 13);
        Assert.True(double.IsNaN(c.CumulativeHazardRatio.Estimate));
        Assert.True(double.IsNaN(c.CumulativeHazardRatio.PValue));

        var both = MilestoneSurvival.Compare(censored, censored, 3);
        Assert.Equal(0.0, both.Difference.StdError);
        Assert.True(double.IsNaN(both.Difference.Z));
        Assert.True(double.IsNaN(both.Difference.PValue));
    }

    [Fact]
    public void All_tied_events_give_zero_survival_and_undefined_contrasts()
    {
        var tied = KaplanMeier.Fit([2.0, 2, 2], [true, true, true]);
        var b = KaplanMeier.Fit(TimeB, EventB);
        var c = MilestoneSurvival.Compare(tied, b, 2);
        Assert.Equal(0.0, c.Arm.Survival);
        Assert.Equal(3, c.Arm.Events);
        Assert.True(double.IsNaN(c.Arm.StdError));
        Assert.Equal(-24.0 / 35, c.Difference.Estimate, 14);
        Assert.True(double.IsNaN(c.Difference.StdError));
        Assert.True(double.IsNaN(c.SurvivalRatio.Estimate));
        Assert.True(double.IsNaN(c.CumulativeHazardRatio.Estimate));
    }

    [Fact]
    public void One_row_and_a_time_beyond_follow_up()
    {
        var one = KaplanMeier.Fit([5.0], [true]);
        var e = MilestoneSurvival.Estimate(one, 4);
        Assert.Equal((1, 1, 0, 1.0), (e.N, e.AtRisk, e.Events, e.Survival));
        var late = MilestoneSurvival.Estimate(KaplanMeier.Fit(TimeA, EventA), 100);
        Assert.Equal(0, late.AtRisk);
        Assert.Equal(0.625 * 2.0 / 3, late.Survival, 14);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1.0)]
    public void Bad_times_are_rejected(double time)
    {
        var a = KaplanMeier.Fit(TimeA, EventA);
        Assert.Throws<ArgumentOutOfRangeException>(() => MilestoneSurvival.Estimate(a, time));
        Assert.Throws<ArgumentOutOfRangeException>(() => MilestoneSurvival.Compare(a, a, time));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_levels_are_rejected(double level)
    {
        var a = KaplanMeier.Fit(TimeA, EventA);
        Assert.Throws<ArgumentOutOfRangeException>(() => MilestoneSurvival.Compare(a, a, 3, level));
        Assert.Throws<ArgumentOutOfRangeException>(() => MilestoneSurvival.StratifiedDifference([MilestoneSurvival.Compare(a, a, 3)], MilestoneWeighting.SampleSize, level));
    }

    [Fact]
    public void Stratified_difference_with_one_stratum_is_that_stratum()
    {
        var c = MilestoneSurvival.Compare(KaplanMeier.Fit(TimeA, EventA), KaplanMeier.Fit(TimeB, EventB), 4.5);
        foreach (var w in new[] { MilestoneWeighting.InverseVariance, MilestoneWeighting.SampleSize })
        {
            var s = MilestoneSurvival.StratifiedDifference([c], w);
            Assert.Equal(c.Difference.Estimate, s.Difference, 14);
            Assert.Equal(c.Difference.StdError, s.StdError, 14);
            Assert.Equal(c.Difference.PValue, s.PValue, 12);
            Assert.Equal([1.0], s.Weights);
        }
    }

    [Fact]
    public void Stratified_sample_size_weights_are_cmh_weights_and_empty_strata_are_left_out()
    {
        var a = KaplanMeier.Fit(TimeA, EventA);           // n 6
        var b = KaplanMeier.Fit(TimeB, EventB);           // n 7
        var empty = KaplanMeier.FitGroups([1.0], [true], [0], 2)[1];
        var c1 = MilestoneSurvival.Compare(a, b, 4.5);
        var c2 = MilestoneSurvival.Compare(b, b, 4.5);
        var c3 = MilestoneSurvival.Compare(empty, b, 4.5);
        var s = MilestoneSurvival.StratifiedDifference([c1, c2, c3], MilestoneWeighting.SampleSize);
        double w1 = 6.0 * 7 / 13, w2 = 7.0 * 7 / 14;
        Assert.Equal(w1 / (w1 + w2), s.Weights[0], 14);
        Assert.Equal(w2 / (w1 + w2), s.Weights[1], 14);
        Assert.Equal(0.0, s.Weights[2]);
        Assert.Equal(w1 * c1.Difference.Estimate / (w1 + w2), s.Difference, 14);
        double v = w1 * w1 * Math.Pow(c1.Difference.StdError, 2) + w2 * w2 * Math.Pow(c2.Difference.StdError, 2);
        Assert.Equal(Math.Sqrt(v) / (w1 + w2), s.StdError, 14);

        var iv = MilestoneSurvival.StratifiedDifference([c1, c2, c3], MilestoneWeighting.InverseVariance);
        double u1 = 1 / Math.Pow(c1.Difference.StdError, 2), u2 = 1 / Math.Pow(c2.Difference.StdError, 2);
        Assert.Equal(u1 * c1.Difference.Estimate / (u1 + u2), iv.Difference, 13);
        Assert.Equal(1 / Math.Sqrt(u1 + u2), iv.StdError, 14);
    }

    [Fact]
    public void Stratified_inverse_variance_is_undefined_when_a_stratum_has_no_variance()
    {
        var censored = KaplanMeier.Fit([1.0, 2, 3], [false, false, false]);
        var c = MilestoneSurvival.Compare(censored, censored, 2);
        var s = MilestoneSurvival.StratifiedDifference([c], MilestoneWeighting.InverseVariance);
        Assert.True(double.IsNaN(s.Difference));
        Assert.True(double.IsNaN(s.PValue));
    }

    [Fact]
    public void Stratified_difference_rejects_an_empty_list_and_mixed_times()
    {
        var a = KaplanMeier.Fit(TimeA, EventA);
        Assert.Throws<ArgumentException>(() => MilestoneSurvival.StratifiedDifference([], MilestoneWeighting.SampleSize));
        Assert.Throws<ArgumentException>(() => MilestoneSurvival.StratifiedDifference(
            [MilestoneSurvival.Compare(a, a, 2), MilestoneSurvival.Compare(a, a, 3)], MilestoneWeighting.SampleSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => MilestoneSurvival.StratifiedDifference([MilestoneSurvival.Compare(a, a, 2)], (MilestoneWeighting)7));
    }
}
