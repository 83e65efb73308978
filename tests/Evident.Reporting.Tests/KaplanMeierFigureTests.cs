using Evident.Reporting.Figures;
using Evident.Statistics;

namespace Evident.Reporting.Tests;

public class KaplanMeierFigureTests
{
    private const double DaysPerMonth = 365.25 / 12;
    private static readonly double[] Breaks = [0, 6, 12, 18, 24, 30, 36];

    private static IReadOnlyList<KaplanMeierArm> LungArms()
    {
        var curves = TestData.LungBySex();
        return [new KaplanMeierArm("Male", curves[0]), new KaplanMeierArm("Female", curves[1])];
    }

    private static KaplanMeierFigureOptions LungOptions(RiskTableLayout layout) => new()
    {
        Title = "Overall survival, advanced lung cancer",
        Subtitle = "NCCTG lung (survival package), by sex",
        TimeScale = DaysPerMonth,
        TimeBreaks = Breaks,
        RiskTable = layout,
    };

    [Theory]
    [InlineData(RiskTableLayout.KMunicate)]
    [InlineData(RiskTableLayout.AtRiskWithEvents)]
    public void RendersArmsAndTheRiskTableGivenByAt(RiskTableLayout layout)
    {
        var arms = LungArms();
        var options = LungOptions(layout);
        string svg = KaplanMeierFigure.Svg(arms, options);
        byte[] png = KaplanMeierFigure.Png(arms, options);
        Artifacts.Save($"km-lung-{layout}", svg, png);

        var texts = Artifacts.Texts(svg);
        Assert.Contains("Male", texts);
        Assert.Contains("Female", texts);
        Assert.Contains("Overall survival, advanced lung cancer", texts);
        foreach (var arm in arms)
        {
            var points = arm.Curve.At(Breaks.Select(b => b * DaysPerMonth).ToArray());
            int events = 0;
            foreach (var p in points)
            {
                events += p.Events;
                string expected = layout == RiskTableLayout.KMunicate ? p.AtRisk.ToString() : $"{p.AtRisk} ({events})";
                Assert.Contains(expected, texts);
            }
            Assert.Equal(arm.Curve.At(36 * DaysPerMonth).Events, events);
        }
        var (w, h) = Artifacts.PngSize(png);
        Assert.Equal(2 * 760, w);
        Assert.True(h > 2 * 400);
    }
}
