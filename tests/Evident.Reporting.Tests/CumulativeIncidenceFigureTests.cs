using Evident.Reporting.Figures;

namespace Evident.Reporting.Tests;

public class CumulativeIncidenceFigureTests
{
    private static readonly CumulativeIncidenceFigureOptions Level95 = new() { ConfidenceLevel = 0.95 };

    [Fact]
    public void RendersEveryCauseByArmWithRiskTable()
    {
        var (fit, arms) = TestData.CrsimByArm();
        var series = IncidenceSeries.FromFit(fit, arms, new Dictionary<int, string> { [1] = "Relapse", [2] = "Death in remission" });
        Assert.Equal(fit.Causes.Count * arms.Length, series.Count);
        var atRisk = arms.Select((a, g) => new KaplanMeierArm(a, fit.EventFree[g])).ToArray();
        var options = new CumulativeIncidenceFigureOptions { ConfidenceLevel = 0.95, Title = "Cumulative incidence by cause and arm", AtRisk = atRisk, TimeBreaks = [0, 12, 24, 36, 48, 60] };
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
        Assert.Throws<ArgumentException>(() => CumulativeIncidenceFigure.Svg([], Level95));
        Assert.Throws<ArgumentException>(() => CumulativeIncidenceFigure.Svg([series[0], series[0]], Level95));
        Assert.Throws<ArgumentException>(() => IncidenceSeries.FromFit(fit, ["only one"], new Dictionary<int, string>()));
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0 })
        {
            Assert.ThrowsAny<ArgumentException>(() => CumulativeIncidenceFigure.Svg(series, new() { ConfidenceLevel = 0.95, TimeScale = bad }));
            Assert.ThrowsAny<ArgumentException>(() => CumulativeIncidenceFigure.Svg(series, new() { ConfidenceLevel = 0.95, YMax = bad }));
            Assert.ThrowsAny<ArgumentException>(() => CumulativeIncidenceFigure.Svg(series, new() { ConfidenceLevel = 0.95, TimeBreaks = [0, bad] }));
            Assert.ThrowsAny<ArgumentException>(() => CumulativeIncidenceFigure.Svg(series, new() { ConfidenceLevel = bad }));
        }
        Assert.Contains("cause 1, " + arms[0], Artifacts.Texts(CumulativeIncidenceFigure.Svg(series, Level95)));
    }

    /// <summary>The bands follow the level given (there is no default level): 90% bands are narrower than 95% ones.</summary>
    [Fact]
    public void Bands_are_drawn_at_the_level_given()
    {
        var (fit, arms) = TestData.CrsimByArm();
        var series = IncidenceSeries.FromFit(fit, arms, new Dictionary<int, string>());
        string at90 = CumulativeIncidenceFigure.Svg(series, new() { ConfidenceLevel = 0.90 });
        Assert.NotEqual(CumulativeIncidenceFigure.Svg(series, Level95), at90);
        Assert.Equal(at90, CumulativeIncidenceFigure.Svg(series, new() { ConfidenceLevel = 0.90 }));
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
