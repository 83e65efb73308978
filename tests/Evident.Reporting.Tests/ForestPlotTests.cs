using Evident.Reporting.Figures;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Tests;

public class ForestPlotTests
{
    /// <summary>Cox hazard ratio for sex (female vs male) in lung: overall, and within ECOG 0 / ≥ 1.</summary>
    private static IReadOnlyList<ForestRow> LungRows()
    {
        var d = TestData.ReadCsv("lung.csv");
        var time = TestData.Numbers(d["time"]);
        var status = TestData.Numbers(d["status"]);
        var sex = TestData.Numbers(d["sex"]);
        var ecog = TestData.Numbers(d["ph_ecog"]);
        CoxFit FitWhere(Func<int, bool> keep)
        {
            var rows = Enumerable.Range(0, time.Length).Where(keep).ToArray();
            return CoxRegression.Fit(rows.Select(i => time[i]).ToArray(), rows.Select(i => status[i] == 2).ToArray(),
                                     rows.Select(i => sex[i] - 1).ToArray(), 1, [], []);
        }
        string Detail(Func<int, bool> keep)
        {
            var rows = Enumerable.Range(0, time.Length).Where(keep).ToArray();
            return $"{rows.Count(i => status[i] == 2)}/{rows.Length}";
        }
        Func<int, bool> all = _ => true, ecog0 = i => ecog[i] == 0, ecog1 = i => ecog[i] >= 1;
        return
        [
            ForestRow.Heading("ECOG performance status"),
            ForestRow.FromCox("0 (fully active)", FitWhere(ecog0).Terms[0]) with { Detail = Detail(ecog0), Weight = FitWhere(ecog0).Events },
            ForestRow.FromCox("1–3", FitWhere(ecog1).Terms[0]) with { Detail = Detail(ecog1), Weight = FitWhere(ecog1).Events },
            ForestRow.FromCox("All patients", FitWhere(all).Terms[0], ForestRowKind.Summary) with { Detail = Detail(all) },
        ];
    }

    [Fact]
    public void RendersLabelsAndFormattedHazardRatios()
    {
        var rows = LungRows();
        var options = new ForestPlotOptions
        {
            Title = "Hazard ratio, female vs male",
            FavoursLeft = "Favours female",
            FavoursRight = "Favours male",
        };
        string svg = ForestPlot.Svg(rows, options);
        Artifacts.Save("forest-lung", svg, ForestPlot.Png(rows, options));

        var texts = Artifacts.Texts(svg);
        foreach (var r in rows) Assert.Contains(r.Label, texts);
        Assert.Contains("HR (95% CI)", texts);
        Assert.Contains("← Favours female", texts);
        // lung-cox-efron: coxph(Surv(time, status) ~ sex) exp(coef) 0.588 (0.424–0.816), p = 0.00149.
        Assert.Equal("0.59 (0.42–0.82)", ForestPlot.EstimateText(rows[3]));
        Assert.Contains("0.59 (0.42–0.82)", texts);
        Assert.Contains("0.001", texts);
        Assert.Contains("165/228", texts);
        foreach (var r in rows.Skip(1)) Assert.Contains(ForestPlot.EstimateText(r), texts);
    }

    [Fact]
    public void EstimateTextFormatsWithInvariantCultureAndEnDash()
    {
        var row = new ForestRow("x", 0.45, 0.3125, 0.6666) { PValue = 0.0004 };
        Assert.Equal("0.45 (0.31–0.67)", ForestPlot.EstimateText(row));
        Assert.Equal("0.450 (0.312–0.667)", ForestPlot.EstimateText(row, 3));
        Assert.Equal("", ForestPlot.EstimateText(ForestRow.Heading("h")));
        Assert.Equal("1.20 (0.00–∞)", ForestPlot.EstimateText(new ForestRow("inf", 1.2, 0, double.PositiveInfinity)));
    }

    [Fact]
    public void InfiniteUpperLimitAndZeroLowerLimitAreDrawnToTheAxisEdge()
    {
        var rows = new[] { new ForestRow("monotone", 1.2, 0, double.PositiveInfinity), new ForestRow("ok", 0.5, 0.25, 1.0) };
        var texts = Artifacts.Texts(ForestPlot.Svg(rows));
        Assert.Contains("1.20 (0.00–∞)", texts);
    }

    [Theory]
    [InlineData(double.NaN, 0.5, 2.0)]
    [InlineData(double.PositiveInfinity, 0.5, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.5, 2.0)]
    [InlineData(0.0, 0.0, 2.0)]
    [InlineData(1.0, 1.5, 2.0)]
    [InlineData(1.0, 0.5, 0.9)]
    [InlineData(1.0, double.NaN, 2.0)]
    [InlineData(1.0, 0.5, double.NaN)]
    public void RejectsInvalidEstimates(double hr, double lower, double upper)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("bad row", hr, lower, upper)]));
        Assert.Contains("bad row", ex.Message);
    }

    [Fact]
    public void RejectsEmptyAndHeadingOnlyInputAndBadWeights()
    {
        Assert.Throws<ArgumentException>(() => ForestPlot.Svg([]));
        Assert.Throws<ArgumentException>(() => ForestPlot.Svg([ForestRow.Heading("only")]));
        Assert.Throws<ArgumentException>(() => ForestPlot.Svg([new ForestRow(" ", 1, 0.5, 2)]));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("w", 1, 0.5, 2) { Weight = double.PositiveInfinity }]));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("w", 1, 0.5, 2) { Weight = -1 }]));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("p", 1, 0.5, 2) { PValue = 1.5 }]));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("x", 1, 0.5, 2)], new ForestPlotOptions { XMin = 0 }));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("x", 1, 0.5, 2)], new ForestPlotOptions { XMin = 2, XMax = 1 }));
    }

    [Fact]
    public void OneRowRenders()
    {
        var texts = Artifacts.Texts(ForestPlot.Svg([new ForestRow("Overall", 0.33, 0.2, 0.55) { Kind = ForestRowKind.Summary }]));
        Assert.Contains("Overall", texts);
        Assert.Contains("0.33 (0.20–0.55)", texts);
    }
}
