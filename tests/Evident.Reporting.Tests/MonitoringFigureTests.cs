using Evident.Reporting.Figures;

namespace Evident.Reporting.Tests;

public class MonitoringFigureTests
{
    [Fact]
    public void RendersBoundariesAndObservedZ()
    {
        var design = TestData.ObfWithFutility();
        // gs-obf-4-futility: rpact critical values 4.3326, 2.9631, 2.3590, 2.0141.
        Assert.Equal(2.96313159912825, design.CriticalValues[1], 1e-5);
        double[] info = [0.25, 0.5], z = [1.12, 2.47];
        var options = new MonitoringFigureOptions { Title = "Interim monitoring", Subtitle = "O'Brien–Fleming-type α and β spending" };
        string svg = MonitoringFigure.Svg(design, info, z, options);
        Artifacts.Save("monitoring-obf", svg, MonitoringFigure.Png(design, info, z, options));
        var texts = Artifacts.Texts(svg);
        Assert.Contains("Z = 1.12", texts);
        Assert.Contains("Z = 2.47", texts);
        Assert.Contains("Efficacy boundary", texts);
        Assert.Contains("Futility boundary", texts);
        Assert.Contains("Observed Z", texts);
    }

    [Fact]
    public void NoLooksYetRendersThePlan()
    {
        var texts = Artifacts.Texts(MonitoringFigure.Svg(TestData.ObfWithFutility(), [], []));
        Assert.DoesNotContain("Observed Z", texts);
        Assert.Contains("Efficacy boundary", texts);
    }

    [Fact]
    public void RejectsInvalidLooks()
    {
        var design = TestData.ObfWithFutility();
        Assert.Throws<ArgumentException>(() => MonitoringFigure.Svg(design, [0.5], []));
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.ThrowsAny<ArgumentException>(() => MonitoringFigure.Svg(design, [0.5], [bad]));
            Assert.ThrowsAny<ArgumentException>(() => MonitoringFigure.Svg(design, [bad], [1.0]));
        }
        Assert.ThrowsAny<ArgumentException>(() => MonitoringFigure.Svg(design, [0.0], [1.0]));
        Assert.ThrowsAny<ArgumentException>(() => MonitoringFigure.Svg(design, [1.5], [1.0]));
    }
}
