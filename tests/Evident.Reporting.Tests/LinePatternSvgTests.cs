using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Evident.Reporting.Figures;
using ScottPlot;

namespace Evident.Reporting.Tests;

/// <summary>
/// Dashed and dotted lines reach the SVG as <c>stroke-dasharray</c> (Skia's SVG canvas cannot write a dash path
/// effect), the PNG is untouched, and no figure makes Skia print to the native stderr.
/// </summary>
public class LinePatternSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private sealed record Stroke(string Element, string Color, string? DashArray, double Opacity, string Path);

    /// <summary>Every element with a stroke colour other than none.</summary>
    private static List<Stroke> Strokes(string svg) =>
        XDocument.Parse(svg).Descendants()
                 .Where(e => e.Attribute("stroke") is { Value: not "none" })
                 .Select(e => new Stroke(e.Name.LocalName, e.Attribute("stroke")!.Value, e.Attribute("stroke-dasharray")?.Value,
                                         e.Attribute("stroke-opacity") is { } o ? double.Parse(o.Value, CultureInfo.InvariantCulture) : 1,
                                         e.Attribute("d")?.Value ?? ""))
                 .ToList();

    private static void NoTagColours(string svg) => Assert.DoesNotContain("#5AD7", svg, StringComparison.OrdinalIgnoreCase);

    private static int Segments(string path) => path.Count(ch => ch == 'L');

    [Fact]
    public void CumulativeIncidenceSecondCauseIsDashedInTheArmsColour()
    {
        var (fit, arms) = TestData.CrsimByArm();
        var series = IncidenceSeries.FromFit(fit, arms, new Dictionary<int, string>())
                                    .Where(s => s.Arm == arms[0] || s.Arm == arms[1]).ToList();
        Assert.Equal(fit.Causes.Count * 2, series.Count);
        Assert.True(fit.Causes.Count >= 2);
        string svg = CumulativeIncidenceFigure.Svg(series, new CumulativeIncidenceFigureOptions { ConfidenceLevel = 0.95, ShowConfidenceBands = false });
        NoTagColours(svg);
        var strokes = Strokes(svg);
        for (int a = 0; a < 2; a++)
        {
            string colour = OkabeIto.Series[a];
            var mine = strokes.Where(s => string.Equals(s.Color, colour, StringComparison.OrdinalIgnoreCase)).ToList();
            // Per arm (in the Kaplan–Meier figures' colour): the first cause solid, the second dashed (ScottPlot's
            // Dashed = 10 on, 10 off), each once in the data area (a step function) and once as a legend symbol.
            var solid = mine.Where(s => s.DashArray is null).OrderByDescending(s => Segments(s.Path)).ToList();
            var dashed = mine.Where(s => s.DashArray == "10 10").OrderByDescending(s => Segments(s.Path)).ToList();
            Assert.Equal(2, solid.Count);
            Assert.Equal(2, dashed.Count);
            Assert.True(Segments(dashed[0].Path) > 10, "the dashed data line is the step function");
            Assert.Equal(1, Segments(dashed[1].Path));
            Assert.True(Segments(solid[0].Path) > 10);
            // No dash baked into filled outline geometry any more.
            Assert.DoesNotContain($"fill=\"{colour}\"", svg, StringComparison.OrdinalIgnoreCase);
        }
        // Causes after the first are patterned: per arm and cause one data line and one legend symbol.
        Assert.Equal((fit.Causes.Count - 1) * 2 * 2, strokes.Count(s => s.DashArray is not null));
    }

    [Fact]
    public void CumulativeIncidenceUsesOnePatternPerCause()
    {
        var (fit, arms) = TestData.CrsimByArm();
        Assert.Equal(3, fit.Causes.Count);
        string svg = CumulativeIncidenceFigure.Svg(IncidenceSeries.FromFit(fit, arms, new Dictionary<int, string>()),
                                                   new CumulativeIncidenceFigureOptions { ConfidenceLevel = 0.95, ShowConfidenceBands = false });
        NoTagColours(svg);
        var dashes = Strokes(svg).Where(s => s.DashArray is not null).GroupBy(s => s.DashArray!)
                                 .ToDictionary(g => g.Key, g => g.Count());
        // The second cause Dashed (10 10), the third Dotted (3 5): per arm one data line and one legend symbol.
        Assert.Equal(new Dictionary<string, int> { ["10 10"] = arms.Length * 2, ["3 5"] = arms.Length * 2 }, dashes);
    }

    [Fact]
    public void ForestReferenceLineIsDashedInSvg()
    {
        var rows = new[] { new ForestRow("a", 0.5, 0.25, 1.0), new ForestRow("b", 1.5, 1.1, 2.2) };
        string svg = ForestPlot.Svg(rows, new ForestPlotOptions { ConfidenceLevel = 0.95 });
        NoTagColours(svg);
        var dashed = Assert.Single(Strokes(svg), s => s.DashArray is not null);
        Assert.Equal("10 10", dashed.DashArray);
        Assert.Equal("#010101", dashed.Color); // ScottPlot's Colors.Black.WithAlpha(0.6) is #01010199
        Assert.Equal(0.6, dashed.Opacity, 1e-6);
        // A vertical line: M x y1 L x y2.
        var numbers = dashed.Path.Split(['M', 'L', ' '], StringSplitOptions.RemoveEmptyEntries)
                                 .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, numbers.Length);
        Assert.Equal(numbers[0], numbers[2]);
        Assert.NotEqual(numbers[1], numbers[3]);
    }

    [Fact]
    public void MonitoringFutilityDashedAndObservedDottedInSvg()
    {
        string svg = MonitoringFigure.Svg(TestData.ObfWithFutility(), [0.25, 0.5], [1.12, 2.47]);
        NoTagColours(svg);
        var dashed = Strokes(svg).Where(s => s.DashArray is not null).ToList();
        Assert.Equal(4, dashed.Count);
        Assert.Equal(2, dashed.Count(s => s.DashArray == "10 10" && s.Color == OkabeIto.Blue));
        Assert.Equal(2, dashed.Count(s => s.DashArray == "3 5" && s.Color == "#000000"));
        // The markers keep their own colours and are not dashed: 3 futility squares and the legend's.
        var squares = XDocument.Parse(svg).Descendants(Svg + "rect").Count(r => (string?)r.Attribute("fill") == OkabeIto.Blue);
        Assert.Equal(4, squares);
    }

    [Fact]
    public void SvgRenderingLeavesThePlotAndItsPngUnchanged()
    {
        using var canvas = new FigureCanvas(new FigureStyle { Width = 300, Height = 200, PngScale = 1 }, "t");
        var line = canvas.Plot.Add.Scatter(new double[] { 0, 1, 2, 3 }, new double[] { 0, 2, 1, 3 }, canvas.SeriesColor(1));
        line.LinePattern = LinePattern.Dotted;
        line.LineWidth = 2;
        var rule = canvas.Plot.Add.HorizontalLine(1.5, 1, Colors.Black.WithAlpha(0.5), LinePattern.Dashed);
        byte[] before = canvas.ToPng();
        string svg = canvas.ToSvg();
        Assert.Contains("stroke-dasharray=\"3 5\"", svg, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray=\"10 10\"", svg, StringComparison.Ordinal);
        Assert.Equal("Dotted", line.LinePattern.Name);
        Assert.Equal(canvas.SeriesColor(1), line.LineColor);
        Assert.Equal("Dashed", rule.LinePattern.Name);
        Assert.Equal(Colors.Black.WithAlpha(0.5), rule.LineColor);
        Assert.Equal(before, canvas.ToPng());
        Assert.Equal(svg, canvas.ToSvg());
    }

    [Fact]
    public void APaletteColourIsNeverUsedAsATag()
    {
        // #5AD701 is the first tag colour; as a palette colour it must come through as a plain solid line.
        using var canvas = new FigureCanvas(new FigureStyle { Width = 300, Height = 200, Colors = ["#5AD701", "#123456"] }, "t");
        canvas.Plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 0, 1 }, canvas.SeriesColor(0));
        var dashed = canvas.Plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 1, 0 }, canvas.SeriesColor(1));
        dashed.LinePattern = LinePattern.Dashed;
        var strokes = Strokes(canvas.ToSvg());
        Assert.Single(strokes, s => s.Color == "#5AD701" && s.DashArray is null);
        Assert.Single(strokes, s => s.Color == "#123456" && s.DashArray == "10 10");
    }
}

/// <summary>Tests that redirect the process's native stderr run alone.</summary>
[CollectionDefinition("native stderr", DisableParallelization = true)]
public sealed class NativeStderrCollection;

/// <summary>
/// Skia prints "Unsupported path effect in addPaint." to the native stderr (not through <see cref="Console.Error"/>)
/// when the SVG canvas meets a dash path effect it cannot write; users of <c>evident demo</c> saw it.
/// </summary>
[Collection("native stderr")]
public class NativeStderrTests
{
    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int dup(int fd);

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int dup2(int oldFd, int newFd);

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int close(int fd);

    /// <summary>Runs <paramref name="action"/> with file descriptor 2 redirected to a file; returns what was written.</summary>
    private static string CaptureNativeStderr(Action action)
    {
        string path = Path.Combine(Path.GetTempPath(), "evident-stderr-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            using (var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
            {
                int saved = dup(2);
                Assert.True(saved >= 0, "dup(2) failed");
                Assert.Equal(2, dup2((int)file.DangerousGetHandle(), 2));
                try
                {
                    action();
                }
                finally
                {
                    dup2(saved, 2);
                    close(saved);
                }
            }
            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RenderingEveryFigureWritesNothingToStderr()
    {
        if (!OperatingSystem.IsLinux()) return;

        // The capture works: plain ScottPlot, a dashed line with square markers, makes Skia complain.
        string control = CaptureNativeStderr(() =>
        {
            using var plot = new Plot();
            var s = plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 0, 1, 0 });
            s.LinePattern = LinePattern.Dashed;
            s.MarkerShape = MarkerShape.FilledSquare;
            s.MarkerSize = 8;
            plot.GetSvgXml(300, 200);
        });
        Assert.Contains("Unsupported path effect", control, StringComparison.Ordinal);

        var (fit, arms) = TestData.CrsimByArm();
        var series = IncidenceSeries.FromFit(fit, arms, new Dictionary<int, string>());
        var design = TestData.ObfWithFutility();
        var curves = TestData.LungBySex();
        KaplanMeierArm[] km = [new("Male", curves[0]), new("Female", curves[1])];
        ForestRow[] rows = [new("a", 0.5, 0.25, 1.0), new("b", 1.5, 1.1, 2.2)];
        string written = CaptureNativeStderr(() =>
        {
            CumulativeIncidenceFigure.Svg(series, new CumulativeIncidenceFigureOptions { ConfidenceLevel = 0.95 });
            CumulativeIncidenceFigure.Png(series, new CumulativeIncidenceFigureOptions { ConfidenceLevel = 0.95 });
            MonitoringFigure.Svg(design, [0.25, 0.5], [1.12, 2.47]);
            MonitoringFigure.Png(design, [0.25, 0.5], [1.12, 2.47]);
            ForestPlot.Svg(rows, new ForestPlotOptions { ConfidenceLevel = 0.95 });
            ForestPlot.Png(rows, new ForestPlotOptions { ConfidenceLevel = 0.95 });
            KaplanMeierFigure.Svg(km);
            KaplanMeierFigure.Png(km);
        });
        Assert.Equal("", written);
    }
}
