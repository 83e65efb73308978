using Evident.Reporting.Figures;

namespace Evident.Reporting.Tests;

public class CumulativeIncidenceFigureTests
{
    [Fact]
    public void RendersEveryCauseByArmWithRiskTable()
    {
        var (fit, arms) = TestData.CrsimByArm();
        var series = IncidenceSeries.FromFit(fit, arms, new Dictionary<int, string> { [1] = "Relapse", [2] = "Death in remission" });
        Assert.Equal(fit.Causes.Count * arms.Length, series.Count);
        var atRisk = arms.Select((a, g) => new KaplanMeierArm(a, fit.EventFree[g])).ToArray();
        var options = new CumulativeIncidenceFigureOptions { Title = "Cumulative incidence by cause and arm", AtRisk = atRisk, TimeBreaks = [0, 12, 24, 36, 48, 60] };
        string svg = CumulativeIncidenceFigure.Svg(series, options);
        Artifacts.Save("cif-crsim", svg, CumulativeIncidenceFigure.Png(series, options));

        var texts = Artifacts.Texts(svg);
        foreach (var s in series) Assert.Contains($"{s.Cause}, {s.Arm}", texts);
        foreach (var arm in atRisk)
        {
            var (n, events, _) = (arm.Curve.At(24.0).AtRisk, arm.Curve.At(24.0).Events, 0);
            Assert.Contains($"{n} ({events})", texts);
        }
    }

    [Fact]
    public void RejectsEmptyRepeatedAndBadOptions()
    {
        var (fit, arms) = TestData.CrsimByArm();
        var series = IncidenceSeries.FromFit(fit, arms, new Dictionary<int, string>());
        Assert.Throws<ArgumentException>(() => CumulativeIncidenceFigure.Svg([]));
        Assert.Throws<ArgumentException>(() => CumulativeIncidenceFigure.Svg([series[0], series[0]]));
        Assert.Throws<ArgumentException>(() => IncidenceSeries.FromFit(fit, ["only one"], new Dictionary<int, string>()));
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0 })
        {
            Assert.ThrowsAny<ArgumentException>(() => CumulativeIncidenceFigure.Svg(series, new() { TimeScale = bad }));
            Assert.ThrowsAny<ArgumentException>(() => CumulativeIncidenceFigure.Svg(series, new() { YMax = bad }));
            Assert.ThrowsAny<ArgumentException>(() => CumulativeIncidenceFigure.Svg(series, new() { TimeBreaks = [0, bad] }));
        }
        Assert.Contains("cause 1, " + arms[0], Artifacts.Texts(CumulativeIncidenceFigure.Svg(series)));
    }

    [Fact]
    public void The_band_is_the_log_minus_log_interval_and_stays_inside_zero_one()
    {
        // F = 0.2, SE 0.05, 95%: F^exp(±1.96·0.05/(0.2·|ln 0.2|)).
        double z = 1.959963984540054, se = 0.05 / (0.2 * Math.Log(5));
        var (low, high) = CumulativeIncidenceFigure.Band(0.2, 0.05 * 0.05, z);
        Assert.Equal(Math.Pow(0.2, Math.Exp(z * se)), low, 14);
        Assert.Equal(Math.Pow(0.2, Math.Exp(-z * se)), high, 14);
        Assert.InRange(low, 0, 0.2);
        Assert.InRange(high, 0.2, 1);
        Assert.Equal((0.0, 0.0), CumulativeIncidenceFigure.Band(0, 0.01, z));
        Assert.Equal((0.3, 0.3), CumulativeIncidenceFigure.Band(0.3, double.NaN, z));
    }
}
