using Evident.Analysis.Results;
using Evident.Protocol;
using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Plan;

/// <summary>
/// The competing-risks analyses of <c>analyses.competing_risks</c>: Aalen–Johansen cumulative incidence of each cause
/// by arm with Gray's (1988) test (<c>cmprsk::cuminc</c>) across all arms and for each comparison with the control on
/// its two arms' participants, overall and per stratum, at every milestone of the endpoint.
/// </summary>
internal static class CompetingRisksAnalyser
{
    /// <summary>Every block of the plan, in its order; a block whose endpoint has no event of any cause is left out with a note.</summary>
    public static IReadOnlyList<CompetingRisksResult> Run(AnalysedTrial c, List<string> notes) =>
        c.Protocol.Analyses.CompetingRisks.Select(plan => Run(c, plan, notes)).OfType<CompetingRisksResult>().ToArray();

    private static CompetingRisksResult? Run(AnalysedTrial c, CompetingRisksAnalysis plan, List<string> notes)
    {
        var endpoint = c.Protocol.Endpoint(plan.Endpoint);
        var (time, component) = c.FollowUp(endpoint);
        var cause = new int[time.Length];
        for (int i = 0; i < cause.Length; i++)
        {
            if (component[i] < 0) continue;
            string id = c.Protocol.Components[component[i]].Id;
            cause[i] = 1 + endpoint.Causes.ToList().FindIndex(x => x.Components.Contains(id));
        }
        var all = Enumerable.Range(0, time.Length).ToArray();
        var overall = Causes(c, endpoint, plan.GrayTest, all, time, cause);
        if (overall is null)
        {
            notes.Add($"{plan.Title}: no event of any cause, so no cumulative incidence was estimated.");
            return null;
        }
        var strata = new List<KeyValuePair<string, IReadOnlyList<CauseResult>>>();
        if (plan.ByStratum && c.StratumLabels.Count > 1)
            for (int s = 0; s < c.StratumLabels.Count; s++)
                if (Causes(c, endpoint, plan.GrayTest, all.Where(i => c.Cell[i] == s).ToArray(), time, cause) is { } causes)
                    strata.Add(new(c.StratumLabels[s], causes));
        return new CompetingRisksResult(endpoint.Id, plan.Title, endpoint.Milestones, overall, strata.AsReadOnly());
    }

    /// <summary>Every cause among <paramref name="rows"/>, or null when none of them had an event of any cause.</summary>
    private static IReadOnlyList<CauseResult>? Causes(AnalysedTrial c, Endpoint endpoint, bool grayTest, int[] rows, double[] time, int[] cause)
    {
        int arms = c.Protocol.Arms.Count;
        var t = rows.Select(i => time[i]).ToArray();
        var k = rows.Select(i => cause[i]).ToArray();
        var g = rows.Select(i => c.Arm[i]).ToArray();
        if (!k.Any(x => x > 0)) return null;
        var fit = AalenJohansen.Fit(t, k, g, arms, [], 1);
        var results = new CauseResult[endpoint.Causes.Count];
        for (int j = 0; j < results.Length; j++)
        {
            int code = j + 1;
            bool present = fit.Causes.Contains(code);
            var perArm = new CauseArm[arms];
            for (int a = 0; a < arms; a++)
            {
                int events = 0;
                for (int r = 0; r < k.Length; r++) if (k[r] == code && g[r] == a) events++;
                var curve = present ? fit.Curve(a, code) : null;
                double last = Enumerable.Range(0, t.Length).Where(r => g[r] == a).Select(r => t[r]).DefaultIfEmpty(double.NaN).Max();
                var at = endpoint.Milestones.Select(m => m <= last ? curve?.At(m) ?? new CumulativeIncidencePoint(m, 0, 0) : null).ToArray();
                perArm[a] = new CauseArm(c.Protocol.Arms[a].Id, events, Array.AsReadOnly(at), curve, last);
            }
            var test = grayTest && present ? fit.Tests.FirstOrDefault(x => x.Cause == code) : null;
            results[j] = new CauseResult(endpoint.Causes[j].Id, endpoint.Causes[j].Label, Array.AsReadOnly(perArm), test,
                                         Pairwise(c, grayTest, t, k, g, code));
        }
        return Array.AsReadOnly(results);
    }

    /// <summary>
    /// Gray's test of cause <paramref name="code"/> for each compared arm against the control, on the rows of those two
    /// arms only (<c>cuminc</c> on the subset); null where the two arms hold no event of the cause or one arm is empty.
    /// </summary>
    private static IReadOnlyList<CauseComparison> Pairwise(AnalysedTrial c, bool grayTest, double[] t, int[] k, int[] g, int code)
    {
        var protocol = c.Protocol;
        int control = protocol.Arms.ToList().FindIndex(a => a.Id == protocol.Control.Id);
        var comparisons = new List<CauseComparison>();
        foreach (string armId in protocol.Analyses.Primary.Compare)
        {
            int arm = protocol.Arms.ToList().FindIndex(a => a.Id == armId);
            var rows = Enumerable.Range(0, t.Length).Where(r => g[r] == arm || g[r] == control).ToArray();
            GrayTest? test = null;
            if (grayTest && rows.Any(r => k[r] == code) && rows.Any(r => g[r] == arm) && rows.Any(r => g[r] == control))
            {
                var fit = AalenJohansen.Fit(rows.Select(r => t[r]).ToArray(), rows.Select(r => k[r]).ToArray(),
                                            rows.Select(r => g[r]).ToArray(), protocol.Arms.Count, [], 1);
                test = fit.Tests.FirstOrDefault(x => x.Cause == code);
            }
            comparisons.Add(new CauseComparison(armId, protocol.Control.Id, test));
        }
        return comparisons.AsReadOnly();
    }
}
