using Evident.Analysis.Models;
using Evident.Analysis.Results;
using Evident.Protocol;
using Evident.Statistics.Cox;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Plan;

/// <summary>
/// The primary analysis of <c>analyses.primary</c>: Kaplan–Meier per arm (<c>survfit</c>), the global log-rank test
/// over every arm and each comparison's own (<c>survdiff</c>), Cox hazard ratios (<c>coxph</c>, joint or pairwise),
/// overall stratified by the primary strata and unstratified within each stratum, and each comparison's RMST
/// difference (Royston–Parmar 2013).
/// </summary>
internal static class PrimaryAnalyser
{
    public static PrimaryResult Run(AnalysedTrial c)
    {
        var plan = c.Plan;
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        var followUp = c.FollowUp(endpoint);
        var all = Enumerable.Range(0, c.Rows.Length).ToArray();
        var overall = Group(c, "Overall", all, followUp, endpoint, stratified: true);
        var strata = new List<GroupResult>();
        if (plan.ByStratum && c.StratumLabels.Count > 1)
            for (int s = 0; s < c.StratumLabels.Count; s++)
                strata.Add(Group(c, c.StratumLabels[s], all.Where(i => c.Cell[i] == s).ToArray(), followUp, endpoint, stratified: false));

        var rmst = overall.Arms.Where(a => a.Curve is not null && endpoint.RmstHorizon is double)
                              .Select(a => RestrictedMean.Compute(a.Curve!, endpoint.RmstHorizon!.Value)).ToArray();
        return new PrimaryResult(endpoint, overall, strata.AsReadOnly(), Array.AsReadOnly(rmst), plan);
    }

    /// <summary>
    /// The hazard ratio of arm <paramref name="arm"/> against control among <paramref name="rows"/>, stratified by
    /// <paramref name="strata"/> when given (<see cref="CoxModel.HazardRatio"/>: a status says why when it is not estimable).
    /// </summary>
    public static HazardRatioEstimate HazardRatio(AnalysedTrial c, int[] rows, FollowUp followUp, int arm, int[]? strata)
    {
        var plan = c.Plan;
        var t = new List<double>(rows.Length);
        var e = new List<bool>(rows.Length);
        var x = new List<double>(rows.Length);
        var s = new List<int>(rows.Length);
        foreach (int i in rows)
        {
            if (c.Arm[i] != arm && c.Arm[i] != c.ControlArm) continue;
            t.Add(followUp.Time[i]);
            e.Add(followUp.IsEvent(i));
            x.Add(c.Arm[i] == arm ? 1 : 0);
            if (strata is not null) s.Add(strata[i]);
        }
        return CoxModel.HazardRatio(t.ToArray(), e.ToArray(), x.ToArray(), s.ToArray(),
                                    new CoxOptions { Ties = plan.Ties, ConfidenceLevel = plan.ConfidenceLevel });
    }

    /// <summary>Arms, Cox hazard ratios and the log-rank test of the given rows.</summary>
    private static GroupResult Group(AnalysedTrial c, string label, int[] rows, FollowUp followUp, Endpoint endpoint, bool stratified)
    {
        var plan = c.Plan;
        int arms = c.Protocol.Arms.Count;
        var t = new double[rows.Length];
        var e = new bool[rows.Length];
        var g = new int[rows.Length];
        var s = new int[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            (t[k], e[k], g[k], s[k]) = (followUp.Time[i], followUp.IsEvent(i), c.Arm[i], c.Cell[i]);
        }
        var summaries = new ArmSummary[arms];
        IReadOnlyList<KaplanMeierCurve>? curves = rows.Length > 0 ? KaplanMeier.FitGroups(t, e, g, arms, plan.ConfidenceType, plan.ConfidenceLevel) : null;
        for (int a = 0; a < arms; a++)
        {
            var arm = c.Protocol.Arms[a];
            var curve = curves is not null && curves[a].N > 0 ? curves[a] : null;
            var milestones = endpoint.Milestones.Select(m => curve is not null && m <= curve.RiskSets.Time[^1] ? curve.At(m) : null).ToArray();
            summaries[a] = new ArmSummary(arm.Id, arm.Label, curve?.N ?? 0, curve?.Events ?? 0, Array.AsReadOnly(milestones), curve);
        }
        bool useStrata = stratified && c.StratumLabels.Count > 1;
        var comparisons = ComparisonAnalyser.Run(c, rows, followUp, useStrata ? c.Cell : null, summaries, endpoint.RmstHorizon);
        var logRankStatus = rows.Length == 0 ? EstimateStatus.NoParticipants
                          : g.Distinct().Count() < 2 ? EstimateStatus.SingleArm
                          : EstimateStatus.Estimated;
        var logRank = logRankStatus == EstimateStatus.Estimated
            ? LogRank.Test(t, e, g, arms, useStrata ? s : ReadOnlySpan<int>.Empty, c.StratumLabels.Count)
            : null;
        return new GroupResult(label, Array.AsReadOnly(summaries), Array.AsReadOnly(comparisons), logRank, logRankStatus);
    }
}
