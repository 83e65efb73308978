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
    public void Looks_after_a_crossed_boundary_are_marked_as_not_reached()
    {
        var design = TestData.ObfWithFutility();
        // Look 2's efficacy bound is 2.963: Z = 3.1 crosses it, so looks 3 and 4 were never reached.
        double[] info = [0.25, 0.5], z = [1.2, 3.1];
        Assert.Equal(1, MonitoringFigure.StoppingLook(design, z));
        string svg = MonitoringFigure.Svg(design, info, z);
        Artifacts.Save("monitoring-stopped", svg, MonitoringFigure.Png(design, info, z));
        Assert.Contains("Not reached (stopped at look 2)", Artifacts.Texts(svg));
        // Below the bounds nothing is marked.
        Assert.Equal(-1, MonitoringFigure.StoppingLook(design, [1.2, 2.5]));
        Assert.DoesNotContain(Artifacts.Texts(MonitoringFigure.Svg(design, info, [1.2, 2.5])), t => t.StartsWith("Not reached", StringComparison.Ordinal));
        // A Z at or under the futility bound of an interim look stops the trial too.
        Assert.Equal(0, MonitoringFigure.StoppingLook(design, [design.FutilityBounds![0] - 0.1]));
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
