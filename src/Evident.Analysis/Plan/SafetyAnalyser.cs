using Evident.Analysis.Input;
using Evident.Analysis.Models;
using Evident.Analysis.Results;
using Evident.Protocol;
using Evident.Statistics.Safety;

namespace Evident.Analysis.Plan;

/// <summary>
/// The safety analysis of <c>analyses.safety</c>: adverse events of at least the protocol's grade by term and arm with
/// Fisher's exact and Cochran–Mantel–Haenszel tests (<see cref="SafetyData.Summarize"/>), terms of interest first, and
/// grade 4–5 events of the terms of interest; every interval at the analysis's confidence level.
/// </summary>
internal static class SafetyAnalyser
{
    public static SafetyResult? Run(AnalysedTrial c, List<string> notes, List<string> warnings)
    {
        var plan = c.Protocol.Analyses.Safety;
        if (plan is null) return null;
        warnings.AddRange(AbsentTerms(plan.Terms, c.Data.AdverseEvents));
        bool byStratum = plan.ByStratum && c.StratumLabels.Count > 1;
        var data = Code(c, plan.Terms, byStratum);
        if (data.EmptyArms.Count > 0)
        {
            string arm = c.Protocol.Arms[data.EmptyArms[0]].Label;
            notes.Add($"Safety: the adverse-event table could not be computed (arm '{arm}' has no participant: every arm needs a denominator).");
            return null;
        }
        double level = c.Protocol.Analyses.Primary.ConfidenceLevel;
        var table = data.Summarize(plan.MinGrade, c.ControlArm, level);
        int interest = plan.Terms.Count;
        var severe = interest > 0 ? data.WithFirstTerms(interest).Summarize(Math.Max(4, plan.MinGrade), c.ControlArm, level) : null;
        return new SafetyResult(plan.MinGrade, data.Terms, plan.Terms.ToList().AsReadOnly(), data.Strata, table, severe)
        {
            ByStratum = byStratum ? ByStratum(table, level) : [],
        };
    }

    /// <summary>For each row and compared arm: the risk difference within each stratum and Breslow–Day–Tarone across them.</summary>
    private static SafetyStratumComparison[] ByStratum(SafetyTable table, double level)
    {
        var result = new List<SafetyStratumComparison>();
        int reference = table.ReferenceArm;
        foreach (var row in table.Terms.Append(table.AnyTerm))
            foreach (var comparison in row.Comparisons)
            {
                int arm = comparison.Arm, strata = table.ArmSizesByStratum[arm].Count;
                var (a, b, c, d) = (new int[strata], new int[strata], new int[strata], new int[strata]);
                var differences = new RiskDifferenceEstimate?[strata];
                for (int s = 0; s < strata; s++)
                {
                    int n1 = table.ArmSizesByStratum[arm][s], n0 = table.ArmSizesByStratum[reference][s];
                    (a[s], c[s]) = (row.ParticipantsByStratum[arm][s], row.ParticipantsByStratum[reference][s]);
                    (b[s], d[s]) = (n1 - a[s], n0 - c[s]);
                    differences[s] = n1 > 0 && n0 > 0 ? RiskDifference.Wald(a[s], n1, c[s], n0, level) : null;
                }
                result.Add(new SafetyStratumComparison(row.Term, arm, reference, Array.AsReadOnly(differences), BreslowDay.Test(a, b, c, d)));
            }
        return result.ToArray();
    }

    /// <summary>
    /// The analysed participants' adverse events as <see cref="SafetyData"/>: subjects are the analysed participants,
    /// terms are the terms of interest first, then the others in ordinal order.
    /// </summary>
    private static SafetyData Code(AnalysedTrial c, IReadOnlyList<string> interest, bool byStratum)
    {
        var subjectOf = new Dictionary<int, int>(c.Rows.Length);
        for (int i = 0; i < c.Rows.Length; i++) subjectOf[c.Rows[i]] = i;
        var events = c.Data.AdverseEvents.Where(x => subjectOf.ContainsKey(x.Participant)).ToArray();
        var terms = interest.Concat(events.Select(x => x.Term).Where(x => !interest.Contains(x)).Distinct().Order(StringComparer.Ordinal)).ToArray();
        var termCode = terms.Select((x, i) => (x, i)).ToDictionary(x => x.x, x => x.i, StringComparer.Ordinal);
        return new SafetyData(events.Select(x => subjectOf[x.Participant]).ToArray(), events.Select(x => termCode[x.Term]).ToArray(),
                              events.Select(x => x.Grade).ToArray(), c.Arm, byStratum ? c.Cell : [],
                              c.Protocol.Arms.Select(a => a.Id).ToArray(), byStratum ? c.StratumLabels : ["All"], terms, fromSubjectList: true);
    }

    /// <summary>
    /// A warning for each term of interest that no adverse-event record carries (matched exactly, as the tables count),
    /// with the nearest term present when one is close (edit distance ≤ max(2, length/3), ignoring case).
    /// </summary>
    private static IEnumerable<string> AbsentTerms(IReadOnlyList<string> terms, IReadOnlyList<AdverseEventRecord> events)
    {
        if (terms.Count == 0) yield break;
        var present = events.Select(x => x.Term).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (present.Length == 0)
        {
            yield return $"Safety: the adverse-event data hold no event, so the terms of interest ({string.Join(", ", terms)}) all count 0 participants.";
            yield break;
        }
        foreach (string term in terms)
        {
            if (Array.BinarySearch(present, term, StringComparer.Ordinal) >= 0) continue;
            string? near = Spelling.Nearest(term, present, ignoreCase: true);
            yield return $"Safety: term of interest '{term}' (analyses.safety.terms) does not occur in the adverse-event data, so it counts 0 participants" +
                         (near is null ? "." : $"; did you mean '{near}'?") + $" Terms present: {string.Join(", ", present)}.";
        }
    }
}
