using Evident.Reporting.Report;
using Evident.Protocol;

namespace Evident.Reporting.Tests.Report;

public sealed class ReportNumbersTests
{
    [Theory]
    [InlineData(0.97534, "97.5%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(double.NaN, "not estimable")]
    [InlineData(double.PositiveInfinity, "not estimable")]
    [InlineData(double.NegativeInfinity, "not estimable")]
    public void Percent(double p, string expected) => Assert.Equal(expected, ReportNumbers.Percent(p));

    [Theory]
    [InlineData(0.0123, "0.012", "p = 0.012")]
    [InlineData(0.00099, "<0.001", "p < 0.001")]
    [InlineData(1.0, "1.000", "p = 1.000")]
    [InlineData(double.NaN, "not estimable", "p not estimable")]
    public void PValues(double p, string value, string clause)
    {
        Assert.Equal(value, ReportNumbers.PValue(p));
        Assert.Equal(clause, ReportNumbers.PClause(p));
    }

    [Fact]
    public void IntervalsAndFixedDecimals()
    {
        Assert.Equal("0.33 (95% CI 0.18 to 0.60)", ReportNumbers.WithInterval(0.3312, 0.1801, 0.6049, 0.95));
        Assert.Equal("not estimable", ReportNumbers.WithInterval(double.NaN, 1, double.PositiveInfinity, 0.9));
        Assert.Equal("1.20 (90% CI not estimable)", ReportNumbers.WithInterval(1.2, 1, double.PositiveInfinity, 0.9));
        Assert.Equal("not estimable", ReportNumbers.Fixed(double.NaN));
        Assert.Equal("-1.350", ReportNumbers.Fixed(-1.35, 3));
    }

    /// <summary>A missing value with a known reason says the reason; a present value ignores it.</summary>
    [Fact]
    public void Not_estimable_with_its_reason()
    {
        Assert.Equal("not estimable (no participants)", ReportNumbers.Percent(double.NaN, ReportNumbers.NoParticipants));
        Assert.Equal("25.0%", ReportNumbers.Percent(0.25, ReportNumbers.NoParticipants));
        Assert.Equal("not estimable (no events)", ReportNumbers.PValue(double.NaN, ReportNumbers.NoEvents));
        Assert.Equal("not estimable", ReportNumbers.PValue(double.NaN, null));
        Assert.Equal("0.500", ReportNumbers.PValue(0.5, ReportNumbers.NoEvents));
        Assert.Equal("10.1 to not estimable", ReportNumbers.Limits(10.1, double.PositiveInfinity, 1));
        Assert.Equal("not estimable", ReportNumbers.Limits(double.NaN, double.NaN, 1));
        Assert.Equal("3 (25.0%)", ReportNumbers.CountAndPercent(3, 0.25));
        Assert.Equal("0, not estimable (no participants)", ReportNumbers.CountAndPercent(0, double.NaN));
    }

    [Theory]
    [InlineData(36, TimeUnit.Months, "3y", "3-year")]
    [InlineData(18, TimeUnit.Months, "18m", "18-month")]
    [InlineData(2, TimeUnit.Years, "2y", "2-year")]
    [InlineData(365, TimeUnit.Days, "365d", "365-day")]
    [InlineData(0.5, TimeUnit.Weeks, "0.5w", "0.5-week")]
    public void MilestoneNames(double milestone, TimeUnit unit, string key, string phrase) =>
        Assert.Equal((key, phrase), ReportText.Milestone(milestone, unit));
}
