using Evident.Analysis.Results;

namespace Evident.Analysis.Plan;

/// <summary>
/// The subgroup analysis of <c>analyses.subgroups</c>: within each level of each factor or covariate, the Cox hazard
/// ratio of each compared arm against control on those two arms' participants, stratified by the other primary strata.
/// </summary>
internal static class SubgroupAnalyser
{
    public static IReadOnlyList<SubgroupResult> Run(AnalysedTrial c)
    {
        var plan = c.Protocol.Analyses.Subgroups;
        if (plan is null || c.Compare.Length == 0) return [];
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        var followUp = c.FollowUp(endpoint);
        var results = new List<SubgroupResult>();
        foreach (int experimental in c.Compare)
            foreach (string factorId in plan.By)
            {
                var (label, levels, levelOf) = Levels(c, factorId);
                var otherCells = c.CellsWithout(factorId);
                int missing = Enumerable.Range(0, c.Rows.Length).Count(i => levelOf(i) is null && (c.Arm[i] == experimental || c.Arm[i] == c.ControlArm));
                var interaction = Interaction(c, followUp, experimental, levels, levelOf, otherCells);
                foreach (string level in levels)
                {
                    var rows = Enumerable.Range(0, c.Rows.Length).Where(i => levelOf(i) == level && (c.Arm[i] == experimental || c.Arm[i] == c.ControlArm)).ToArray();
                    int events = rows.Count(followUp.IsEvent);
                    var (hazardRatio, status) = PrimaryAnalyser.HazardRatio(c, rows, followUp, experimental, otherCells);
                    results.Add(new SubgroupResult(c.Protocol.Arms[experimental].Id, factorId, label, level, rows.Length, events, hazardRatio, status, missing, interaction));
                }
            }
        return results.AsReadOnly();
    }

    /// <summary>The arm × subgroup likelihood-ratio test on the two arms' participants whose level is known.</summary>
    private static Statistics.ChiSquareTest? Interaction(AnalysedTrial c, FollowUp followUp, int experimental, IReadOnlyList<string> levels,
                                                        Func<int, string?> levelOf, int[]? otherCells)
    {
        var rows = Enumerable.Range(0, c.Rows.Length)
                             .Where(i => levelOf(i) is { } l && levels.Contains(l) && (c.Arm[i] == experimental || c.Arm[i] == c.ControlArm)).ToArray();
        var levelList = levels.ToList();
        return InteractionTest.Run(rows.Select(i => followUp.Time[i]).ToArray(), rows.Select(followUp.IsEvent).ToArray(),
                                   rows.Select(i => c.Arm[i] == experimental ? 1 : 0).ToArray(), rows.Select(i => levelList.IndexOf(levelOf(i)!)).ToArray(),
                                   levels.Count, otherCells is null ? [] : rows.Select(i => otherCells[i]).ToArray(),
                                   new Statistics.Cox.CoxOptions { Ties = c.Plan.Ties, ConfidenceLevel = c.Plan.ConfidenceLevel });
    }

    /// <summary>
    /// A stratification factor's or covariate's label, its levels (a covariate without declared levels: those present,
    /// in ordinal order) and each analysed participant's level.
    /// </summary>
    private static (string Label, IReadOnlyList<string> Levels, Func<int, string?> LevelOf) Levels(AnalysedTrial c, string factorId)
    {
        int f = c.Protocol.Strata.ToList().FindIndex(x => x.Id == factorId);
        if (f >= 0)
        {
            var factor = c.Protocol.Strata[f];
            return (factor.Label, factor.Levels, i => factor.Levels[c.Participant(i).Strata[f]]);
        }
        int v = c.Protocol.Covariates.ToList().FindIndex(x => x.Id == factorId);
        var covariate = c.Protocol.Covariates[v];
        var levels = covariate.Levels.Count > 0 ? covariate.Levels
            : Enumerable.Range(0, c.Rows.Length).Select(i => c.Participant(i).Covariates[v]).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        return (covariate.Label, levels, i => c.Participant(i).Covariates[v]);
    }
}
