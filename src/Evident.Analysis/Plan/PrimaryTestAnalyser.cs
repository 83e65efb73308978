using Evident.Analysis.Models;
using Evident.Analysis.Results;
using Evident.Design.Simulation;
using Evident.Protocol;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Plan;

/// <summary>
/// The analysis plan's primary test of one comparison (<c>analyses.primary.test</c>): the log-rank test itself, an
/// FH(ρ, γ) weighted log-rank test (<see cref="LogRank.Test"/> with ρ and γ), MaxCombo (<see cref="MaxCombo.Test"/>),
/// each on the two arms' participants and stratified as the comparison's log-rank test, or the RMST difference at the
/// test's τ from the two arms' Kaplan–Meier curves (unstratified, as the RMST comparison is).
/// </summary>
internal static class PrimaryTestAnalyser
{
    /// <summary>
    /// The test on <paramref name="pair"/> (null when <paramref name="pairStatus"/> says why there is nothing to test);
    /// <paramref name="logRank"/> is the comparison's log-rank test, reused when the plan's test is the log-rank test.
    /// </summary>
    public static PrimaryTestResult Run(PrimaryAnalysis plan, TwoArmData? pair, EstimateStatus pairStatus, LogRankTest? logRank,
                                        ArmSummary arm, ArmSummary control)
    {
        var test = plan.Test;
        if (pair is null) return NotEstimable(test, pairStatus);
        switch (test.Kind)
        {
            case SimulationTestKind.LogRank:
                return Weighted(test, logRank!, pair);
            case SimulationTestKind.FlemingHarrington:
                var w = test.Weights[0];
                return Weighted(test, LogRank.Test(pair.Time, pair.IsEvent, pair.Group, 2, pair.Stratum, pair.StratumCount, w.Rho, w.Gamma), pair);
            case SimulationTestKind.MaxCombo:
                return MaxComboTest(test, pair);
            default:
                var rmst = ComparisonAnalyser.Rmst(arm, control, test.Tau, plan.ConfidenceLevel);
                if (rmst?.Difference is not { } d) return NotEstimable(test, rmst is null ? EstimateStatus.SingleArm : EstimateStatus.BeyondFollowUp);
                return new PrimaryTestResult(test, EstimateStatus.Estimated, d.Z, d.PValue, [], null, d);
        }
    }

    /// <summary>
    /// A weighted log-rank test as one component: the compared arm's (group 1's) weighted O − E, its variance and
    /// z = (O − E)/√V; zero variance (no weighted information) is not estimable.
    /// </summary>
    private static PrimaryTestResult Weighted(SimulationTest test, LogRankTest t, TwoArmData pair)
    {
        var g = t.Groups[1];
        if (!(g.Variance > 0)) return NotEstimable(test, pair.IsEvent.Contains(true) ? EstimateStatus.NoInformation : EstimateStatus.NoEvents);
        double score = g.Observed - g.Expected;
        var component = new MaxComboComponent(new FlemingHarringtonWeight(t.Rho, t.Gamma), score, g.Variance, score / Math.Sqrt(g.Variance));
        return new PrimaryTestResult(test, EstimateStatus.Estimated, t.Statistic, t.PValue, [component], null, null);
    }

    /// <summary>MaxCombo with the compared arm as the first group, so that each z is the arm's.</summary>
    private static PrimaryTestResult MaxComboTest(SimulationTest test, TwoArmData pair)
    {
        if (!pair.IsEvent.Contains(true)) return NotEstimable(test, EstimateStatus.NoEvents);
        var armFirst = pair.Group.Select(g => 1 - g).ToArray();
        try
        {
            var t = MaxCombo.Test(pair.Time, pair.IsEvent, armFirst, pair.Stratum, pair.StratumCount, test.Weights);
            return new PrimaryTestResult(test, EstimateStatus.Estimated, t.Statistic, t.PValue, t.Components, t, null);
        }
        catch (InvalidOperationException)
        {
            return NotEstimable(test, EstimateStatus.NoInformation);
        }
    }

    private static PrimaryTestResult NotEstimable(SimulationTest test, EstimateStatus status) =>
        new(test, status, double.NaN, double.NaN, [], null, null);
}
