using Evident.Reporting.Report;
using Evident.Protocol;

namespace Evident.Reporting.Tests.Report;

public sealed class ReportNumbersTests
{
    [Theory]
    [InlineData(0.97534, "97.5%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(double.NaN, "NA")]
    [InlineData(double.PositiveInfinity, "NA")]
    [InlineData(double.NegativeInfinity, "NA")]
    public void Percent(double p, string expected) => Assert.Equal(expected, ReportNumbers.Percent(p));

    [Theory]
    [InlineData(0.0123, "0.012", "p = 0.012")]
    [InlineData(0.00099, "<0.001", "p < 0.001")]
    [InlineData(1.0, "1.000", "p = 1.000")]
    [InlineData(double.NaN, "NA", "p not available")]
    public void PValues(double p, string value, string clause)
    {
        Assert.Equal(value, ReportNumbers.PValue(p));
        Assert.Equal(clause, ReportNumbers.PClause(p));
    }

    [Fact]
    public void IntervalsAndFixedDecimals()
    {
        Assert.Equal("0.33 (95% CI 0.18 to 0.60)", ReportNumbers.WithInterval(0.3312, 0.1801, 0.6049, 0.95));
        Assert.Equal("NA (90% CI 1.00 to NA)", ReportNumbers.WithInterval(double.NaN, 1, double.PositiveInfinity, 0.9));
        Assert.Equal("-1.350", ReportNumbers.Fixed(-1.35, 3));
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
