using Evident.Design.Monitoring;

namespace Evident.Design.Tests.Monitoring;

public class InterimMonitoringTests
{
    private static readonly GroupSequentialOptions Obf4 = new() { Looks = 4, Information = [0.25, 0.5, 0.75, 1], Alpha = 0.025 };

    private static InterimAnalysis Run(double[] events, double[] z, double max = 165, double? hr = 0.6, GroupSequentialOptions? design = null) =>
        InterimMonitoring.Analyse(new MonitoringOptions { Design = design ?? Obf4, Events = events, Z = z, MaxEvents = max, HazardRatio = hr });

    [Fact]
    public void LooksAtPlannedInformationReproduceTheDesign()
    {
        var planned = GroupSequential.Create(Obf4);
        var result = Run([41.25, 82.5, 123.75, 165], [0.5, 1.0, 1.5, 1.7]);
        for (int k = 0; k < 4; k++) Assert.Equal(planned.CriticalValues[k], result.Looks[k].EfficacyBound, 10);
        Assert.Equal(MonitoringDecision.FinalNoRejection, result.Decision);
        Assert.Equal(0.025, result.Looks[3].AlphaSpent, 9);
        Assert.True(double.IsNaN(result.Looks[3].ConditionalPowerDesign));
        Assert.Null(result.StoppedAt);
        Assert.Empty(result.PlannedEvents);
    }

    [Fact]
    public void RepeatedConfidenceIntervalIsExpOfZPlusMinusBoundOverRootInformation()
    {
        // One look, 100 events, Z = 2: I = 25, HR = exp(−2/5), RCI exp(−(2 ± c)/5).
        var result = Run([100], [2.0], max: 200);
        var look = result.Looks[0];
        Assert.Equal(Math.Exp(-0.4), look.HazardRatio, 14);
        Assert.Equal(Math.Exp(-(2 + look.EfficacyBound) / 5), look.RciLower, 14);
        Assert.Equal(Math.Exp(-(2 - look.EfficacyBound) / 5), look.RciUpper, 14);
        Assert.Equal(0.5, look.InformationFraction);
    }

    [Fact]
    public void ConditionalPowerIsMonotoneInZ()
    {
        double low = Run([82], [0.5]).Looks[0].ConditionalPowerDesign;
        double high = Run([82], [2.5]).Looks[0].ConditionalPowerDesign;
        Assert.True(low < high, $"{low} !< {high}");
        Assert.InRange(low, 0, 1);
    }

    [Fact]
    public void CrossingTheBoundStopsForEfficacy()
    {
        var result = Run([45], [4.4]);
        Assert.Equal(MonitoringDecision.StopForEfficacy, result.Decision);
        Assert.Equal(1, result.StoppedAt);
    }

    [Fact]
    public void FutilityBoundFromBetaSpendingStops()
    {
        var design = Obf4 with { Beta = 0.2, BetaSpending = SpendingFunction.OBrienFleming };
        var result = Run([82], [-1.0], design: design);
        Assert.False(double.IsNaN(result.Looks[0].FutilityBound));
        Assert.Equal(MonitoringDecision.StopForFutility, result.Decision);
    }

    [Fact]
    public void ReachingMaxEventsMakesTheLookFinal()
    {
        var result = Run([60, 170], [1.0, 1.5]);
        Assert.Equal(1.0, result.Looks[1].InformationFraction);
        Assert.Equal(MonitoringDecision.FinalNoRejection, result.Decision);
        Assert.Equal(0.025, result.Looks[1].AlphaSpent, 9);
    }

    [Fact]
    public void NoDesignHazardRatioGivesNaNConditionalPower()
    {
        var look = Run([82], [1.0], hr: null).Looks[0];
        Assert.True(double.IsNaN(look.ConditionalPowerDesign));
        Assert.False(double.IsNaN(look.ConditionalPowerTrend));
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(-3.0, 1.0)]
    [InlineData(40.0, double.NaN)]
    [InlineData(40.0, double.PositiveInfinity)]
    [InlineData(40.0, double.NegativeInfinity)]
    public void RejectsNonFiniteOrNonPositiveInput(double events, double z) =>
        Assert.Throws<DesignInputException>(() => Run([events], [z]));

    [Fact]
    public void RejectsBadShapes()
    {
        Assert.Throws<DesignInputException>(() => Run([], []));
        Assert.Throws<DesignInputException>(() => Run([40, 80], [1.0]));
        Assert.Throws<DesignInputException>(() => Run([80, 40], [1.0, 1.0]));
        Assert.Throws<DesignInputException>(() => Run([80, 80], [1.0, 1.0]));
        Assert.Throws<DesignInputException>(() => Run([10, 20, 30, 40, 50], [1, 1, 1, 1, 1.0]));
        Assert.Throws<DesignInputException>(() => Run([170, 180], [1, 1.0]));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], max: 0));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], max: double.NaN));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], hr: 0));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], hr: -0.5));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], design: Obf4 with { TwoSided = true }));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], design: Obf4 with { Alpha = 0.6 }));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], design: Obf4 with { Information = [0.5, 0.25, 0.75, 1] }));
        Assert.Throws<DesignInputException>(() => Run([40], [1.0], design: Obf4 with { Information = [0.25, 0.5, 0.75, 0.9] }));
    }

    [Fact]
    public void LogRankZHasPositiveSignWhenExperimentalArmDiesLater()
    {
        // Control (0) dies at 1, 2, 3; experimental (1) censored at 4, 5, 6 then one death at 7.
        double[] time = [1, 2, 3, 4, 5, 6, 7];
        bool[] status = [true, true, true, false, false, false, true];
        int[] arm = [0, 0, 0, 1, 1, 1, 1];
        var look = InterimMonitoring.LogRankZ(time, status, arm, [], 1);
        Assert.Equal(4, look.Events);
        Assert.Equal(1, look.Observed);
        // E = 4/7 + 4/6 + 4/5 + 1 ; O = 1.
        Assert.Equal(4.0 / 7 + 4.0 / 6 + 4.0 / 5 + 1, look.Expected, 12);
        Assert.True(look.Z > 0);
        Assert.Equal((look.Expected - look.Observed) / Math.Sqrt(look.Variance), look.Z, 14);
    }

    [Fact]
    public void LogRankZOfAllCensoredIsZero()
    {
        var look = InterimMonitoring.LogRankZ([1.0, 2, 3, 4], [false, false, false, false], [0, 1, 0, 1], [], 1);
        Assert.Equal(0, look.Events);
        Assert.Equal(0, look.Z);
    }

    [Fact]
    public void LogRankZRejectsEmptyAndOneArm()
    {
        Assert.ThrowsAny<ArgumentException>(() => InterimMonitoring.LogRankZ([], [], [], [], 1));
        Assert.ThrowsAny<ArgumentException>(() => InterimMonitoring.LogRankZ([1.0, 2], [true, true], [0, 0], [], 1));
        Assert.ThrowsAny<ArgumentException>(() => InterimMonitoring.LogRankZ([double.NaN, 2], [true, true], [0, 1], [], 1));
    }
}
