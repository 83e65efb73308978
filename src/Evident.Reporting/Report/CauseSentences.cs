using Evident.Analysis;
using Evident.Analysis.Results;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The clinician summary's competing-risks sentences: for each cause, each comparison's cumulative incidence at the first
/// milestone with Gray's test on that comparison's two arms (never the test across all arms, which backs no claim about
/// two of them), and beside it the same comparison in each stratum with that stratum's two-arm Gray's test. With three or
/// more arms the test across all arms is reported first, in a sentence of its own that names no direction.
/// </summary>
internal static class CauseSentences
{
    private const double Alpha = 0.05;

    /// <summary>The sentences of one competing-risks analysis, cause by cause.</summary>
    public static IEnumerable<string> Write(AnalysisResults results, CompetingRisksResult cr)
    {
        if (cr.Milestone is not double m) yield break;
        string phrase = ReportText.Milestone(m, results.Protocol.TimeUnit).Phrase;
        for (int j = 0; j < cr.Overall.Count; j++)
        {
            var cause = cr.Overall[j];
            if (cause.Arms.Count > 2 && cause.Arms.All(a => a.AtMilestone is not null))
                yield return AcrossArms(results, cause, phrase, cause.GrayTest?.Test.PValue ?? double.NaN);
            for (int c = 0; c < cause.Comparisons.Count; c++)
                if (Comparison(results, cr, j, c, phrase, cause.Arms.Count > 2) is { } sentence) yield return sentence;
        }
    }

    /// <summary>
    /// "Marrow relapse: 3-year cumulative incidence fell (1.0% with X vs 7.5% with Y; Gray's test p &lt; 0.001); by risk
    /// group, SR-average 0.8% vs 7.0%, Gray's test p = 0.002; SR-high …". Null when either arm is not estimable overall.
    /// </summary>
    private static string? Comparison(AnalysisResults results, CompetingRisksResult cr, int j, int c, string phrase, bool named)
    {
        var cause = cr.Overall[j];
        var comparison = cause.Comparisons[c];
        if (Pair(cause, comparison) is not var (pe, pr)) return null;
        string arm = ReportText.InSentence(ReportText.ArmLabel(results, comparison.ArmId));
        string control = ReportText.InSentence(ReportText.ArmLabel(results, comparison.ControlId));
        string subject = named ? $"{cause.Label}, {arm} vs {control}" : cause.Label;
        double p = comparison.GrayTest?.Test.PValue ?? double.NaN;
        string numbers = $"{Percent(pe)} with {arm} vs {Percent(pr)} with {control}";
        string head = p < Alpha
            ? $"{subject}: {phrase} cumulative incidence {(pe < pr ? "fell" : "rose")} ({numbers}; {Test(p)})"
            : $"{subject}: did not differ between {(named ? "these two arms" : "arms")} ({phrase} cumulative incidence {numbers}; {Test(p)})";
        return head + ByStratum(results, cr, j, c) + ".";
    }

    /// <summary>"; by stratum, A 0.8% vs 7.0%, Gray's test p = 0.002; B …", or empty without strata.</summary>
    private static string ByStratum(AnalysisResults results, CompetingRisksResult cr, int j, int c)
    {
        var clauses = new List<string>();
        foreach (var (label, causes) in cr.Strata)
        {
            var cause = causes[j];
            var comparison = cause.Comparisons[c];
            clauses.Add(Pair(cause, comparison) is var (pe, pr)
                ? $"{label} {Percent(pe)} vs {Percent(pr)}, {Test(comparison.GrayTest?.Test.PValue ?? double.NaN)}"
                : $"{label} {ReportText.NotEstimable}");
        }
        if (clauses.Count == 0) return "";
        string strata = string.Join(" and ", results.Protocol.Analyses.Primary.StratifyBy
            .Select(id => ReportText.InSentence(results.Protocol.Strata.FirstOrDefault(s => s.Id == id)?.Label ?? id)));
        return $"; by {(strata.Length > 0 ? strata : "stratum")}, {string.Join("; ", clauses)}";
    }

    private static (double Arm, double Control)? Pair(CauseResult cause, CauseComparison comparison)
    {
        var e = cause.Arms.First(a => a.ArmId == comparison.ArmId);
        var r = cause.Arms.First(a => a.ArmId == comparison.ControlId);
        return e.AtMilestone is { } pe && r.AtMilestone is { } pr ? (pe.Estimate, pr.Estimate) : null;
    }

    private static string Test(double p) => double.IsFinite(p) ? $"Gray's test {PClause(p)}" : "Gray's test not available";

    /// <summary>
    /// A cause's incidence in every arm with Gray's test across all of them, and no direction: with three or more arms the
    /// global test says the arms differ somewhere, not that one named arm rose or fell against another.
    /// </summary>
    private static string AcrossArms(AnalysisResults results, CauseResult cause, string phrase, double p)
    {
        var estimates = results.Protocol.Arms
            .Select(arm => cause.Arms.FirstOrDefault(a => a.ArmId == arm.Id) is { AtMilestone: { } at }
                ? $"{Percent(at.Estimate)} with {ReportText.InSentence(arm.Label)}"
                : $"{ReportText.NotEstimable} with {ReportText.InSentence(arm.Label)}")
            .ToArray();
        string numbers = estimates.Length > 1 ? string.Join(", ", estimates[..^1]) + " and " + estimates[^1] : estimates[0];
        string test = double.IsFinite(p) ? $"Gray's test across the {cause.Arms.Count} arms {PClause(p)}" : "no test";
        return p < Alpha
            ? $"{cause.Label}: {phrase} cumulative incidence {numbers}; the arms differ overall ({test}), which does not say which two differ."
            : $"{cause.Label}: did not differ across the {cause.Arms.Count} arms ({phrase} cumulative incidence {numbers}; {test}).";
    }
}
