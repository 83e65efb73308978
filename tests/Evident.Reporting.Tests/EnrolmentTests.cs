using Evident.Analysis.Enrolment;
using Evident.Analysis.Input;
using Evident.Reporting.Figures;
using Evident.Protocol;

namespace Evident.Reporting.Tests;

/// <summary>Accrual by month, stratum and site (<see cref="EnrolmentSummary"/>) and its figure.</summary>
public sealed class EnrolmentTests
{
    private static readonly TrialProtocol Protocol = TrialProtocol.Load(Path.Combine(AppContext.BaseDirectory, "fixtures", "aall1731.yaml"));

    private static TrialParticipant P(string id, int risk, string? site, DateOnly randomized) =>
        new(id, 0, [risk], [null], site, randomized, [new EndpointOutcome(randomized, randomized, -1), new EndpointOutcome(randomized, randomized, -1)]);

    private static TrialData Data(params TrialParticipant[] participants) => new(participants, [], "test", DataLayout.Simple);

    [Fact]
    public void CountsByMonthStratumAndSite()
    {
        // SR-average = level 0, SR-high = level 1. Rows deliberately out of date order.
        var data = Data(
            P("a", 0, "S1", new DateOnly(2026, 3, 5)),
            P("b", 0, "S1", new DateOnly(2026, 1, 10)),
            P("c", 1, "S2", new DateOnly(2026, 1, 20)),
            P("d", 1, "S1", new DateOnly(2026, 3, 31)),
            P("e", 1, null, new DateOnly(2026, 4, 1)));
        var s = EnrolmentSummary.Summarize(Protocol, data, new DateOnly(2026, 5, 2));

        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)], s.Months);
        Assert.Equal([2, 2, 4, 5, 5], s.Total);
        Assert.Equal(5, s.Randomized);
        Assert.Equal(["SR-average", "SR-high"], s.ByStratum.Select(x => x.Label));
        Assert.Equal([1, 1, 2, 2, 2], s.ByStratum[0].Cumulative);
        Assert.Equal([1, 1, 2, 3, 3], s.ByStratum[1].Cumulative);
        // "(no site)" sorts before "S1" ordinally.
        Assert.Equal([EnrolmentSummary.NoSite, "S1", "S2"], s.BySite.Select(x => x.Label));
        Assert.Equal([0, 0, 0, 1, 1], s.BySite[0].Cumulative);
        Assert.Equal([1, 1, 3, 3, 3], s.BySite[1].Cumulative);
        Assert.Equal([1, 1, 1, 1, 1], s.BySite[2].Cumulative);
        Assert.Equal([0, 2, 0], s.Cells[0]);
        Assert.Equal([1, 1, 1], s.Cells[1]);
    }

    [Fact]
    public void AnEmptyTrialHasNoMonthsAndZeroStrata()
    {
        var s = EnrolmentSummary.Summarize(Protocol, Data(), new DateOnly(2026, 5, 2));
        Assert.Empty(s.Months);
        Assert.Equal(0, s.Randomized);
        Assert.Equal(["SR-average", "SR-high"], s.ByStratum.Select(x => x.Label));
        Assert.All(s.ByStratum, x => Assert.Equal(0, x.Count));
        Assert.Empty(s.BySite);
    }

    [Fact]
    public void ARandomizationAfterTheAsOfDateIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => EnrolmentSummary.Summarize(Protocol, Data(P("a", 0, "S1", new DateOnly(2026, 6, 1))), new DateOnly(2026, 5, 31)));
        Assert.Contains("2026-06-01", e.Message);
    }

    [Fact]
    public void TheFigureDrawsOneLinePerGroupPlusTheTotalWithCountsInTheLegend()
    {
        var data = Data(P("a", 0, "S1", new DateOnly(2026, 1, 5)), P("b", 1, "S2", new DateOnly(2026, 2, 5)), P("c", 1, "S2", new DateOnly(2026, 2, 6)));
        var s = EnrolmentSummary.Summarize(Protocol, data, new DateOnly(2026, 2, 28));
        string svg = EnrolmentFigure.Svg(s.Months, s.Total, s.ByStratum, "Accrual by stratum");
        Assert.Equal(svg, EnrolmentFigure.Svg(s.Months, s.Total, s.ByStratum, "Accrual by stratum"));
        var texts = Artifacts.Texts(svg);
        Assert.Contains("Accrual by stratum", texts);
        Assert.Contains("SR-average (1)", texts);
        Assert.Contains("SR-high (2)", texts);
        Assert.Contains("All (3)", texts);
        Assert.Contains("Jan 2026", texts);
        File.WriteAllText(Path.Combine(Artifacts.Folder, "enrolment.svg"), svg);
    }

    [Fact]
    public void TheFigureRefusesMismatchedSeries()
    {
        Assert.Throws<ArgumentException>(() => EnrolmentFigure.Svg([], null, [], "x"));
        Assert.Throws<ArgumentException>(() => EnrolmentFigure.Svg([new DateOnly(2026, 1, 1)], null, [new EnrolmentSeries("a", [1, 2])], "x"));
        Assert.Throws<ArgumentException>(() => EnrolmentFigure.Svg([new DateOnly(2026, 1, 1)], [1, 2], [], "x"));
    }
}
