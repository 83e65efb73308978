using Evident.Analysis.Results;
using Evident.Statistics.Safety;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The clinician summary's safety sentences: for each term of interest and each compared arm, whether it was more or
/// less frequent (pooled Cochran–Mantel–Haenszel test, or Fisher's without strata) and, when the odds ratios differ
/// between strata (Breslow–Day–Tarone at the 5% level), where: a difference confined to some strata is said to be
/// there only, never "did not differ" on the pooled test alone. Then the grade 4–5 events of the terms of interest.
/// </summary>
internal static class SafetySentences
{
    private const double Alpha = 0.05;

    public static List<string> Write(AnalysisResults results, SafetyResult safety)
    {
        var sentences = new List<string>();
        var arms = results.Protocol.Arms;
        int control = safety.Table.ReferenceArm;
        string ctl = ReportText.InSentence(arms[control].Label);
        foreach (var comparedArm in results.Primary.Overall.Comparisons)
        {
            int experimental = arms.ToList().FindIndex(a => a.Id == comparedArm.ArmId);
            string exp = ReportText.InSentence(arms[experimental].Label);
            for (int t = 0; t < safety.TermsOfInterest.Count; t++)
                sentences.Add(Term(safety, t, experimental, control, exp, ctl));
            if (safety.Severe is { } severe)
            {
                var any = severe.AnyTerm;
                var comparison = any.Comparisons.First(x => x.Arm == experimental);
                double p = comparison.MantelHaenszel?.Test.PValue ?? comparison.Fisher.PValue;
                string test = comparison.MantelHaenszel is not null ? "Cochran–Mantel–Haenszel" : "Fisher's exact test";
                string direction = p < Alpha ? (any.Proportions[experimental] > any.Proportions[control] ? "were more frequent" : "were less frequent") : "were not significantly different";
                sentences.Add($"Grade {severe.MinGrade}–5 events of {string.Join(" or ", safety.TermsOfInterest.Select(ReportText.InSentence))} {direction} " +
                              $"({Percent(any.Proportions[experimental])} with {exp} vs {Percent(any.Proportions[control])} with {ctl}, {test} {PClause(p)}).");
            }
        }
        return sentences;
    }

    /// <summary>One term of interest, one compared arm.</summary>
    private static string Term(SafetyResult safety, int t, int experimental, int control, string exp, string ctl)
    {
        var row = safety.Table.Terms[t];
        var comparison = row.Comparisons.First(x => x.Arm == experimental);
        double p = comparison.MantelHaenszel?.Test.PValue ?? comparison.Fisher.PValue;
        string test = comparison.MantelHaenszel is not null ? "Cochran–Mantel–Haenszel" : "Fisher's exact test";
        string term = $"Grade ≥{safety.MinGrade} {ReportText.InSentence(safety.Terms[t])}";
        string pooled = $"{Percent(row.Proportions[experimental])} vs {Percent(row.Proportions[control])} with {ctl}";
        var strata = safety.ByStratum.FirstOrDefault(x => x.Term == t && x.Arm == experimental);
        var tarone = strata?.Homogeneity.Tarone;
        string byStratum = strata is null ? "" : $"; by stratum, {string.Join("; ", Shares(safety, row, experimental, control))}" +
                                                 (tarone is null ? "" : $"; Breslow–Day–Tarone {PClause(tarone.PValue)}");
        if (p < Alpha || strata is null || !(tarone?.PValue < Alpha))
        {
            string direction = p < Alpha ? (row.Proportions[experimental] > row.Proportions[control] ? "was more frequent" : "was less frequent") : "did not differ";
            return $"{term} {direction} with {exp} ({pooled}, {test} {PClause(p)}{byStratum}).";
        }
        // The odds ratios differ between strata although the pooled test does not see a difference: say where, a stratum
        // counting as "there" when its risk difference's interval excludes 0.
        var clear = Enumerable.Range(0, safety.StrataLabels.Count).Where(s => strata.ByStratum[s] is { } d && (d.Lower > 0 || d.Upper < 0)).ToArray();
        string numbers = $"Breslow–Day–Tarone {PClause(tarone!.PValue)}; pooled {pooled}, {test} {PClause(p)}";
        var higher = clear.Where(s => strata.ByStratum[s]!.Difference > 0).ToArray();
        var lower = clear.Where(s => strata.ByStratum[s]!.Difference < 0).ToArray();
        if (higher.Length > 0 && lower.Length > 0)
            return $"{term} was higher with {exp} in {Where(safety, higher)}: {Labelled(safety, row, experimental, control, higher)}, and lower in {Where(safety, lower)}: " +
                   $"{Labelled(safety, row, experimental, control, lower)} with {ctl} ({numbers}).";
        if (clear.Length > 0)
        {
            string shares = clear.Length == 1 ? Share(safety, row, experimental, control, clear[0]) : Labelled(safety, row, experimental, control, clear);
            return $"{term} was {(higher.Length > 0 ? "higher" : "lower")} with {exp} in {Where(safety, clear)} only: {shares} with {ctl} ({numbers}).";
        }
        return $"{term} differed between strata with {exp}: {string.Join("; ", Shares(safety, row, experimental, control))} with {ctl} ({numbers}).";
    }

    private static string Where(SafetyResult safety, int[] strata) => string.Join(" and ", strata.Select(s => safety.StrataLabels[s]));

    private static string Labelled(SafetyResult safety, SafetyTermSummary row, int experimental, int control, int[] strata) =>
        string.Join("; ", strata.Select(s => $"{safety.StrataLabels[s]} {Share(safety, row, experimental, control, s)}"));

    private static IEnumerable<string> Shares(SafetyResult safety, SafetyTermSummary row, int experimental, int control) =>
        Enumerable.Range(0, safety.StrataLabels.Count).Select(s => $"{safety.StrataLabels[s]} {Share(safety, row, experimental, control, s)}");

    /// <summary>"10.2% vs 4.3%": the arm's and the control's proportions in one stratum.</summary>
    private static string Share(SafetyResult safety, SafetyTermSummary row, int experimental, int control, int stratum)
    {
        var sizes = safety.Table.ArmSizesByStratum;
        double Of(int arm) => sizes[arm][stratum] == 0 ? double.NaN : (double)row.ParticipantsByStratum[arm][stratum] / sizes[arm][stratum];
        return $"{Percent(Of(experimental))} vs {Percent(Of(control))}";
    }
}
