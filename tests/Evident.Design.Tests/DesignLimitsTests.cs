namespace Evident.Design.Tests;

/// <summary>The ranges Design states once and its readers share, and the check-only entry point of the design.</summary>
public class DesignLimitsTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1e-300, true)]
    [InlineData(0.4999, true)]
    [InlineData(0.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.NegativeInfinity, false)]
    public void AlphaIsTheOpenInterval(double alpha, bool allowed)
    {
        Assert.Equal(allowed, DesignLimits.Alpha.Contains(alpha));
        Assert.Equal("(0, 0.5)", DesignLimits.Alpha.ToString());
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1e9, true)]
    [InlineData(-1e-12, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(double.NaN, false)]
    public void NonNegativeExcludesInfinity(double value, bool allowed) => Assert.Equal(allowed, DesignLimits.NonNegative.Contains(value));

    [Fact]
    public void RangesWriteTheirEnds()
    {
        Assert.Equal("(0, 1]", DesignLimits.InformationFraction.ToString());
        Assert.Equal("[0, 1)", DesignLimits.DropoutRate.ToString());
        Assert.Equal("(0, ∞)", DesignLimits.Positive.ToString());
        Assert.Equal("[1, 50]", DesignLimits.Looks.ToString());
        Assert.Equal("(0, 0.975)", DesignLimits.Beta(0.025).ToString());
        Assert.True(DesignLimits.Subjects.Contains(2));
        Assert.False(DesignLimits.Subjects.Contains(1));
    }

    [Fact]
    public void ValidateMakesTheChecksOfCreate()
    {
        var valid = new GroupSequentialOptions { Looks = 4, Information = [0.25, 0.5, 0.75, 1], BetaSpending = SpendingFunction.Pocock };
        GroupSequential.Validate(valid);
        foreach (var (options, input) in new (GroupSequentialOptions, string)[]
                 {
                     (valid with { Alpha = 0.5 }, "Alpha"),
                     (valid with { Looks = 51, Information = null }, "Looks"),
                     (valid with { Beta = 0.98 }, "Beta"),
                     (valid with { Information = [0.5, 0.25, 0.75, 1] }, "Information"),
                     (valid with { TwoSided = true }, "BetaSpending"),
                 })
        {
            var fromValidate = Assert.Throws<DesignInputException>(() => GroupSequential.Validate(options));
            var fromCreate = Assert.Throws<DesignInputException>(() => GroupSequential.Create(options));
            Assert.Equal(input, fromValidate.Input);
            Assert.Equal(fromCreate.Message, fromValidate.Message);
        }
    }
}
