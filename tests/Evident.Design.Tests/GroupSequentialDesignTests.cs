using System.Diagnostics;
using MathNet.Numerics.Distributions;

namespace Evident.Design.Tests;

/// <summary>Invariants of <see cref="GroupSequential.Create"/> beyond the rpact reference cases.</summary>
public class GroupSequentialDesignTests
{
    private static readonly double NegInf = double.NegativeInfinity;

    public static TheoryData<string, int, double[]?> Designs => new()
    {
        { "obrien-fleming", 4, null },
        { "pocock", 3, [0.2, 0.45, 1.0] },
        { "obrien-fleming", 3, [0.3, 0.7, 1.0] },
        { "hsd:-4", 5, null },
        { "hsd:1", 2, null },
        { "power:3", 4, null },
        { "power:1", 6, [0.1, 0.2, 0.4, 0.6, 0.8, 1.0] },
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void AlphaSpentFollowsTheSpendingFunctionAndSumsToAlpha(string spending, int looks, double[]? info)
    {
        var f = SpendingFunction.Parse(spending);
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = looks, Spending = f, Information = info, Alpha = 0.025 });
        for (int k = 0; k < looks; k++)
        {
            Assert.Equal(f.Spent(0.025, d.Information[k]), d.AlphaSpent[k], 9);
            if (k > 0) Assert.True(d.AlphaSpent[k] > d.AlphaSpent[k - 1]);
            Assert.Equal(1 - Normal.CDF(0, 1, d.CriticalValues[k]), d.NominalP[k], 14);
        }
        Assert.Equal(0.025, d.AlphaSpent[^1], 10);

        // Independent re-integration of the crossing probability under H0 with the reported bounds.
        var lower = Enumerable.Repeat(NegInf, looks).ToArray();
        double total = GroupSequential.CrossingProbabilities(d.Information, d.CriticalValues, lower, 0).Sum();
        Assert.Equal(0.025, total, 10);
        // Power at the design drift is 1 − β.
        Assert.Equal(0.8, GroupSequential.CrossingProbabilities(d.Information, d.CriticalValues, lower, d.Drift).Sum(), 10);
        Assert.Equal(0.8, d.PowerH1[^1], 10);
    }

    [Theory]
    [InlineData(0.025)]
    [InlineData(0.05)]
    [InlineData(0.4999)]
    public void OneLookIsTheFixedDesign(double alpha)
    {
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = 1, Alpha = alpha, Spending = SpendingFunction.Pocock });
        Assert.Equal(Normal.InvCDF(0, 1, 1 - alpha), d.CriticalValues[0], 12);
        Assert.Equal(alpha, d.AlphaSpent[0], 14);
        Assert.Equal(1.0, d.InflationFactor);
        Assert.Equal(Normal.InvCDF(0, 1, 1 - alpha) + Normal.InvCDF(0, 1, 0.8), d.Drift, 12);
        Assert.Equal([1.0], d.Information);
        Assert.Empty(d.FutilityProbabilitiesH1);

        var two = GroupSequential.Create(new GroupSequentialOptions { Looks = 1, Alpha = 0.05, TwoSided = true });
        Assert.Equal(1.959963984540054, two.CriticalValues[0], 12);
    }

    [Fact]
    public void TwoSidedSpendsAlphaInBothTails()
    {
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = 4, Alpha = 0.05, TwoSided = true });
        var f = SpendingFunction.OBrienFleming;
        for (int k = 0; k < 4; k++) Assert.Equal(f.SpentTwoSided(0.05, d.Information[k]), d.AlphaSpent[k], 9);
        var p = GroupSequential.BoundaryCrossing(d.Information, d.CriticalValues, d.CriticalValues.Select(c => -c).ToArray(), 0);
        Assert.Equal(0.05, p.TotalUpper + p.TotalLower, 10);
        Assert.Equal(p.TotalUpper, p.TotalLower, 12);
        // rpact's two-sided OBF spending is twice the one-sided α/2 function, so the bounds nearly coincide with the
        // one-sided α = 0.025 design (gs-obf-4: 4.3326, 2.9631, 2.3590, 2.0141); they differ only by paths crossing both.
        double[] oneSided = [4.33263364604956, 2.96313159912825, 2.35904427617788, 2.01409014314413];
        for (int k = 0; k < 4; k++) Assert.Equal(oneSided[k], d.CriticalValues[k], 3);
    }

    [Fact]
    public void BetaSpendingFutilityGivesPowerAndBetaSpent()
    {
        var d = GroupSequential.Create(new GroupSequentialOptions
        {
            Looks = 4, Alpha = 0.025, Beta = 0.2, BetaSpending = SpendingFunction.OBrienFleming,
        });
        Assert.NotNull(d.FutilityBounds);
        Assert.Equal(3, d.FutilityBounds!.Count);
        Assert.NotNull(d.BetaSpent);
        for (int k = 0; k < 4; k++)
            Assert.Equal(SpendingFunction.OBrienFleming.Spent(0.2, d.Information[k]), d.BetaSpent![k], 8);
        Assert.Equal(0.8, d.PowerH1[^1], 10);
        for (int k = 0; k < 3; k++) Assert.True(d.FutilityBounds[k] < d.CriticalValues[k]);
        // Futility lowers the expected information under H0 below the no-futility design.
        var plain = GroupSequential.Create(new GroupSequentialOptions { Looks = 4, Alpha = 0.025, Beta = 0.2 });
        Assert.True(d.ExpectedInformationH0 < plain.ExpectedInformationH0);
        Assert.True(d.InflationFactor > plain.InflationFactor);
    }

    [Fact]
    public void BindingFutilityLowersTheEfficacyBoundsAndKeepsAlpha()
    {
        var options = new GroupSequentialOptions
        {
            Looks = 3, Alpha = 0.025, Beta = 0.1, Spending = SpendingFunction.HwangShihDeCani(-4),
            BetaSpending = SpendingFunction.HwangShihDeCani(-2),
        };
        var nonBinding = GroupSequential.Create(options);
        var binding = GroupSequential.Create(options with { BindingFutility = true });
        Assert.True(binding.BindingFutility);
        Assert.Equal(nonBinding.CriticalValues[0], binding.CriticalValues[0], 12);
        for (int k = 1; k < 3; k++) Assert.True(binding.CriticalValues[k] < nonBinding.CriticalValues[k]);

        // Under H0 with the futility bounds enforced, the binding design spends exactly α(t_k).
        double[] lower = [binding.FutilityBounds![0], binding.FutilityBounds[1], NegInf];
        var p = GroupSequential.CrossingProbabilities(binding.Information, binding.CriticalValues, lower, 0);
        Assert.Equal(0.025, p.Sum(), 10);
        Assert.Equal(options.Spending.Spent(0.025, binding.Information[1]), p[0] + p[1], 10);
        Assert.Equal(0.9, binding.PowerH1[^1], 10);
        Assert.Equal(0.1, binding.BetaSpent![^1], 8);
    }

    [Fact]
    public void ExpectedInformationMatchesStoppingProbabilities()
    {
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = 3, Spending = SpendingFunction.Pocock });
        double lost = 0;
        for (int k = 0; k < 2; k++) lost += (d.RejectionProbabilitiesH1[k] + d.FutilityProbabilitiesH1[k]) * (1 - d.Information[k]);
        Assert.Equal(d.InflationFactor * (1 - lost), d.ExpectedInformationH1, 14);
        Assert.True(d.ExpectedInformationH1 < 1 && d.ExpectedInformationH0 > 1);
        Assert.Equal(d.PowerH1[^1], d.RejectionProbabilitiesH1.Sum(), 14);
    }

    [Fact]
    public void DefaultOptionsAreRpactDefaults()
    {
        var o = new GroupSequentialOptions();
        Assert.Equal(0.025, o.Alpha);
        Assert.Equal(0.2, o.Beta);
        Assert.Equal(SpendingFunction.OBrienFleming, o.Spending);
        Assert.False(o.TwoSided);
        Assert.Null(o.BetaSpending);
    }

    public static TheoryData<GroupSequentialOptions, string> BadOptions => new()
    {
        { new() { Looks = 0 }, "Looks" },
        { new() { Looks = -1 }, "Looks" },
        { new() { Alpha = 0 }, "Alpha" },
        { new() { Alpha = 0.6 }, "Alpha" },
        { new() { Alpha = 0.5 }, "strictly between 0 and 0.5" },
        { new() { Looks = 3, Alpha = 0.5, Spending = SpendingFunction.Pocock }, "Alpha = 0.5" },
        { new() { Alpha = double.NaN }, "Alpha" },
        { new() { Alpha = double.PositiveInfinity }, "Alpha" },
        { new() { Beta = 0 }, "Beta" },
        { new() { Beta = 0.99 }, "Beta" },
        { new() { Beta = double.NaN }, "Beta" },
        { new() { Looks = 3, Information = [0.3, 0.2, 1.0] }, "increasing" },
        { new() { Looks = 3, Information = [0.3, 0.3, 1.0] }, "increasing" },
        { new() { Looks = 2, Information = [0.5, 0.9] }, "must be 1" },
        { new() { Looks = 2, Information = [0.0, 1.0] }, "(0, 1]" },
        { new() { Looks = 2, Information = [double.NaN, 1.0] }, "(0, 1]" },
        { new() { Looks = 2, Information = [0.5, double.PositiveInfinity] }, "(0, 1]" },
        { new() { Looks = 3, Information = [0.5, 1.0] }, "3 looks" },
        { new() { Looks = 2, Information = [] }, "2 looks" },
        { new() { Looks = 3, TwoSided = true, BetaSpending = SpendingFunction.Pocock }, "one-sided" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadInputIsRejectedWithAClearMessage(GroupSequentialOptions options, string fragment)
    {
        var ex = Assert.Throws<DesignInputException>(() => GroupSequential.Create(options));
        Assert.Contains(fragment, ex.Message);
        Assert.DoesNotContain("(Parameter", ex.Message);
        Assert.Equal(ex.Input, ex.ParamName);
    }

    [Fact]
    public void ManyLooksWithBetaSpendingIsFast()
    {
        var sw = Stopwatch.StartNew();
        var d = GroupSequential.Create(new GroupSequentialOptions
        {
            Looks = 10, Alpha = 0.025, Beta = 0.1, BetaSpending = SpendingFunction.Power(2), BindingFutility = true,
        });
        sw.Stop();
        Assert.Equal(0.9, d.PowerH1[^1], 9);
        Assert.True(sw.Elapsed.TotalSeconds < 10, $"took {sw.Elapsed.TotalSeconds:F2} s");
    }
}
