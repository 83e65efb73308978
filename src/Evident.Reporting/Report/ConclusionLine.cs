using Evident.Analysis.Results;
using Evident.Design.Monitoring;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The clinician summary's conclusion: for each comparison of the primary analysis, only what its test backs. With
/// interim monitoring the claim rests on the group-sequential boundary at the latest look (a nominal p below 0.05 that
/// has not crossed it backs no claim); without monitoring, on the comparison's own two-arm log-rank test at the 5% level.
/// "Not shown" never reads as "no effect".
/// </summary>
internal static class ConclusionLine
{
    private const double Alpha = 0.05;

    /// <summary>One sentence per comparison, joined.</summary>
    public static string Write(AnalysisResults results)
    {
        var primary = results.Primary;
        string noun = ReportText.EventNoun(results, primary.Endpoint);
        string control = ReportText.InSentence(results.Protocol.Control.Label);
        var sentences = new List<string>();
        foreach (var comparison in primary.Overall.Comparisons)
        {
            string arm = ReportText.ArmLabel(results, comparison.ArmId);
            // The look that stopped the trial, else the latest: a boundary crossed earlier is not undone by later looks.
            var analysis = results.MonitoringByArm.FirstOrDefault(m => m.ArmId == comparison.ArmId)?.Analysis;
            var look = analysis?.StoppedAt is int k ? analysis.Looks[k - 1] : analysis?.Looks.LastOrDefault();
            double p = comparison.LogRank?.PValue ?? double.NaN;
            bool lower = comparison.HazardRatio.HazardRatio < 1;
            sentences.Add(look is not null ? Monitored(arm, control, noun, look, p) : Unmonitored(arm, control, noun, p, lower));
        }
        return string.Join(" ", sentences);
    }

    private static string Monitored(string arm, string control, string noun, InterimLook look, double p) => look.Decision switch
    {
        MonitoringDecision.StopForEfficacy =>
            $"{arm} lowered the hazard of {noun} compared with {control}: at look {look.Look} the log-rank Z of {Fixed(look.Z, 2)} crossed the efficacy boundary of {Fixed(look.EfficacyBound, 2)}.",
        MonitoringDecision.StopForFutility =>
            $"{arm} crossed the futility boundary at look {look.Look} against {control}: a benefit on {noun} is unlikely to be shown.",
        MonitoringDecision.FinalNoRejection =>
            $"At the final analysis {arm} did not cross the efficacy boundary against {control}: a benefit on {noun} was not shown.",
        _ => p < Alpha
            ? $"Not yet concluded for {ReportText.InSentence(arm)} against {control}: log-rank {PClause(p)} is below 0.05, but the Z of {Fixed(look.Z, 2)} at look {look.Look} has not crossed the efficacy boundary of {Fixed(look.EfficacyBound, 2)}."
            : $"Not yet concluded for {ReportText.InSentence(arm)} against {control}: at look {look.Look} the Z of {Fixed(look.Z, 2)} is within the boundaries.",
    };

    private static string Unmonitored(string arm, string control, string noun, double p, bool lower) =>
        !double.IsFinite(p)
            ? $"No test was possible for {ReportText.InSentence(arm)} against {control}."
            : p < Alpha
                ? $"{arm} {(lower ? "lowered" : "raised")} the hazard of {noun} compared with {control}: log-rank {PClause(p)}."
                : $"This analysis does not show that {ReportText.InSentence(arm)} changed the hazard of {noun} compared with {control}: log-rank {PClause(p)}, which is not evidence of no effect.";
}
