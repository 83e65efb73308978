using Evident.Analysis.Models;
using Evident.Analysis.Results;
using Evident.Protocol;
using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Plan;

/// <summary>
/// Each compared arm against the control within a group of participants: its hazard ratio from the joint model
/// (<c>coxph(Surv ~ arm + strata(…))</c> over every arm) or the pairwise one (the same on the two arms only), its
/// log-rank test on the two arms' participants (<c>survdiff</c> on the subset), its RMST difference and the plan's
/// primary test (<see cref="PrimaryTestAnalyser"/>).
/// </summary>
internal static class ComparisonAnalyser
{
    /// <summary>
    /// One comparison per compared arm among <paramref name="rows"/> (indices of analysed participants), stratified by
    /// <paramref name="strata"/> (a cell per analysed participant) when given; <paramref name="arms"/> are the group's
    /// arms in protocol order (their curves give the RMST at <paramref name="tau"/>, null without a horizon).
    /// </summary>
    public static ArmComparison[] Run(AnalysedTrial c, int[] rows, FollowUp followUp, int[]? strata, IReadOnlyList<ArmSummary> arms, double? tau)
    {
        var plan = c.Plan;
        var hazardRatios = plan.HazardRatioModel == HazardRatioModel.Joint
            ? JointHazardRatios(c, rows, followUp, strata)
            : c.Compare.Select(a => PrimaryAnalyser.HazardRatio(c, rows, followUp, a, strata)).ToArray();
        var comparisons = new ArmComparison[c.Compare.Length];
        for (int k = 0; k < comparisons.Length; k++)
        {
            int arm = c.Compare[k];
            var (pair, status) = Pair(c, rows, followUp, arm, strata);
            var test = pair is null ? null : LogRank.Test(pair.Time, pair.IsEvent, pair.Group, 2, pair.Stratum, pair.StratumCount);
            var difference = tau is double horizon ? Rmst(arms[arm], arms[c.ControlArm], horizon, plan.ConfidenceLevel) : null;
            var primary = PrimaryTestAnalyser.Run(plan, pair, status, test, arms[arm], arms[c.ControlArm]);
            comparisons[k] = new ArmComparison(c.Protocol.Arms[arm].Id, hazardRatios[k].HazardRatio, hazardRatios[k].Status, test, status, difference, primary);
        }
        return comparisons;
    }

    /// <summary>The RMST difference at τ, refused when τ is beyond either arm's last follow-up; null when an arm has no participant.</summary>
    public static RmstComparison? Rmst(ArmSummary arm, ArmSummary control, double tau, double level)
    {
        if (arm.Curve is not { } experimental || control.Curve is not { } reference) return null;
        double limit = Math.Min(arm.LastFollowUp, control.LastFollowUp);
        return tau > limit
            ? new RmstComparison(tau, limit, null)
            : new RmstComparison(tau, limit, RestrictedMean.Difference(RestrictedMean.Compute(experimental, tau), RestrictedMean.Compute(reference, tau), level));
    }

    /// <summary>
    /// R's <c>coxph(Surv ~ arm + strata(s))</c> over every arm among <paramref name="rows"/>: one dummy column per
    /// non-control arm (an arm without participants here is an aliased column, NA in R); each compared arm's coefficient.
    /// </summary>
    private static HazardRatioEstimate[] JointHazardRatios(AnalysedTrial c, int[] rows, FollowUp followUp, int[]? strata)
    {
        var plan = c.Plan;
        var columns = Enumerable.Range(0, c.Protocol.Arms.Count).Where(a => a != c.ControlArm).ToArray();
        HazardRatioEstimate[] All(EstimateStatus status) =>
            c.Compare.Select(_ => new HazardRatioEstimate(CoxModel.NotEstimable, status)).ToArray();
        if (rows.Length == 0) return All(EstimateStatus.NoParticipants);
        if (!rows.Any(followUp.IsEvent)) return All(EstimateStatus.NoEvents);
        if (!rows.Any(i => c.Arm[i] == c.ControlArm)) return All(EstimateStatus.Singular);
        var t = new double[rows.Length];
        var e = new bool[rows.Length];
        var x = new double[rows.Length * columns.Length];
        var s = strata is null ? [] : new int[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            (t[k], e[k]) = (followUp.Time[i], followUp.IsEvent(i));
            int column = Array.IndexOf(columns, c.Arm[i]);
            if (column >= 0) x[k * columns.Length + column] = 1;
            if (strata is not null) s[k] = strata[i];
        }
        var fit = CoxRegression.Fit(t, e, x, columns.Length, s, [], new CoxOptions { Ties = plan.Ties, ConfidenceLevel = plan.ConfidenceLevel });
        return c.Compare.Select(a =>
        {
            var term = fit.Terms[Array.IndexOf(columns, a)];
            return double.IsNaN(term.Estimate)
                ? new HazardRatioEstimate(CoxModel.NotEstimable, EstimateStatus.Singular)
                : new HazardRatioEstimate(term, EstimateStatus.Estimated);
        }).ToArray();
    }

    /// <summary>
    /// The participants of <paramref name="arm"/> and the control among <paramref name="rows"/>, coded for the two-group
    /// kernels (group 1 = the arm), or why there is nothing to compare.
    /// </summary>
    private static (TwoArmData? Pair, EstimateStatus Status) Pair(AnalysedTrial c, int[] rows, FollowUp followUp, int arm, int[]? strata)
    {
        var pair = rows.Where(i => c.Arm[i] == arm || c.Arm[i] == c.ControlArm).ToArray();
        if (pair.Length == 0) return (null, EstimateStatus.NoParticipants);
        var group = pair.Select(i => c.Arm[i] == arm ? 1 : 0).ToArray();
        if (group.Distinct().Count() < 2) return (null, EstimateStatus.SingleArm);
        var time = pair.Select(i => followUp.Time[i]).ToArray();
        var isEvent = pair.Select(followUp.IsEvent).ToArray();
        var stratum = strata is null ? [] : pair.Select(i => strata[i]).ToArray();
        return (new TwoArmData(time, isEvent, group, stratum, c.StratumLabels.Count), EstimateStatus.Estimated);
    }
}
