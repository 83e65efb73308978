using System.Globalization;
using Evident.Analysis.Models;
using Evident.Design.Simulation;
using Evident.Protocol;

namespace Evident.Reporting.Report;

/// <summary>The words the report and results.json use for the plan's primary test: its name and why it was not estimable.</summary>
internal static class PrimaryTestText
{
    /// <summary>The <c>kind</c> key: <c>logrank</c>, <c>fh</c>, <c>maxcombo</c> or <c>rmst</c>.</summary>
    public static string Kind(SimulationTest test) => test.Kind switch
    {
        SimulationTestKind.LogRank => "logrank",
        SimulationTestKind.FlemingHarrington => "fh",
        SimulationTestKind.MaxCombo => "maxcombo",
        _ => "rmst",
    };

    /// <summary>The test's name in the report, e.g. "MaxCombo of FH(0, 0), FH(0, 1)" or "RMST difference at τ = 300 days".</summary>
    public static string Name(SimulationTest test, TimeUnit unit) => test.Kind switch
    {
        SimulationTestKind.LogRank => "Log-rank test",
        SimulationTestKind.FlemingHarrington => "Fleming–Harrington " + Weight(test.Weights[0]) + " weighted log-rank test",
        SimulationTestKind.MaxCombo => "MaxCombo test of " + string.Join(", ", test.Weights.Select(Weight)),
        _ => "RMST difference at τ = " + ReportNumbers.Time(test.Tau) + " " + ReportText.Unit(unit),
    };

    /// <summary>Why the test was not estimable (results.json <c>reason</c>); null when it was.</summary>
    public static string? Reason(EstimateStatus status) => status switch
    {
        EstimateStatus.Estimated => null,
        EstimateStatus.NoParticipants => "no participants",
        EstimateStatus.SingleArm => "only one of the two arms has participants",
        EstimateStatus.NoEvents => "no events",
        EstimateStatus.NoInformation => "no event time with both arms at risk and a positive weight",
        EstimateStatus.BeyondFollowUp => "tau is beyond the shortest of the arms' longest follow-up",
        _ => status.ToString(),
    };

    private static string Weight(Evident.Statistics.Survival.FlemingHarringtonWeight w) =>
        string.Create(CultureInfo.InvariantCulture, $"FH({w.Rho:0.###}, {w.Gamma:0.###})");
}
