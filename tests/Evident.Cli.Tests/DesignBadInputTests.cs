namespace Evident.Cli.Tests;

/// <summary>Bad design input (issue 4): one clear line naming the option, exit code 2, nothing printed.</summary>
public sealed class DesignBadInputTests
{
    private static void AssertError(string message, params string[] args)
    {
        var (code, stdout, stderr) = Fixtures.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("(Parameter '", stderr);
    }

    [Fact]
    public void AlphaOfOneHalfIsRejected() =>
        AssertError("--alpha 0.5: the type I error rate must lie strictly between 0 and 0.5.",
            "boundaries", "--looks", "3", "--alpha", "0.5", "--spending", "pocock");

    [Fact]
    public void InformationNotIncreasing() =>
        AssertError("--information 0.3,0.2,1",
            "boundaries", "--looks", "3", "--information", "0.3,0.2,1", "--alpha", "0.025");

    [Fact]
    public void MoreLooksThanEventsInMonitoring() =>
        AssertError("--max-events 5: 10 looks need at least one event each",
            "monitor", "--looks", "10", "--alpha", "0.025", "--spending", "obrien-fleming", "--max-events", "5",
            "--hazard-ratio", "0.6", "--events", "1", "--z", "1.2");

    [Fact]
    public void MoreLooksThanEventsInSampleSize() =>
        AssertError("--looks 10: 10 looks need at least one event each",
            "samplesize", "--looks", "10", "--alpha", "0.025", "--power", "0.8", "--hazard-ratio", "0.02",
            "--control-median", "12", "--accrual", "24", "--follow-up", "12");

    [Fact]
    public void HazardRatioMustBePositive() =>
        AssertError("--hazard-ratio 0",
            "samplesize", "--alpha", "0.025", "--power", "0.8", "--hazard-ratio", "0",
            "--control-median", "12", "--accrual", "24", "--follow-up", "12");

    [Fact]
    public void UniformAndPiecewiseAccrualTogether() =>
        AssertError("give either --accrual (uniform accrual) or --accrual-time with --accrual-intensity.",
            "samplesize", "--hazard-ratio", "0.7", "--control-median", "12", "--accrual", "24", "--accrual-time", "0,6,24",
            "--accrual-intensity", "10,20");

    [Fact]
    public void FollowUpWithAbsoluteAccrualToAFixedEnd() =>
        AssertError("--follow-up 12: absolute accrual intensities with a fixed end fix the number of subjects",
            "samplesize", "--hazard-ratio", "0.7", "--control-median", "12", "--accrual-time", "0,6,24",
            "--accrual-intensity", "10,20", "--follow-up", "12");

    [Fact]
    public void RelativeIntensitiesNeedAnEnd() =>
        AssertError("--accrual-intensity 0.2,0.5: relative intensities (all below 1) need a fixed end of accrual",
            "samplesize", "--hazard-ratio", "0.7", "--control-median", "12", "--accrual-time", "0,6",
            "--accrual-intensity", "0.2,0.5", "--follow-up", "12");

    [Fact]
    public void OneStartPerHazardPiece() =>
        AssertError("--piecewise-time 0,6,12: 3 piece starts for 2 hazards",
            "samplesize", "--hazard-ratio", "0.7", "--lambda2", "0.04,0.02", "--piecewise-time", "0,6,12",
            "--accrual", "18", "--follow-up", "12");

    [Fact]
    public void HazardListMustBeNumbers() =>
        AssertError("--lambda2 '0.04,x': value 'x' is not a number",
            "samplesize", "--hazard-ratio", "0.7", "--lambda2", "0.04,x", "--piecewise-time", "0,6",
            "--accrual", "18", "--follow-up", "12");

    [Fact]
    public void EventsBeforeTheEndOfAccrual() =>
        AssertError("before accrual ends at 48, so fewer subjects would do",
            "samplesize", "--looks", "3", "--hazard-ratio", "0.7", "--control-median", "2", "--accrual-time", "0,6,48",
            "--accrual-intensity", "10,25");
}
