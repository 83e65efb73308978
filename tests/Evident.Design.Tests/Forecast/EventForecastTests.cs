using Evident.Design.Forecast;

namespace Evident.Design.Tests.Forecast;

public sealed class EventForecastTests
{
    private static readonly double[] Entry = [0, 1, 2, 3, 4, 5];
    private static readonly double[] FollowUp = [3, 8, 1, 6, 2, 0.5];
    private static readonly bool[] IsEvent = [true, false, true, false, false, false];

    private static EventForecastOptions Options => new() { TargetEvents = [1, 2, 4], PlannedParticipants = 10, Replicates = 500 };

    [Fact]
    public void FitsThePooledHazardAndDatesTheLooksAlreadyReached()
    {
        var r = EventForecast.Predict(Entry, FollowUp, IsEvent, 9, Options);
        Assert.Equal(2, r.Events);
        Assert.Equal(2 / FollowUp.Sum(), Assert.Single(r.Hazards), 12);
        Assert.Equal(5 / 9.0, r.AccrualRate, 12); // five arrivals after the first in the nine time units to now
        Assert.True(r.Looks[0].Reached);
        Assert.Equal(0 + 3 - 9, r.Looks[0].Median); // first event at 3 (entry 0 + follow-up 3), nine before now
        Assert.Equal(2 + 1 - 9, r.Looks[1].Upper);
        Assert.False(r.Looks[2].Reached);
        Assert.InRange(r.Looks[2].Lower, 0, r.Looks[2].Median);
    }

    [Fact]
    public void PiecesSplitTheExposureAndTheEvents()
    {
        var r = EventForecast.Predict(Entry, FollowUp, IsEvent, 9, Options with { HazardStarts = [0, 2.5] });
        Assert.Equal([2.5 + 2.5 + 1 + 2.5 + 2 + 0.5, 0.5 + 5.5 + 3.5], r.Exposure);
        Assert.Equal([1, 1], r.PieceEvents);
    }

    [Fact]
    public void SameSeedSameForecast()
    {
        var a = EventForecast.Predict(Entry, FollowUp, IsEvent, 9, Options);
        var b = EventForecast.Predict(Entry, FollowUp, IsEvent, 9, Options);
        Assert.Equal(a.Looks[2], b.Looks[2]);
    }

    [Fact]
    public void WithAccrualClosedATargetBeyondEveryoneIsNeverReached()
    {
        var r = EventForecast.Predict(Entry, FollowUp, IsEvent, 9, Options with { TargetEvents = [7], PlannedParticipants = null });
        Assert.Equal(0, r.Looks[0].ProbabilityReached);
        Assert.Equal(double.PositiveInfinity, r.Looks[0].Median);
    }

    [Fact]
    public void DropoutMakesSomeTargetsUnreachable()
    {
        var r = EventForecast.Predict(Entry, FollowUp, IsEvent, 9, Options with { TargetEvents = [6], PlannedParticipants = null, DropoutHazard = 0.5 });
        Assert.InRange(r.Looks[0].ProbabilityReached, 0, 0.5);
        Assert.Equal(double.PositiveInfinity, r.Looks[0].Upper);
    }

    public static TheoryData<string, double[], double[], bool[], double, EventForecastOptions> Refused() => new()
    {
        { "followUp", Entry, [1, 2], IsEvent, 9, Options },
        { "entry", [], [], [], 9, Options },
        { "entry", [0, 1, 2, 3, 4, 10], FollowUp, IsEvent, 9, Options },
        { "entry", [0, 1, 2, 3, 4, double.NaN], FollowUp, IsEvent, 9, Options },
        { "followUp", Entry, [3, 8, 1, 6, 2, -1], IsEvent, 9, Options },
        { "now", Entry, FollowUp, IsEvent, double.PositiveInfinity, Options },
        { "TargetEvents", Entry, FollowUp, IsEvent, 9, Options with { TargetEvents = [3, 2] } },
        { "TargetEvents", Entry, FollowUp, IsEvent, 9, Options with { TargetEvents = [] } },
        { "Level", Entry, FollowUp, IsEvent, 9, Options with { Level = double.NaN } },
        { "Replicates", Entry, FollowUp, IsEvent, 9, Options with { Replicates = 10 } },
        { "HazardStarts", Entry, FollowUp, IsEvent, 9, Options with { HazardStarts = [0, 100] } },
        { "HazardStarts", Entry, FollowUp, IsEvent, 9, Options with { HazardStarts = [1] } },
        { "PlannedAccrualRate", Entry, FollowUp, IsEvent, 9, Options with { Accrual = ForecastAccrual.Plan } },
        { "Accrual", [0], [1], [false], 9, Options },
        { "DropoutHazard", Entry, FollowUp, IsEvent, 9, Options with { DropoutHazard = -1 } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusesWithTheInputAtFault(string input, double[] entry, double[] followUp, bool[] isEvent, double now, EventForecastOptions options)
    {
        var e = Assert.Throws<DesignInputException>(() => EventForecast.Predict(entry, followUp, isEvent, now, options));
        Assert.Equal(input, e.Input);
    }
}
