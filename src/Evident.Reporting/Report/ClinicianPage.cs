using Evident.Analysis;
using Evident.Statistics;
using Evident.Analysis.Results;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Reporting.Report;

/// <summary>
/// The one-page clinician summary in the form of the seed article: learning objective, 3–5 key learnings written from
/// the numbers, what did and did not change, abbreviations, citation. Every number in a sentence is read from
/// <see cref="AnalysisResults"/>; whether something "fell", "rose" or "did not differ" follows from its test at the 5%
/// level. Rendered by <see cref="ClinicianSummaryWriter"/>.
/// </summary>
/// <param name="Title">Heading.</param>
/// <param name="Synthetic">Whether the data are synthetic (the page then says so first).</param>
/// <param name="LearningObjective">From the protocol, or null.</param>
/// <param name="KeyLearnings">3–5 sentences.</param>
/// <param name="Changes">
/// What did and did not change (secondary endpoints, relapse sites, adverse events), without the statements already in
/// <paramref name="KeyLearnings"/>.
/// </param>
/// <param name="Abbreviations">
/// Abbreviation → meaning: those of the protocol that the page uses, and those the page itself introduces (CI), so that
/// every abbreviation used is defined and every one defined is used (<see cref="SummaryAbbreviations"/>).
/// </param>
/// <param name="Citation">The protocol's citation, or null.</param>
/// <param name="Footer">Data cut-off, software version, protocol file and hash.</param>
public sealed record ClinicianPage(
    string Title,
    bool Synthetic,
    string? LearningObjective,
    IReadOnlyList<string> KeyLearnings,
    IReadOnlyList<string> Changes,
    IReadOnlyList<KeyValuePair<string, string>> Abbreviations,
    string? Citation,
    string Footer)
{
    private const double Alpha = 0.05;

    /// <summary>The study-design paragraph (phase, registry, population, arms, allocation, strata, follow-up, early stop), or null.</summary>
    public string? StudyDesign { get; init; }

    /// <summary>The conclusion: per comparison, only what its test (or the monitoring boundary) backs; null without a comparison.</summary>
    public string? Conclusion { get; init; }

    /// <summary>Published results from the protocol (<c>summary.published</c>), shown apart and labelled as not from these data; or null.</summary>
    public string? Published { get; init; }

    /// <summary>Writes the page from the results.</summary>
    /// <param name="results">The analysis results.</param>
    public static ClinicianPage From(AnalysisResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var protocol = results.Protocol;
        var learnings = new List<string>();
        learnings.AddRange(HazardRatioLearnings(results, results.Primary));
        learnings.AddRange(MilestoneLearnings(results));
        var rmst = RmstLearnings(results).ToList();
        int room = Math.Max(0, 5 - learnings.Count);
        learnings.AddRange(rmst.Take(room));

        // What does not fit among the key learnings is still said, first among the changes: no comparison is dropped.
        var changes = new List<string>(learnings.Skip(5).Concat(rmst.Skip(room)));
        foreach (var secondary in results.Secondary) changes.AddRange(HazardRatioLearnings(results, secondary));
        foreach (var cr in results.CompetingRisks) changes.AddRange(CauseSentences.Write(results, cr));
        if (results.Safety is { } safety)
        {
            // The first safety sentence is promoted to the key learnings when there is room; each statement appears once.
            var sentences = SafetySentences.Write(results, safety);
            if (learnings.Count < 5 && sentences.Count > 0)
            {
                learnings.Add(sentences[0]);
                sentences.RemoveAt(0);
            }
            changes.AddRange(sentences);
        }

        string title = protocol.Trial.ShortTitle ?? protocol.Trial.Title;
        string design = StudyDesignParagraph.Write(results);
        string? conclusion = results.Primary.Overall.Comparisons.Count > 0 ? ConclusionLine.Write(results) : null;
        var keyLearnings = learnings.Take(5).ToArray();
        string body = string.Join("\n", new[] { protocol.Summary.LearningObjective, design, conclusion, protocol.Summary.Published }
            .OfType<string>().Concat(keyLearnings).Concat(changes));
        return new ClinicianPage(
            $"{protocol.Trial.Id}: {title}", results.Synthetic, protocol.Summary.LearningObjective, keyLearnings, changes.AsReadOnly(),
            SummaryAbbreviations.Used(protocol.Summary.Abbreviations, body), protocol.Trial.Citation, FooterText(results))
        {
            StudyDesign = design,
            Conclusion = conclusion,
            Published = protocol.Summary.Published,
        };
    }

    /// <summary>"Data cut-off …; Evident …; protocol FILE (SHA-256 …)", with SYNTHETIC first when it applies.</summary>
    /// <param name="results">The results.</param>
    public static string FooterText(AnalysisResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        string cutoff = results.Cutoff is { } c ? c.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "none (all data)";
        return (results.Synthetic ? "SYNTHETIC DATA. " : "") +
               $"Data cut-off: {cutoff}. Evident {results.SoftwareVersion}. Protocol {results.Protocol.SourceName} (version {results.Protocol.Trial.Version ?? "not given"}), SHA-256 {results.Protocol.Hash}.";
    }

    /// <summary>
    /// One sentence per comparison with the control arm: that comparison's hazard ratio and its own log-rank test on the
    /// two arms' participants (never the global k-arm test), stratified when the analysis is.
    /// </summary>
    private static IEnumerable<string> HazardRatioLearnings(AnalysisResults results, PrimaryResult primary)
    {
        double level = primary.Plan.ConfidenceLevel;
        string stratified = primary.Strata.Count > 0 || primary.Plan.StratifyBy.Count > 0 ? "stratified " : "";
        foreach (var comparison in primary.Overall.Comparisons)
        {
            var hr = comparison.HazardRatio;
            string arm = ReportText.ArmLabel(results, comparison.ArmId);
            double p = comparison.LogRank?.PValue ?? double.NaN;
            string verb = !(p < Alpha) ? "did not significantly change" : hr.HazardRatio < 1 ? "reduced" : "increased";
            yield return $"{arm} {verb} the hazard of {ReportText.EventNoun(results, primary.Endpoint)} compared with {ReportText.InSentence(results.Protocol.Control.Label)}: " +
                         $"{stratified}hazard ratio {WithInterval(hr.HazardRatio, hr.ConfLow, hr.ConfHigh, level)}, {stratified}log-rank {PClause(p)}.";
        }
    }

    /// <summary>
    /// With milestones, one sentence per stratum (or, unstratified, one for all participants): for every comparison with
    /// the control, survival at each milestone in the two arms, or that it is not estimable, and that comparison's hazard
    /// ratio in the stratum.
    /// </summary>
    private static IEnumerable<string> MilestoneLearnings(AnalysisResults results)
    {
        var primary = results.Primary;
        var times = primary.Endpoint.Milestones;
        if (times.Count == 0) yield break;
        string outcome = ReportText.Short(results, primary.Endpoint.Label);
        double level = primary.Plan.ConfidenceLevel;
        IReadOnlyList<GroupResult> groups = primary.Strata.Count > 0 ? primary.Strata : [primary.Overall with { Label = "All participants" }];
        foreach (var group in groups)
        {
            var reference = group.Arms.First(a => a.ArmId == results.Protocol.Control.Id);
            var parts = new List<string>();
            foreach (var comparison in group.Comparisons)
            {
                var experimental = group.Arms.First(a => a.ArmId == comparison.ArmId);
                if (experimental.Curve is null || reference.Curve is null) continue;
                var clauses = Enumerable.Range(0, times.Count).Select(k => MilestoneClause(results, outcome, times[k], experimental, reference, k));
                var hr = comparison.HazardRatio;
                string named = group.Comparisons.Count > 1 ? $"{ReportText.InSentence(experimental.Label)} vs {ReportText.InSentence(reference.Label)} " : "";
                // No parenthesis inside another: the interval's own parentheses stand alone.
                parts.Add($"{string.Join("; ", clauses)}; {named}hazard ratio {WithInterval(hr.HazardRatio, hr.ConfLow, hr.ConfHigh, level)}");
            }
            if (parts.Count == 0) continue;
            yield return $"{group.Label}: {string.Join("; ", parts)}; {group.Arms.Sum(a => a.N)} participants, {group.Arms.Sum(a => a.Events)} events.";
        }
    }

    /// <summary>
    /// One milestone in words. A survival endpoint reads as "3-year DFS was 97.7% with X and 89.8% with Y"; any other
    /// label is not a quantity that "was" a percentage ("1095.75-day time to recurrence was 60%" says nothing), so it reads
    /// with the endpoint's noun ("60.0% with X and 55.1% with Y had not had a recurrence at 1095.75 days") or, without
    /// one, as event-free proportions under the label.
    /// </summary>
    private static string MilestoneClause(AnalysisResults results, string outcome, double time, ArmSummary experimental, ArmSummary reference, int k)
    {
        var endpoint = results.Primary.Endpoint;
        string arms(string e, string r) => $"{e} with {ReportText.InSentence(experimental.Label)} and {r} with {ReportText.InSentence(reference.Label)}";
        bool estimable = experimental.Milestones[k] is not null && reference.Milestones[k] is not null;
        string pe = estimable ? Percent(experimental.Milestones[k]!.Survival) : "", pr = estimable ? Percent(reference.Milestones[k]!.Survival) : "";
        if (endpoint.Label.EndsWith("survival", StringComparison.OrdinalIgnoreCase))
        {
            string phrase = ReportText.Milestone(time, results.Protocol.TimeUnit).Phrase;
            return estimable ? $"{phrase} {outcome} was {arms(pe, pr)}" : $"{phrase} {outcome} was {ReportText.NotEstimable}";
        }
        string at = $"{ReportNumbers.Time(time)} {ReportText.Unit(results.Protocol.TimeUnit)}";
        if (!estimable) return $"{ReportText.InSentence(endpoint.Label)} at {at}: {ReportText.NotEstimable}";
        return endpoint.Noun is { } noun
            ? $"{arms(pe, pr)} had not had {noun} at {at}"
            : $"{ReportText.InSentence(endpoint.Label)}: {arms(pe, pr)} event-free at {at}";
    }

    /// <summary>Each comparison's restricted mean difference in words, naming the two arms.</summary>
    private static IEnumerable<string> RmstLearnings(AnalysisResults results)
    {
        var primary = results.Primary;
        string unit = ReportText.Unit(results.Protocol.TimeUnit);
        string control = ReportText.InSentence(results.Protocol.Control.Label);
        foreach (var comparison in primary.Overall.Comparisons)
        {
            if (comparison.Rmst?.Difference is not { } rmst) continue;
            string more = rmst.Difference >= 0 ? "more" : "less";
            yield return $"Over the first {Time(rmst.Tau)} {unit}, participants given {ReportText.InSentence(ReportText.ArmLabel(results, comparison.ArmId))} " +
                         $"spent on average {Fixed(Math.Abs(rmst.Difference), 2)} {unit} {more} free of {ReportText.EventNoun(results, primary.Endpoint)} than those given {control}: " +
                         $"{ReportText.Short(results, "restricted mean survival time")} difference {WithInterval(rmst.Difference, rmst.Lower, rmst.Upper, rmst.ConfidenceLevel)}.";
        }
    }
}
