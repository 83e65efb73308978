using MathNet.Numerics.Distributions;

namespace Evident.Design.Tests;

public class SurvivalSampleSizeTests
{
    private static SurvivalSampleSizeOptions Base => new()
    {
        Design = new GroupSequentialOptions { Looks = 1, Alpha = 0.025, Beta = 0.1 },
        HazardRatio = 0.7, ControlMedian = 60, AccrualTime = 48, FollowUpTime = 36,
    };

    [Fact]
    public void SchoenfeldEventsByHand()
    {
        // (z_0.975 + z_0.9)² · 4 / log²(0.7) = 330.3779 (rpact ss-fixed).
        double z = Normal.InvCDF(0, 1, 0.975) + Normal.InvCDF(0, 1, 0.9);
        var r = SurvivalSampleSize.Compute(Base);
        Assert.Equal(z * z * 4 / Math.Pow(Math.Log(0.7), 2), r.EventsFixed, 9);
        Assert.Equal(r.EventsFixed, r.MaxEvents);
        Assert.Equal(r.MaxSubjects / 48, Assert.Single(r.AccrualIntensities), 12);
        Assert.Equal(84, r.StudyDuration);
        Assert.Equal([84.0], r.AnalysisTimes);
    }

    [Fact]
    public void ExpectedEventsAtTheEndEqualMaxEventsByHand()
    {
        // Uniform accrual on [0, A], exponential λ: P(event by A + F) = 1 − (e^{−λF} − e^{−λ(A+F)})/(λA).
        var r = SurvivalSampleSize.Compute(Base);
        double P(double l) => 1 - (Math.Exp(-l * 36) - Math.Exp(-l * 84)) / (l * 48);
        double l2 = Math.Log(2) / 60, l1 = 0.7 * l2;
        Assert.Equal(r.MaxEvents, r.MaxSubjects * (P(l1) + P(l2)) / 2, 8);
        Assert.Equal(l2, Assert.Single(r.ControlHazards), 15);
        Assert.Equal(l1, Assert.Single(r.TreatmentHazards), 15);
    }

    [Fact]
    public void HazardGivenDirectlyEqualsMedian()
    {
        var byMedian = SurvivalSampleSize.Compute(Base);
        var byHazard = SurvivalSampleSize.Compute(Base with { ControlMedian = null, ControlHazard = Math.Log(2) / 60 });
        Assert.Equal(byMedian.MaxSubjects, byHazard.MaxSubjects, 9);
    }

    [Fact]
    public void EventsAreSymmetricInTheLogHazardRatio()
    {
        var a = SurvivalSampleSize.Compute(Base with { HazardRatio = 0.7 });
        var b = SurvivalSampleSize.Compute(Base with { HazardRatio = 1 / 0.7 });
        Assert.Equal(a.EventsFixed, b.EventsFixed, 9);
    }

    [Fact]
    public void AllocationRatioScalesEventsByOnePlusRSquaredOverR()
    {
        var one = SurvivalSampleSize.Compute(Base);
        var two = SurvivalSampleSize.Compute(Base with { AllocationRatio = 2 });
        Assert.Equal(one.EventsFixed * (9.0 / 2) / 4, two.EventsFixed, 9);
    }

    [Fact]
    public void DropoutNeedsMoreSubjectsForTheSameEvents()
    {
        var none = SurvivalSampleSize.Compute(Base);
        var some = SurvivalSampleSize.Compute(Base with { DropoutRate = 0.1, DropoutTime = 12 });
        Assert.Equal(none.MaxEvents, some.MaxEvents);
        Assert.True(some.MaxSubjects > none.MaxSubjects);
    }

    [Fact]
    public void TwoSidedUsesHalfAlpha()
    {
        var two = SurvivalSampleSize.Compute(Base with { Design = Base.Design with { Alpha = 0.05, TwoSided = true } });
        Assert.Equal(SurvivalSampleSize.Compute(Base).EventsFixed, two.EventsFixed, 9);
    }

    [Fact]
    public void GroupSequentialLooksHappenWhenPlannedEventsAreExpected()
    {
        var options = Base with
        {
            Design = new GroupSequentialOptions { Looks = 4, Alpha = 0.025, Beta = 0.2 },
            HazardRatio = 0.6, ControlMedian = 48, AccrualTime = 36, FollowUpTime = 24, DropoutRate = 0.05,
        };
        var r = SurvivalSampleSize.Compute(options);
        Assert.Equal(r.EventsFixed * r.Design.InflationFactor, r.MaxEvents, 12);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(r.Design.Information[k] * r.MaxEvents, r.EventsPerLook[k], 12);
            if (k > 0) Assert.True(r.AnalysisTimes[k] > r.AnalysisTimes[k - 1]);
            Assert.Equal(r.MaxSubjects * Math.Min(r.AnalysisTimes[k], 36) / 36, r.SubjectsPerLook[k], 9);
        }
        Assert.True(r.ExpectedEventsH1 < r.MaxEvents && r.ExpectedEventsH0 < r.MaxEvents);
        Assert.True(r.ExpectedStudyDurationH1 < r.StudyDuration);
        Assert.Equal(r.Design.ExpectedInformationH1 * r.EventsFixed, r.ExpectedEventsH1, 12);
    }

    public static TheoryData<SurvivalSampleSizeOptions> BadOptions()
    {
        var b = Base;
        return new()
        {
            b with { HazardRatio = 1 },
            b with { HazardRatio = 0 },
            b with { HazardRatio = -0.5 },
            b with { HazardRatio = double.NaN },
            b with { HazardRatio = double.PositiveInfinity },
            b with { ControlMedian = null },
            b with { ControlHazard = 0.01 },
            b with { ControlMedian = double.NaN },
            b with { ControlMedian = double.PositiveInfinity },
            b with { ControlMedian = 0 },
            b with { AccrualTime = 0 },
            b with { AccrualTime = double.NaN },
            b with { FollowUpTime = -1 },
            b with { FollowUpTime = double.PositiveInfinity },
            b with { DropoutRate = 1 },
            b with { DropoutRate = double.NaN },
            b with { DropoutTime = 0 },
            b with { AllocationRatio = 0 },
            b with { Design = b.Design with { Alpha = 0.7 } },
        };
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadInputIsRejected(SurvivalSampleSizeOptions options) =>
        Assert.ThrowsAny<ArgumentException>(() => SurvivalSampleSize.Compute(options));

    [Fact]
    public void NoFollowUpIsAllowed()
    {
        var r = SurvivalSampleSize.Compute(Base with { FollowUpTime = 0 });
        Assert.Equal(48, r.StudyDuration);
        Assert.True(r.MaxSubjects > SurvivalSampleSize.Compute(Base).MaxSubjects);
    }
}
