using System.Globalization;
using Evident.Analysis.Results;
using Evident.Protocol;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The clinician summary's study-design paragraph: phase, registry number and population (from <c>summary</c> and
/// <c>trial</c>), the arms with their treatments, the allocation, the number randomized in each stratum (the baseline
/// table's counts), the median follow-up by reverse Kaplan–Meier per arm, and whether and when the trial was stopped early
/// (<c>summary.stopped</c>). A part the protocol or the data do not give is left out rather than guessed.
/// </summary>
internal static class StudyDesignParagraph
{
    /// <summary>The paragraph, sentence by sentence.</summary>
    public static string Write(AnalysisResults results)
    {
        var protocol = results.Protocol;
        var sentences = new List<string> { Trial(protocol) };
        sentences.Add(Allocation(results));
        if (Strata(results) is { } strata) sentences.Add(strata);
        if (FollowUp(results) is { } followUp) sentences.Add(followUp);
        sentences.Add(Stop(protocol));
        return string.Join(" ", sentences);
    }

    /// <summary>"Phase 3, randomized, open-label trial NCT03914625 in children aged …."</summary>
    private static string Trial(TrialProtocol protocol)
    {
        string blinding = protocol.Allocation.Blinding switch
        {
            AllocationBlinding.OpenLabel => "open-label ",
            AllocationBlinding.Blinded => "blinded ",
            _ => "",
        };
        string head = protocol.Summary.Phase is { } phase ? $"{phase}, randomized, {blinding}trial" : $"Randomized {blinding}trial";
        string registry = protocol.Trial.Registration is { } id ? $" {id}" : "";
        string population = protocol.Summary.Population is { } p ? $" in {p.TrimEnd('.')}" : "";
        return $"{head}{registry}{population}.";
    }

    /// <summary>"1440 participants were randomized 1:1 by permuted blocks within risk group to chemotherapy: …; or …."</summary>
    private static string Allocation(AnalysisResults results)
    {
        var protocol = results.Protocol;
        var allocation = protocol.Allocation;
        string method = allocation.Method == AllocationMethod.Minimization ? "by minimization" : "in permuted blocks";
        string within = allocation.StratifyBy.Count == 0 || allocation.Method == AllocationMethod.Minimization
            ? ""
            : " within " + string.Join(" and ", allocation.StratifyBy.Select(id => ReportText.InSentence(protocol.Strata.First(s => s.Id == id).Label)));
        var arms = protocol.Arms.Select(arm =>
        {
            string treatment = protocol.Summary.Treatments.FirstOrDefault(t => t.Key == arm.Id).Value is { } text ? $", {text.TrimEnd('.')}" : "";
            return $"{ReportText.InSentence(arm.Label)}{treatment}";
        }).ToArray();
        string ratio = string.Join(":", allocation.Ratio.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        return $"{results.Participants} participants were randomized {ratio} {method}{within} to {string.Join("; or ", arms)}.";
    }

    /// <summary>"Randomized by risk group: SR-average 842, SR-high 598." from the baseline table, or null without strata.</summary>
    private static string? Strata(AnalysisResults results)
    {
        if (results.Baseline is not { } baseline) return null;
        var parts = new List<string>();
        foreach (var factor in baseline.Factors.Where(f => results.Protocol.Strata.Any(s => s.Id == f.Id)))
            parts.Add($"by {ReportText.InSentence(factor.Label)}, {string.Join(", ", factor.Levels.Select(l => $"{l.Level} {l.Overall.N}"))}");
        return parts.Count == 0 ? null : $"Randomized {string.Join("; ", parts)}.";
    }

    /// <summary>"Median follow-up by reverse Kaplan–Meier: 25.3 months with X, 25.1 months with Y."</summary>
    private static string? FollowUp(AnalysisResults results)
    {
        if (results.FollowUp.Count == 0) return null;
        string unit = ReportText.Unit(results.Protocol.TimeUnit);
        var arms = results.FollowUp.Select(f => double.IsFinite(f.Estimate.Median)
            ? $"{Fixed(f.Estimate.Median, 1)} {unit} with {ReportText.InSentence(f.Label)}"
            : $"not reached with {ReportText.InSentence(f.Label)}");
        return $"Median follow-up by reverse Kaplan–Meier: {string.Join(", ", arms)}.";
    }

    /// <summary>Whether and when the trial was stopped early, as the protocol records it.</summary>
    private static string Stop(TrialProtocol protocol)
    {
        if (protocol.Summary.Stopped is not { } stop) return "The protocol records no early stop.";
        string date = stop.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        string by = char.ToUpperInvariant(stop.By[0]) + stop.By[1..];
        return stop.Reason is { } reason
            ? $"{by} stopped the trial at the analysis of the data to {date} because {reason.TrimEnd('.')}."
            : $"{by} stopped the trial at the analysis of the data to {date}.";
    }
}
