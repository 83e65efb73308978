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

    [Fact]
    public void The_plan_is_the_protocols_participants_spread_evenly_over_its_accrual_duration()
    {
        // AALL1731: 1440 participants over 60 months (30.4375 days each), from the first randomization on 2026-01-16.
        var data = Data(P("a", 0, "S1", new DateOnly(2026, 1, 16)), P("b", 1, "S1", new DateOnly(2026, 3, 2)));
        var s = EnrolmentSummary.Summarize(Protocol, data, new DateOnly(2026, 3, 20));
        var target = AccrualTarget.Plan(Protocol, s, new DateOnly(2026, 1, 16));
        Assert.NotNull(target);
        Assert.Equal(1440, target.Participants);
        Assert.Equal(60, target.AccrualDuration);
        // End of January: 16 days in; end of February: 44; end of March: 75 — never past the summary's last month.
        Assert.Equal(3, target.ByMonth.Count);
        Assert.Equal(1440 * 16 / (60 * 30.4375), target.ByMonth[0], 12);
        Assert.Equal(1440 * 44 / (60 * 30.4375), target.ByMonth[1], 12);
        Assert.Equal(1440 * 75 / (60 * 30.4375), target.ByMonth[2], 12);
        string svg = EnrolmentFigure.Svg(s.Months, s.Total, s.ByStratum, "Randomized by stratum", target: target);
        Assert.Contains("Planned (1440 over 60 months)", svg);
    }

    [Fact]
    public void No_plan_without_participants_and_accrual_duration_or_without_randomizations()
    {
        var noDesign = Protocol with { Design = Protocol.Design! with { Participants = null } };
        var data = Data(P("a", 0, "S1", new DateOnly(2026, 1, 16)));
        var s = EnrolmentSummary.Summarize(noDesign, data, new DateOnly(2026, 2, 1));
        Assert.Null(AccrualTarget.Plan(noDesign, s, new DateOnly(2026, 1, 16)));
        var empty = EnrolmentSummary.Summarize(Protocol, Data(), new DateOnly(2026, 2, 1));
        Assert.Null(AccrualTarget.Plan(Protocol, empty, new DateOnly(2026, 1, 16)));
    }

    [Fact]
    public void Five_years_of_months_get_labels_far_enough_apart_and_forty_sites_a_legend_in_one_column()
    {
        // 60 months: a label every month (or every 3) would overlap at 760 px; 40 sites: a legend taller than the
        // default data area would wrap into a second column that the figure's width does not allow for.
        var start = new DateOnly(2019, 7, 1);
        var data = Data([.. Enumerable.Range(0, 400).Select(i => P($"p{i}", i % 2, $"S{i % 40:00}", start.AddDays(i * 4)))]);
        var s = EnrolmentSummary.Summarize(Protocol, data, new DateOnly(2024, 6, 30));
        Assert.Equal(60, s.Months.Count);
        string svg = EnrolmentFigure.Svg(s.Months, s.Total, s.BySite, "Randomized by site");
        var months = Artifacts.Texts(svg).Where(t => t.Length == 8 && DateOnly.TryParseExact("01 " + t, "dd MMM yyyy", out _)).ToArray();
        Assert.InRange(months.Length, 4, 7);
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        double height = double.Parse(doc.Root!.Attribute("viewBox")!.Value.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);
        // 42 entries (40 sites, all, none planned here) of 13 px text at 1.7 line spacing.
        Assert.True(height >= 42 * 13 * 1.7, $"the figure is {height} px high for 42 legend entries");
        foreach (int site in new[] { 0, 20, 39 }) Assert.Contains($"S{site:00} (10)", Artifacts.Texts(svg));
        File.WriteAllText(Path.Combine(Artifacts.Folder, "enrolment-40-sites.svg"), svg);
    }
}
