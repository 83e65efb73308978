using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>Reverse Kaplan–Meier median follow-up: the Kaplan–Meier median of the censoring times.</summary>
public sealed class FollowUpTests
{
    [Fact]
    public void With_no_events_it_is_the_ordinary_median_of_the_times()
    {
        // Everyone censored: the reverse curve steps at every time; Ŝ(2) = 0.6, Ŝ(3) = 0.4 ≤ 0.5 → median 3.
        var estimate = FollowUp.ReverseKaplanMeier([5, 1, 3, 2, 4], [false, false, false, false, false]);
        Assert.Equal(3, estimate.Median);
        Assert.Equal(5, estimate.Censored);
        Assert.Equal(5, estimate.N);
    }

    [Fact]
    public void Events_censor_the_follow_up_distribution()
    {
        // Times 1..4; the event at 1 removes one from the risk set without a step: Ŝ(2) = 2/3, Ŝ(3) = 1/3 → median 3.
        var estimate = FollowUp.ReverseKaplanMeier([1, 2, 3, 4], [true, false, false, false]);
        Assert.Equal(3, estimate.Median);
        Assert.Equal(3, estimate.Censored);
    }

    [Fact]
    public void When_everyone_had_an_event_the_median_is_not_reached()
    {
        var estimate = FollowUp.ReverseKaplanMeier([1, 2, 3], [true, true, true], 0.90);
        Assert.True(double.IsNaN(estimate.Median));
        Assert.Equal(0.90, estimate.ConfidenceLevel);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FollowUp.ReverseKaplanMeier([1, 2], [true]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FollowUp.ReverseKaplanMeier([double.NaN], [false]));
        Assert.ThrowsAny<ArgumentException>(() => FollowUp.ReverseKaplanMeier([], []));
    }
}
