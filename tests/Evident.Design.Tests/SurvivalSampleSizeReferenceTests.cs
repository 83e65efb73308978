using System.Globalization;

namespace Evident.Design.Tests;

/// <summary>Sample size against rpact 3.3.4 <c>getSampleSizeSurvival</c> (Schoenfeld; cases from make_refs.R, rel 1e-4).</summary>
public class SurvivalSampleSizeReferenceTests
{
    [Theory]
    [InlineData("ss-fixed")]
    [InlineData("ss-obf-4")]
    public void MatchesRpact(string name)
    {
        var rc = ReferenceCase.Load(name);
        var result = SurvivalSampleSize.Compute(OptionsFrom(rc));

        rc.AssertClose(rc.Number("events_fixed"), result.EventsFixed, "events_fixed");
        rc.AssertClose(rc.Number("max_events"), result.MaxEvents, "max_events");
        rc.AssertClose(rc.Number("max_subjects"), result.MaxSubjects, "max_subjects");
        rc.AssertClose(rc.Number("accrual_intensity"), result.AccrualIntensity, "accrual_intensity");
    }

    internal static SurvivalSampleSizeOptions OptionsFrom(ReferenceCase rc)
    {
        double Num(string flag) => double.Parse(rc.Arg(flag)!, CultureInfo.InvariantCulture);
        return new SurvivalSampleSizeOptions
        {
            Design = GroupSequentialReferenceTests.OptionsFrom(rc),
            HazardRatio = Num("--hazard-ratio"),
            ControlMedian = Num("--control-median"),
            AccrualTime = Num("--accrual"),
            FollowUpTime = Num("--follow-up"),
            DropoutRate = rc.Arg("--dropout") is null ? 0 : Num("--dropout"),
            DropoutTime = rc.Arg("--dropout-time") is null ? 12 : Num("--dropout-time"),
        };
    }
}
