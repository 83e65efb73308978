using System.Globalization;
using System.Xml.Linq;
using Evident.Analysis.Oversight;
using Evident.Protocol;
using Evident.Reporting.Figures;

namespace Evident.Reporting.Tests;

/// <summary>The CONSORT flow diagram: every line of text inside its box, every box inside the view box.</summary>
public sealed class ConsortFigureTests
{
    private static ConsortFlow Flow(params string[] labels) => new(
        labels.Select((label, i) => new ConsortArm($"arm{i}", label, 100 + i,
            [
                new ConsortStep(OffStudyKind.OffTherapy, 7, [new ConsortReason("Unacceptable toxicity after the second cycle of consolidation", 5), new ConsortReason(ConsortFlow.NotRecorded, 2)]),
                new ConsortStep(OffStudyKind.Withdrawn, 0, []),
                new ConsortStep(OffStudyKind.LostToFollowUp, 1, [new ConsortReason("No contact", 1)]),
            ], 100 + i)).ToArray(),
        [OffStudyKind.OffTherapy, OffStudyKind.LostToFollowUp]);

    private static float F(XElement e, string name) => float.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void No_text_leaves_its_box_and_no_box_leaves_the_figure(int arms)
    {
        var labels = new[] { "Chemotherapy", "Chemotherapy + blinatumomab", "A much longer arm label than any other in this trial", "D" }.Take(arms).ToArray();
        string svg = ConsortFigure.Svg(Flow(labels), "T: participant flow");
        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        var view = root.Attribute("viewBox")!.Value.Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var text = new FigureText(new FigureStyle());
        var boxes = root.Descendants(ns + "g").ToArray();
        Assert.Equal(1 + 5 * arms, boxes.Length);
        foreach (var g in boxes)
        {
            var rect = g.Element(ns + "rect")!;
            float x = F(rect, "x"), y = F(rect, "y"), w = F(rect, "width"), h = F(rect, "height");
            Assert.True(x >= 0 && y >= 0 && x + w <= view[2] && y + h <= view[3], $"box at {x},{y} leaves the figure");
            foreach (var t in g.Elements(ns + "text"))
            {
                bool bold = t.Attribute("font-weight") is not null;
                float right = F(t, "x") + text.Width(t.Value, 13, bold);
                Assert.True(right <= x + w, $"'{t.Value}' runs out of its box ({right} > {x + w})");
                Assert.True(F(t, "y") <= y + h && F(t, "y") >= y, $"'{t.Value}' is not inside its box vertically");
            }
        }
        Assert.Contains("Allocated to Chemotherapy", svg);
        Assert.Contains("Withdrawn (n = 0)", svg);
        Assert.Contains("not recorded in the data", svg);
    }
}
