using Evident.Statistics;
using Evident.Protocol.Synthetic;
using Evident.Statistics.Survival;

namespace Evident.Protocol.Tests;

public sealed class SyntheticTrialTests
{
    [Fact]
    public void SameSeedGivesTheSameTrial()
    {
        var design = new SyntheticTrialDesign { Participants = 300 };
        var a = SyntheticTrial.Generate(design, new Random(7));
        var b = SyntheticTrial.Generate(design, new Random(7));
        Assert.Equal(a, b);
        Assert.NotEqual(a, SyntheticTrial.Generate(design, new Random(8)));
    }

    [Fact]
    public void AllocationIsBalancedWithinStrataByBlocksOfFour()
    {
        var design = new SyntheticTrialDesign { Participants = 1000 };
        var trial = SyntheticTrial.Generate(design, new Random(1));
        foreach (var stratum in design.Strata)
        {
            var members = trial.Where(p => p.Stratum == stratum.Name).ToList();
            int treated = members.Count(p => p.Arm == design.TreatmentArm);
            Assert.InRange(treated - (members.Count - treated), -2, 2);
        }
    }

    [Fact]
    public void MilestoneSurvivalMatchesTheCalibrationInALargeTrial()
    {
        // Without loss to follow-up and with every participant followed past the milestone, KM at 36 months estimates
        // exp(-λ·36) = the calibrated survival; with 100,000 per arm the standard error is below 0.002.
        var design = new SyntheticTrialDesign
        {
            Participants = 400_000, YearlyLossToFollowUp = 0, AccrualMonths = 1, CutoffMonths = 40,
            Strata = [new("SR-average", 1.0, 0.902, 0.975)],
        };
        var trial = SyntheticTrial.Generate(design, new Random(3));
        var time = trial.Select(p => p.Time).ToArray();
        var isEvent = trial.Select(p => p.Event).ToArray();
        var arm = trial.Select(p => p.Arm == design.TreatmentArm ? 1 : 0).ToArray();
        var curves = KaplanMeier.FitGroups(time, isEvent, arm, 2);
        Assert.InRange(curves[0].At(36).Survival, 0.902 - 0.005, 0.902 + 0.005);
        Assert.InRange(curves[1].At(36).Survival, 0.975 - 0.005, 0.975 + 0.005);
    }

    [Fact]
    public void RejectsProportionsThatDoNotSumToOne()
    {
        var design = new SyntheticTrialDesign { Strata = [new("a", 0.5, 0.9, 0.95)] };
        var error = Assert.Throws<ArgumentException>(() => SyntheticTrial.Generate(design, new Random(1)));
        Assert.Contains("sum to 1", error.Message);
    }
}
