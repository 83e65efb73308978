using Evident.Reporting.Figures;

namespace Evident.Reporting.Tests;

/// <summary>Figure labels show a number that cannot be estimated as "not estimable", never NA or ∞.</summary>
public sealed class FigureTextTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_not_estimable(double value)
    {
        Assert.Equal("not estimable", FigureText.Fixed(value, 2));
        Assert.Equal("0.50 (CI not estimable)", FigureText.Interval(0.5, 0.2, value, 2));
        Assert.Equal("not estimable", FigureText.Interval(value, 0.2, 0.8, 2));
    }

    [Fact]
    public void Finite_numbers_keep_their_form() =>
        Assert.Equal("0.45 (0.31–0.66)", FigureText.Interval(0.451, 0.312, 0.664, 2));
}
