using Evident.Reporting.Figures;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Tests;

public class KaplanMeierEdgeCaseTests
{
    private static KaplanMeierArm Arm(string name, double[] time, bool[] isEvent) => new(name, KaplanMeier.Fit(time, isEvent));

    [Fact]
    public void OneRowAllCensoredAndAllTiedRender()
    {
        var one = Arm("one", [5], [true]);
        var censored = Arm("censored", [1, 2, 3], [false, false, false]);
        var tied = Arm("tied", [4, 4, 4], [true, true, true]);
        string svg = KaplanMeierFigure.Svg([one, censored, tied], new KaplanMeierFigureOptions { RiskTable = RiskTableLayout.AtRiskWithEvents });
        var texts = Artifacts.Texts(svg);
        Assert.Contains("1 (0)", texts);   // one: at risk 1 at time 0
        Assert.Contains("3 (0)", texts);
        Assert.Contains("0 (3)", texts);   // tied: all three events by the last break
        Assert.Contains("1 (1)", texts);   // one: still at risk at its own event time 5
        Assert.Contains("3 (3)", texts);   // tied: n(4) = 3 includes the three events at 4
        Artifacts.PngSize(KaplanMeierFigure.Png([tied]));
    }

    [Fact]
    public void ZoomedAxisAndDefaultBreaks()
    {
        var curves = TestData.LungBySex();
        var svg = KaplanMeierFigure.Svg([new KaplanMeierArm("Male", curves[0])], new KaplanMeierFigureOptions { YMin = 0.5, TimeScale = 365.25 / 12 });
        var texts = Artifacts.Texts(svg);
        Assert.Contains("0.5", texts);
        Assert.Contains("0.9", texts);
        Assert.Contains("35", texts);      // 33.6 months of follow-up: default step 5 (≤ 8 intervals)
    }

    [Fact]
    public void RejectsInvalidInput()
    {
        var arm = Arm("a", [1, 2], [true, false]);
        Assert.Throws<ArgumentException>(() => KaplanMeierFigure.Svg([]));
        Assert.Throws<ArgumentException>(() => KaplanMeierFigure.Svg([arm, arm]));
        Assert.Throws<ArgumentException>(() => KaplanMeierFigure.Svg([arm with { Name = "" }]));
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.0 })
        {
            Assert.ThrowsAny<ArgumentException>(() => KaplanMeierFigure.Svg([arm], new() { TimeScale = bad }));
            Assert.ThrowsAny<ArgumentException>(() => KaplanMeierFigure.Svg([arm], new() { MaxTime = bad }));
            Assert.ThrowsAny<ArgumentException>(() => KaplanMeierFigure.Svg([arm], new() { YMin = bad }));
            Assert.ThrowsAny<ArgumentException>(() => KaplanMeierFigure.Svg([arm], new() { TimeBreaks = [0, bad] }));
        }
        Assert.ThrowsAny<ArgumentException>(() => KaplanMeierFigure.Svg([arm], new() { TimeBreaks = [2, 1] }));
        Assert.ThrowsAny<ArgumentException>(() => KaplanMeierFigure.Svg([arm], new() { Style = new FigureStyle { Width = 10 } }));
        Assert.ThrowsAny<ArgumentException>(() => KaplanMeierFigure.Svg([arm], new() { Style = new FigureStyle { Colors = ["red"] } }));
    }
}
