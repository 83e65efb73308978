using Evident.Data;

namespace Evident.Data.Tests;

/// <summary>The vectorised whole-column checks agree with a value-by-value check wherever the odd value sits.</summary>
public sealed class ColumnChecksTests
{
    [Fact]
    public void A_NaN_or_an_infinity_is_found_at_every_position_and_length()
    {
        for (int length = 0; length <= 40; length++)
        {
            var values = Enumerable.Range(0, length).Select(i => i * 0.5 - 3).ToArray();
            Assert.False(ColumnChecks.AnyNaN(values));
            Assert.False(ColumnChecks.AnyInfinity(values));
            for (int at = 0; at < length; at++)
            {
                foreach (double odd in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -0.0 })
                {
                    var copy = (double[])values.Clone();
                    copy[at] = odd;
                    Assert.Equal(double.IsNaN(odd), ColumnChecks.AnyNaN(copy));
                    Assert.Equal(double.IsInfinity(odd), ColumnChecks.AnyInfinity(copy));
                }
            }
        }
    }
}
