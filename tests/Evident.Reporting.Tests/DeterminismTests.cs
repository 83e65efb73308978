using Evident.Reporting.Figures;
using Evident.Statistics;

namespace Evident.Reporting.Tests;

public class DeterminismTests
{
    [Fact]
    public void SameInputGivesByteIdenticalSvgAndDistinctFiguresHaveDistinctIds()
    {
        var curves = TestData.LungBySex();
        var arms = new[] { new KaplanMeierArm("Male", curves[0]), new KaplanMeierArm("Female", curves[1]) };
        string a = KaplanMeierFigure.Svg(arms);
        string b = KaplanMeierFigure.Svg(arms);
        Assert.Equal(a, b);
        string c = KaplanMeierFigure.Svg(arms, new KaplanMeierFigureOptions { Title = "Other" });
        var ids = System.Text.RegularExpressions.Regex.Matches(a, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var otherIds = System.Text.RegularExpressions.Regex.Matches(c, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(ids);
        Assert.Empty(ids.Intersect(otherIds));
        Assert.Contains("viewBox=\"0 0 760 ", a);
        Assert.DoesNotContain("cl_", a);
    }
}
