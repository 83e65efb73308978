using Evident.Reporting.Figures;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Tests;

public class ForestPlotTests
{
    private static readonly ForestPlotOptions At95 = new() { ConfidenceLevel = 0.95 };

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
            ConfidenceLevel = 0.95,
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
        Assert.Equal("1.20 (CI not estimable)", ForestPlot.EstimateText(new ForestRow("inf", 1.2, 0, double.PositiveInfinity)));
    }

    [Fact]
    public void InfiniteUpperLimitAndZeroLowerLimitAreDrawnToTheAxisEdge()
    {
        var rows = new[] { new ForestRow("monotone", 1.2, 0, double.PositiveInfinity), new ForestRow("ok", 0.5, 0.25, 1.0) };
        var texts = Artifacts.Texts(ForestPlot.Svg(rows, At95));
        Assert.Contains("1.20 (CI not estimable)", texts);
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
        var ex = Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("bad row", hr, lower, upper)], At95));
        Assert.Contains("bad row", ex.Message);
    }

    [Fact]
    public void RejectsEmptyAndHeadingOnlyInputAndBadWeights()
    {
        Assert.Throws<ArgumentException>(() => ForestPlot.Svg([], At95));
        Assert.Throws<ArgumentException>(() => ForestPlot.Svg([ForestRow.Heading("only")], At95));
        Assert.Throws<ArgumentException>(() => ForestPlot.Svg([new ForestRow(" ", 1, 0.5, 2)], At95));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("w", 1, 0.5, 2) { Weight = double.PositiveInfinity }], At95));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("w", 1, 0.5, 2) { Weight = -1 }], At95));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("p", 1, 0.5, 2) { PValue = 1.5 }], At95));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("x", 1, 0.5, 2)], At95 with { XMin = 0 }));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("x", 1, 0.5, 2)], At95 with { XMin = 2, XMax = 1 }));
    }

    [Fact]
    public void OneRowRenders()
    {
        var texts = Artifacts.Texts(ForestPlot.Svg([new ForestRow("Overall", 0.33, 0.2, 0.55) { Kind = ForestRowKind.Summary }], At95));
        Assert.Contains("Overall", texts);
        Assert.Contains("0.33 (0.20–0.55)", texts);
    }

    [Fact]
    public void TheEstimateHeaderSaysTheLevelAndTheInteractionColumnShowsItsP()
    {
        var rows = new[]
        {
            new ForestRow("Overall", 0.6, 0.45, 0.8) { Kind = ForestRowKind.Summary },
            ForestRow.Heading("Sex") with { InteractionPValue = 0.0312 },
            new ForestRow("female", 0.5, 0.3, 0.83),
            new ForestRow("male", 0.7, 0.5, 0.98),
        };
        var texts = Artifacts.Texts(ForestPlot.Svg(rows, new ForestPlotOptions { ConfidenceLevel = 0.9 }));
        Assert.Contains("HR (90% CI)", texts);
        Assert.DoesNotContain("HR (95% CI)", texts);
        Assert.Contains("Interaction p", texts);
        Assert.Contains("0.031", texts);
        Assert.DoesNotContain("Interaction p", Artifacts.Texts(ForestPlot.Svg(rows.Select(r => r with { InteractionPValue = double.NaN }).ToArray(), At95)));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("x", 1, 0.5, 2) { InteractionPValue = -0.1 }], At95));
        Assert.ThrowsAny<ArgumentException>(() => ForestPlot.Svg([new ForestRow("x", 1, 0.5, 2)], new ForestPlotOptions { ConfidenceLevel = 1 }));
    }

    /// <summary>
    /// Axis ranges from narrow to 0.01–100 on data areas from 80 to 600 pixels: no two tick labels overlap (at 7 pixels
    /// per character, wider than the figure font), 1 is kept whenever it is in range, and at least one tick remains.
    /// </summary>
    [Theory]
    [InlineData(0.2, 1.3)]
    [InlineData(0.15, 6)]
    [InlineData(0.01, 100)]
    [InlineData(0.011, 0.9)]
    [InlineData(0.3, 30)]
    public void TickLabelsNeverCollide(double min, double max)
    {
        static float Width(string label) => 7f * label.Length;
        double lo = Math.Log10(min), hi = Math.Log10(max);
        foreach (float width in new[] { 80f, 150f, 300f, 600f })
        {
            var ticks = ForestPlot.Ticks(lo, hi, width, Width);
            Assert.NotEmpty(ticks);
            if (min <= 1 && max >= 1) Assert.Contains(1.0, ticks);
            for (int i = 1; i < ticks.Count; i++)
            {
                double gap = width * (Math.Log10(ticks[i]) - Math.Log10(ticks[i - 1])) / (hi - lo);
                double needed = (Width(FigureText.Tick(ticks[i])) + Width(FigureText.Tick(ticks[i - 1]))) / 2;
                Assert.True(gap >= needed, $"{ticks[i - 1]} and {ticks[i]} overlap on {width} px: {gap:F1} < {needed:F1}");
            }
        }
    }
}
