using Evident.Reporting.Figures;

namespace Evident.Reporting.Tests;

/// <summary>The legend goes to the first corner nothing drawn reaches, and outside when every corner is taken.</summary>
public sealed class LegendCornerTests
{
    private static LegendCorner.Segment S(double x0, double x1, double low, double high) => new(x0, x1, low, high);

    [Fact]
    public void Survival_curves_near_the_top_leave_the_lower_left_corner()
    {
        LegendPosition position = LegendCorner.Choose([S(0, 10, 0.8, 1.0)], 0, 10, 0, 1, 0.3, 0.2);
        Assert.Equal(LegendPosition.LowerLeft, position);
    }

    [Fact]
    public void A_curve_falling_to_zero_takes_the_lower_corners_so_the_legend_goes_to_the_upper_right()
    {
        // Falls from 1 to 0 over [0, 5], then stays at 0: the lower left and lower right are taken, the upper right is free.
        LegendPosition position = LegendCorner.Choose([S(0, 1, 0.9, 1), S(1, 5, 0, 0.9), S(5, 10, 0, 0.02)], 0, 10, 0, 1, 0.3, 0.2);
        Assert.Equal(LegendPosition.UpperRight, position);
    }

    [Fact]
    public void Every_corner_taken_puts_the_legend_outside()
    {
        Assert.Equal(LegendPosition.Right, LegendCorner.Choose([S(0, 10, 0, 1)], 0, 10, 0, 1, 0.3, 0.2));
        Assert.Equal(LegendPosition.Right, LegendCorner.Choose([], 0, 10, 0, 1, 0.7, 0.2));
    }
}
