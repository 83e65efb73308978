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
        // Nine of a hundred have an event: the curve and its band stay above 0.5, so the axis zooms in to 0.5.
        var time = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var svg = KaplanMeierFigure.Svg([Arm("arm", time, time.Select(t => t % 10 == 0 && t < 100).ToArray())], new KaplanMeierFigureOptions { YMin = 0.5 });
        var texts = Artifacts.Texts(svg);
        Assert.Contains("0.5", texts);
        Assert.Contains("0.9", texts);
        Assert.DoesNotContain("0.4", texts);
        var curves = TestData.LungBySex();
        Assert.Contains("35", Artifacts.Texts(KaplanMeierFigure.Svg([new KaplanMeierArm("Male", curves[0])], new KaplanMeierFigureOptions { TimeScale = 365.25 / 12 })));      // 33.6 months of follow-up: default step 5 (≤ 8 intervals)
    }

    [Fact]
    public void A_curve_below_the_zoom_lowers_the_axis_instead_of_being_hidden()
    {
        // Male lung survival falls to about 0.1 (its band to about 0.03): asked for 0.5, the axis still shows 0 to 1.
        var male = TestData.LungBySex()[0];
        var texts = Artifacts.Texts(KaplanMeierFigure.Svg([new KaplanMeierArm("Male", male)], new KaplanMeierFigureOptions { YMin = 0.5, TimeScale = 365.25 / 12 }));
        Assert.Contains("0.0", texts);
        Assert.Contains("0.2", texts);
        // Without bands only the curve counts: its lowest value (about 0.1) sets the bottom at 0.
        var noBands = Artifacts.Texts(KaplanMeierFigure.Svg([new KaplanMeierArm("Male", male)], new KaplanMeierFigureOptions { YMin = 0.5, ShowConfidenceBands = false }));
        Assert.Contains("0.0", noBands);
    }

    [Fact]
    public void Heavy_censoring_is_thinned_to_readable_marks()
    {
        // 2000 participants censored at distinct times and one event: at most one mark per 1/150 of the axis.
        var time = Enumerable.Range(1, 2001).Select(i => i / 10.0).ToArray();
        var isEvent = time.Select((_, i) => i == 0).ToArray();
        var arm = Arm("arm", time, isEvent);
        int with = ElementCount(KaplanMeierFigure.Svg([arm], new KaplanMeierFigureOptions()));
        int without = ElementCount(KaplanMeierFigure.Svg([arm], new KaplanMeierFigureOptions { ShowCensorMarks = false }));
        Assert.InRange(with - without, 100, 160);
    }

    private static int ElementCount(string svg) => System.Xml.Linq.XDocument.Parse(svg).Descendants().Count();

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
