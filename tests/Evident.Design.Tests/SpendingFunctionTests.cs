using MathNet.Numerics.Distributions;

namespace Evident.Design.Tests;

public class SpendingFunctionTests
{
    private static double UpperTail(double z) => 1 - Normal.CDF(0, 1, z);

    [Fact]
    public void OBrienFlemingIsTwoMinusTwoPhiOfScaledQuantile()
    {
        // α(t) = 2 − 2Φ(z_{1−α/2}/√t); at t = 0.25, α = 0.025: 2(1 − Φ(2.241403/0.5)) = 7.3668e-6 (rpact gs-obf-4 alpha_spent[0]).
        double z = Normal.InvCDF(0, 1, 1 - 0.0125);
        Assert.Equal(2 * UpperTail(z / 0.5), SpendingFunction.OBrienFleming.Spent(0.025, 0.25), 14);
        Assert.Equal(7.36680843593795e-06, SpendingFunction.OBrienFleming.Spent(0.025, 0.25), 14);
        Assert.Equal(0.025, SpendingFunction.OBrienFleming.Spent(0.025, 1), 15);
    }

    [Fact]
    public void OBrienFleming_TwoSidedUsesRpactsFourTailForm()
    {
        double z = Normal.InvCDF(0, 1, 1 - 0.05 / 4);
        Assert.Equal(4 * UpperTail(z / Math.Sqrt(0.5)), SpendingFunction.OBrienFleming.SpentTwoSided(0.05, 0.5), 14);
        Assert.Equal(0.05, SpendingFunction.OBrienFleming.SpentTwoSided(0.05, 1), 15);
        Assert.Equal(0.01, SpendingFunction.Pocock.SpentTwoSided(0.05, 1 / (Math.E - 1) * (Math.Exp(0.2) - 1)), 15);
    }

    [Fact]
    public void PocockIsAlphaLogOnePlusEMinusOneT()
    {
        Assert.Equal(0.025 * Math.Log(1 + (Math.E - 1) / 3), SpendingFunction.Pocock.Spent(0.025, 1.0 / 3), 15);
        Assert.Equal(0.0113208106315985, SpendingFunction.Pocock.Spent(0.025, 1.0 / 3), 13); // rpact gs-pocock-3
        Assert.Equal(0.025, SpendingFunction.Pocock.Spent(0.025, 1), 15);
    }

    [Fact]
    public void HwangShihDeCani()
    {
        // γ = −4, t = 0.2: 0.025(1 − e^{0.8})/(1 − e^{4}) = 5.7163e-4 (rpact gs-hsd-m4-5 alpha_spent[0]).
        Assert.Equal(0.00057163396858595, SpendingFunction.HwangShihDeCani(-4).Spent(0.025, 0.2), 15);
        Assert.Equal(0.025 * 0.3, SpendingFunction.HwangShihDeCani(0).Spent(0.025, 0.3), 15);
        Assert.Equal(0.025, SpendingFunction.HwangShihDeCani(2).Spent(0.025, 1), 15);
    }

    [Fact]
    public void PowerIsAlphaTimesTToTheRho()
    {
        Assert.Equal(0.025 * 0.125, SpendingFunction.Power(3).Spent(0.025, 0.5), 15);
        Assert.Equal(0.0, SpendingFunction.Power(3).Spent(0.025, 0));
    }

    [Theory]
    [InlineData("obrien-fleming", "obrien-fleming")]
    [InlineData("OBrien-Fleming", "obrien-fleming")]
    [InlineData("pocock", "pocock")]
    [InlineData("hsd:-4", "hsd:-4")]
    [InlineData(" hsd:0.5 ", "hsd:0.5")]
    [InlineData("power:3", "power:3")]
    [InlineData("kd:1.5", "power:1.5")]
    public void ParseRoundTrips(string text, string canonical)
    {
        var f = SpendingFunction.Parse(text);
        Assert.Equal(canonical, f.ToString());
        Assert.Equal(f, SpendingFunction.Parse(f.ToString()));
    }

    [Fact]
    public void ParsedFamiliesHaveValueEquality()
    {
        Assert.Equal(SpendingFunction.HwangShihDeCani(-4), SpendingFunction.Parse("hsd:-4"));
        Assert.NotEqual(SpendingFunction.HwangShihDeCani(-4), SpendingFunction.HwangShihDeCani(-3));
        Assert.NotEqual<SpendingFunction>(SpendingFunction.Power(1), SpendingFunction.HwangShihDeCani(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lan-demets")]
    [InlineData("hsd:")]
    [InlineData("hsd:abc")]
    [InlineData("hsd:NaN")]
    [InlineData("hsd:Infinity")]
    [InlineData("power:0")]
    [InlineData("power:-1")]
    [InlineData("power:NaN")]
    [InlineData("pocock:1")]
    public void ParseRejectsUnknownOrInvalid(string text)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => SpendingFunction.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void UnknownNameMessageListsTheChoices()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpendingFunction.Parse("lan-demets"));
        Assert.Contains("obrien-fleming", ex.Message);
        Assert.Contains("hsd:", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN, 0.5)]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.5)]
    [InlineData(double.PositiveInfinity, 0.5)]
    [InlineData(0.025, double.NaN)]
    [InlineData(0.025, -0.1)]
    [InlineData(0.025, 1.1)]
    [InlineData(0.025, double.PositiveInfinity)]
    [InlineData(0.025, double.NegativeInfinity)]
    public void SpentRejectsOutOfRangeArguments(double total, double t)
    {
        Assert.ThrowsAny<ArgumentException>(() => SpendingFunction.Pocock.Spent(total, t));
        Assert.ThrowsAny<ArgumentException>(() => SpendingFunction.OBrienFleming.SpentTwoSided(total, t));
    }

    [Fact]
    public void AllFamiliesAreIncreasingFromZeroToTotal()
    {
        foreach (var f in new[] { SpendingFunction.OBrienFleming, SpendingFunction.Pocock, SpendingFunction.HwangShihDeCani(-4), SpendingFunction.HwangShihDeCani(1), SpendingFunction.Power(0.5), SpendingFunction.Power(3) })
        {
            Assert.Equal(0, f.Spent(0.05, 0));
            double previous = 0;
            for (int i = 1; i <= 100; i++)
            {
                double v = f.Spent(0.05, i / 100.0);
                Assert.True(v > previous, $"{f} not increasing at t = {i / 100.0}");
                previous = v;
            }
            Assert.Equal(0.05, previous, 12);
        }
    }
}
