using Evident.Design.Monitoring;
using Evident.Design.Simulation;

namespace Evident.Design.Tests;

/// <summary>
/// Issue 4's bad-input rules: α strictly inside (0, 0.5), more looks than events, and messages that name the input and
/// value without .NET's "(Parameter '…')" suffix (the CLI restates <see cref="DesignInputException"/> in option names;
/// this project does not reference the CLI, so these are the library halves of those checks).
/// </summary>
public class InputErrorTests
{
    private static readonly GroupSequentialOptions Obf4 = new() { Looks = 4, Information = [0.25, 0.5, 0.75, 1], Alpha = 0.025 };

    private static SurvivalSampleSizeOptions SampleSize(int looks, double hr) => new()
    {
        Design = new GroupSequentialOptions { Looks = looks, Alpha = 0.025, Beta = 0.2 },
        HazardRatio = hr,
        ControlMedian = 12,
        AccrualTime = 24,
        FollowUpTime = 12,
    };

    private static InterimAnalysis Monitor(GroupSequentialOptions design, double maxEvents, double[]? events = null) =>
        InterimMonitoring.Analyse(new MonitoringOptions { Design = design, Events = events ?? [1], Z = events is null ? [0.5] : events.Select(_ => 0.5).ToArray(), MaxEvents = maxEvents });

    [Fact]
    public void AlphaOfOneHalfIsRejected()
    {
        // evident boundaries --looks 3 --alpha 0.5 --spending pocock
        var ex = Assert.Throws<DesignInputException>(() => GroupSequential.Create(new GroupSequentialOptions { Looks = 3, Alpha = 0.5, Spending = SpendingFunction.Pocock }));
        Assert.Equal("Alpha", ex.Input);
        Assert.Equal("0.5", ex.Value);
        Assert.Equal("Alpha = 0.5: the type I error rate must lie strictly between 0 and 0.5.", ex.Message);
        Assert.Throws<DesignInputException>(() => SurvivalSampleSize.Compute(SampleSize(1, 0.7) with { Design = new GroupSequentialOptions { Alpha = 0.5 } }));
        Assert.Throws<DesignInputException>(() => Monitor(Obf4 with { Alpha = 0.5 }, 165, [40]));
        var justBelow = GroupSequential.Create(new GroupSequentialOptions { Looks = 3, Alpha = 0.4999, Spending = SpendingFunction.Pocock });
        Assert.Equal(0.4999, justBelow.AlphaSpent[^1], 10);
    }

    [Fact]
    public void RepeatedPValueIsStillCappedAtOneHalf()
    {
        // The cap evaluates the bound at α = 0.5 internally; the public check must not break it.
        var r = InterimMonitoring.Analyse(new MonitoringOptions { Design = Obf4, Events = [41], Z = [-1.5], MaxEvents = 165 });
        Assert.Equal(0.5, r.Looks[0].RepeatedPValue);
    }

    [Fact]
    public void SampleSizeWithMoreLooksThanEventsIsRejected()
    {
        // evident samplesize --looks 10 --hazard-ratio 0.02 …: Schoenfeld gives about 2.1 events over 10 looks.
        var ex = Assert.Throws<DesignInputException>(() => SurvivalSampleSize.Compute(SampleSize(10, 0.02)));
        Assert.Equal("Looks", ex.Input);
        Assert.Equal("10", ex.Value);
        Assert.Contains("more looks than events", ex.Message);
        Assert.StartsWith("Looks = 10: 10 looks need at least one event each, but only 2.", ex.Message);
        Assert.DoesNotContain("(Parameter", ex.Message);
        // The same effect with a single look is a valid (tiny) fixed design.
        var fixedDesign = SurvivalSampleSize.Compute(SampleSize(1, 0.02));
        Assert.True(fixedDesign.MaxEvents is > 1 and < 3, $"{fixedDesign.MaxEvents}");
    }

    [Fact]
    public void SampleSizeRuleIsOneNewEventPerLook()
    {
        // D_fixed = (z_0.975 + z_0.8)²·4/log²(HR); HR 0.04 gives 3.030 events. Three equally spaced looks (O'Brien–
        // Fleming inflation ≈ 1.015) add just over one event each and are allowed; four looks are not.
        double fixedEvents = Math.Pow(1.959963984540054 + 0.8416212335729143, 2) * 4 / Math.Pow(Math.Log(0.04), 2);
        Assert.Equal(fixedEvents, SurvivalSampleSize.Compute(SampleSize(1, 0.04)).MaxEvents, 10);
        var three = SurvivalSampleSize.Compute(SampleSize(3, 0.04));
        Assert.InRange(three.EventsPerLook[0], 1, 1.1);
        var ex = Assert.Throws<DesignInputException>(() => SurvivalSampleSize.Compute(SampleSize(4, 0.04)));
        Assert.Contains("4 looks need at least one event each, but only 3.0", ex.Message);
    }

    [Fact]
    public void MonitoringWithMoreLooksThanEventsIsRejected()
    {
        // evident monitor --looks 10 … --max-events 5
        var ten = new GroupSequentialOptions { Looks = 10 };
        var ex = Assert.Throws<DesignInputException>(() => Monitor(ten, 5));
        Assert.Equal("MaxEvents", ex.Input);
        Assert.Equal("MaxEvents = 5: 10 looks need at least one event each, but only 5 events are planned in all (more looks than events).", ex.Message);
        // Exactly one planned event per look is allowed; one short of it is not.
        Assert.Equal(0.25, Monitor(Obf4, 4).Looks[0].InformationFraction, 15);
        var short4 = Assert.Throws<DesignInputException>(() => Monitor(Obf4, 3.99));
        Assert.Equal("MaxEvents = 3.99: 4 looks need at least one event each, but only 3.99 events are planned in all (more looks than events).", short4.Message);
        var gap = Assert.Throws<DesignInputException>(() => Monitor(Obf4 with { Information = [0.2, 0.5, 0.75, 1] }, 4.5));
        Assert.Equal("MaxEvents = 4.5: look 1 adds only 0.9 planned events (information 0 to 0.2 of 4.5); every look needs at least one new event.", gap.Message);
        // Enough events in all, but the first look would come after 0.9 events.
        var uneven = Assert.Throws<DesignInputException>(() => Monitor(new GroupSequentialOptions { Looks = 3, Information = [0.1, 0.5, 1] }, 9));
        Assert.Contains("look 1 adds only 0.9 planned events", uneven.Message);
        Assert.Equal(0.1, Monitor(new GroupSequentialOptions { Looks = 3, Information = [0.1, 0.5, 1] }, 10).Looks[0].InformationFraction, 15);
    }

    [Theory]
    [InlineData(0.0, "HazardRatio = 0: must be a positive finite number.")]
    [InlineData(-1.0, "HazardRatio = -1: must be a positive finite number.")]
    [InlineData(double.NaN, "HazardRatio = NaN: must be a positive finite number.")]
    [InlineData(double.PositiveInfinity, "HazardRatio = Infinity: must be a positive finite number.")]
    [InlineData(1.0, "HazardRatio = 1: there is no effect to detect.")]
    public void SampleSizeMessagesNameTheInputAndValue(double hr, string message)
    {
        var ex = Assert.Throws<DesignInputException>(() => SurvivalSampleSize.Compute(SampleSize(1, hr)));
        Assert.Equal(message, ex.Message);
        Assert.Equal("HazardRatio", ex.Input);
        Assert.Equal("HazardRatio", ex.ParamName);
        Assert.Equal(message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..], ex.Problem);
    }

    [Fact]
    public void InformationMessagesQuoteTheWholeList()
    {
        var ex = Assert.Throws<DesignInputException>(() => GroupSequential.Create(new GroupSequentialOptions { Looks = 3, Information = [0.3, 0.2, 1] }));
        Assert.Equal("Information", ex.Input);
        Assert.Equal("0.3,0.2,1", ex.Value);
        Assert.Equal("Information = 0.3,0.2,1: value 2 (0.2) is not greater than value 1 (0.3): information fractions must be strictly increasing.", ex.Message);
        var alpha = Assert.Throws<DesignInputException>(() => GroupSequential.Create(new GroupSequentialOptions { Alpha = 0 }));
        Assert.Equal("Alpha = 0: the type I error rate must lie strictly between 0 and 0.5.", alpha.Message);
    }

    [Fact]
    public void MonitoringAndSimulationMessagesHaveNoParameterSuffix()
    {
        var events = Assert.Throws<DesignInputException>(() => Monitor(Obf4, 165, [80, 40]));
        Assert.Equal("Events = 80,40: value 2 (40) is not greater than value 1 (80): events must increase from look to look.", events.Message);
        var hr = Assert.Throws<DesignInputException>(() => SimulationScenario.Exponential(Obf4, 0, 0.01, 60, 1440, [41, 83, 124, 165]));
        Assert.Equal("HazardRatio = 0: must be a positive finite number.", hr.Message);
        var schedule = Assert.Throws<DesignInputException>(() => SurvivalSimulation.Validate(SimulationScenario.Exponential(Obf4, 0.6, 0.01, 60, 1440, [41, 83, 83, 165])));
        Assert.Equal(SurvivalSimulation.ScheduleInput, schedule.Input);
        Assert.Equal("Looks.Values = 41,83,83,165: look 3 at 83 is not after look 2 at 83: looks must be strictly increasing.", schedule.Message);
    }
}
