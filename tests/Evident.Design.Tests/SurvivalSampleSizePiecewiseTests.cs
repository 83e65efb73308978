namespace Evident.Design.Tests;

/// <summary>Piecewise accrual and hazards: invariances, rpact's accrual cases, and the inputs that are refused.</summary>
public class SurvivalSampleSizePiecewiseTests
{
    private static SurvivalSampleSizeOptions Base => new()
    {
        Design = new GroupSequentialOptions { Looks = 3, Alpha = 0.025, Beta = 0.2 },
        HazardRatio = 0.7, ControlMedian = 20, AccrualTime = 24, FollowUpTime = 12,
    };

    [Fact]
    public void EqualHazardPiecesAreExponential()
    {
        var exponential = SurvivalSampleSize.Compute(Base);
        var pieces = SurvivalSampleSize.Compute(Base with
        {
            ControlMedian = null, ControlHazards = [Math.Log(2) / 20, Math.Log(2) / 20, Math.Log(2) / 20], PiecewiseSurvivalTimes = [0, 5, 17],
        });
        Assert.Equal(exponential.MaxSubjects, pieces.MaxSubjects, 9);
        for (int k = 0; k < 3; k++) Assert.Equal(exponential.AnalysisTimes[k], pieces.AnalysisTimes[k], 9);
    }

    [Fact]
    public void SplittingAnAccrualPieceChangesNothing()
    {
        var uniform = SurvivalSampleSize.Compute(Base);
        var split = SurvivalSampleSize.Compute(Base with { AccrualTime = null, AccrualTimes = [0, 7, 24], AccrualIntensities = [0.3, 0.3] });
        Assert.Equal(uniform.MaxSubjects, split.MaxSubjects, 9);
        Assert.Equal(uniform.AnalysisTimes[0], split.AnalysisTimes[0], 9);
        Assert.Equal(split.AccrualIntensities[0], split.AccrualIntensities[1], 12);
    }

    [Fact]
    public void RescalingTimeRescalesTheSchedule()
    {
        var months = SurvivalSampleSize.Compute(Base with { ControlMedian = null, ControlHazards = [0.05, 0.02], PiecewiseSurvivalTimes = [0, 6], DropoutRate = 0.1 });
        var weeks = SurvivalSampleSize.Compute(Base with
        {
            ControlMedian = null, ControlHazards = [0.05 / 4, 0.02 / 4], PiecewiseSurvivalTimes = [0, 24], DropoutRate = 0.1, DropoutTime = 48,
            AccrualTime = 96, FollowUpTime = 48,
        });
        Assert.Equal(months.MaxSubjects, weeks.MaxSubjects, 8);
        for (int k = 0; k < 3; k++) Assert.Equal(4 * months.AnalysisTimes[k], weeks.AnalysisTimes[k], 8);
    }

    [Fact]
    public void GivenSubjectsGiveBackTheFollowUpTheyCameFrom()
    {
        var byFollowUp = SurvivalSampleSize.Compute(Base with { ControlMedian = null, ControlHazards = [0.05, 0.02], PiecewiseSurvivalTimes = [0, 6] });
        var bySubjects = SurvivalSampleSize.Compute(Base with
        {
            ControlMedian = null, ControlHazards = [0.05, 0.02], PiecewiseSurvivalTimes = [0, 6], FollowUpTime = null, MaxSubjects = byFollowUp.MaxSubjects,
        });
        Assert.Equal(12, bySubjects.FollowUpTime, 8);
        Assert.Equal(byFollowUp.AnalysisTimes[1], bySubjects.AnalysisTimes[1], 8);
    }

    [Fact]
    public void OpenAccrualEndsWhenTheSubjectsAreEnrolled()
    {
        var r = SurvivalSampleSize.Compute(Base with { AccrualTime = null, AccrualTimes = [0, 6], AccrualIntensities = [10, 30] });
        double end = r.AccrualTimes[^1];
        Assert.Equal(60 + 30 * (end - 6), r.MaxSubjects, 9);
        Assert.Equal(end + 12, r.StudyDuration, 9);
        Assert.Equal([10.0, 30.0], r.AccrualIntensities);
    }

    [Fact]
    public void AbsoluteAccrualWithAFixedEndComputesTheFollowUp()
    {
        var r = SurvivalSampleSize.Compute(Base with { AccrualTime = null, AccrualTimes = [0, 6, 24], AccrualIntensities = [10, 25], FollowUpTime = null });
        Assert.Equal(510, r.MaxSubjects, 9);
        Assert.Equal(r.StudyDuration - 24, r.FollowUpTime, 12);
        Assert.Equal([0.0, 6, 24], r.AccrualTimes);
    }

    public static TheoryData<string, SurvivalSampleSizeOptions> Refused() => new()
    {
        { "AccrualIntensities", Base with { AccrualTime = null, AccrualTimes = [0, 6], AccrualIntensities = [0.2, 0.5] } },
        { "FollowUpTime", Base with { AccrualTime = null, AccrualTimes = [0, 6, 24], AccrualIntensities = [10, 25] } },
        { "MaxSubjects", Base with { MaxSubjects = 500 } },
        { "MaxSubjects", Base with { FollowUpTime = null, MaxSubjects = 200 } },
        { "MaxSubjects", Base with { FollowUpTime = null, MaxSubjects = 5000 } },
        { "AccrualIntensities", Base with { AccrualTime = null, AccrualTimes = [0, 6, 24], AccrualIntensities = [10] } },
        { "AccrualIntensities", Base with { AccrualTime = null, AccrualTimes = [0, 6], AccrualIntensities = [10, 0] } },
        { "AccrualIntensities", Base with { AccrualTime = null, AccrualTimes = [0, 6, 24], AccrualIntensities = [double.NaN, 25] } },
        { "AccrualTimes", Base with { AccrualTime = null, AccrualTimes = [1, 6, 24], AccrualIntensities = [10, 25] } },
        { "AccrualTimes", Base with { AccrualTime = null, AccrualTimes = [0, 6, 6], AccrualIntensities = [10, 25] } },
        { "AccrualTimes", Base with { AccrualTime = null } },
        { "AccrualTime", Base with { AccrualTimes = [0, 6, 24], AccrualIntensities = [10, 25] } },
        { "FollowUpTime", Base with { FollowUpTime = null } },
        { "ControlMedian", Base with { ControlHazards = [0.1] } },
        { "ControlHazards", Base with { ControlMedian = null, ControlHazards = [0.05, double.PositiveInfinity], PiecewiseSurvivalTimes = [0, 6] } },
        { "ControlHazards", Base with { ControlMedian = null, ControlHazards = [0.05, 0], PiecewiseSurvivalTimes = [0, 6] } },
        { "PiecewiseSurvivalTimes", Base with { ControlMedian = null, ControlHazards = [0.05, 0.02] } },
        { "PiecewiseSurvivalTimes", Base with { ControlMedian = null, ControlHazards = [0.05, 0.02], PiecewiseSurvivalTimes = [0, double.NaN] } },
        { "PiecewiseSurvivalTimes", Base with { PiecewiseSurvivalTimes = [0, 6] } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusesWithTheInputAtFault(string input, SurvivalSampleSizeOptions options)
    {
        var e = Assert.Throws<DesignInputException>(() => SurvivalSampleSize.Compute(options));
        Assert.Equal(input, e.Input);
    }
}
