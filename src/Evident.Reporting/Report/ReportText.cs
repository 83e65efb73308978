using Evident.Analysis;
using Evident.Protocol;
using Evident.Analysis.Results;

namespace Evident.Reporting.Report;

/// <summary>Names the report uses for times and milestones, derived from the protocol.</summary>
public static class ReportText
{
    /// <summary>
    /// The milestone as a key suffix and a phrase: 36 months → ("3y", "3-year"); 18 months → ("18m", "18-month");
    /// 2 years → ("2y", "2-year").
    /// </summary>
    /// <param name="milestone">The milestone in <paramref name="unit"/>.</param>
    /// <param name="unit">The protocol's time unit.</param>
    public static (string Key, string Phrase) Milestone(double milestone, TimeUnit unit)
    {
        if (unit == TimeUnit.Months && milestone % 12 == 0) return ($"{milestone / 12:0}y", $"{milestone / 12:0}-year");
        string u = unit switch { TimeUnit.Days => "d", TimeUnit.Weeks => "w", TimeUnit.Months => "m", _ => "y" };
        string word = unit switch { TimeUnit.Days => "day", TimeUnit.Weeks => "week", TimeUnit.Months => "month", _ => "year" };
        return ($"{ReportNumbers.Time(milestone)}{u}", $"{ReportNumbers.Time(milestone)}-{word}");
    }

    /// <summary>The plural unit name, e.g. "months".</summary>
    /// <param name="unit">The unit.</param>
    public static string Unit(TimeUnit unit) => unit.ToYamlName();

    /// <summary>The abbreviation the protocol defines for a phrase (e.g. "DFS" for "disease-free survival"), else the phrase.</summary>
    /// <param name="results">The results (their protocol's abbreviations are searched).</param>
    /// <param name="phrase">The phrase.</param>
    public static string Short(AnalysisResults results, string phrase) =>
        results.Protocol.Summary.Abbreviations.FirstOrDefault(a => string.Equals(a.Meaning, phrase, StringComparison.OrdinalIgnoreCase))?.Short ?? phrase;

    /// <summary>
    /// A label as it reads inside a sentence: the first letter lowercased, unless the first word is an acronym or a
    /// proper name written with capitals inside it, which stays as written. "Isolated CNS relapse" → "isolated CNS
    /// relapse", "Sepsis" → "sepsis", "CNS relapse", "B-cell aplasia" and "IgG deficiency" unchanged. Labels are never
    /// lowercased as a whole, so acronyms keep their case.
    /// </summary>
    /// <param name="label">A label from the protocol or the data.</param>
    public static string InSentence(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length < 2 || !char.IsUpper(label[0]) || !char.IsLower(label[1])) return label;
        for (int i = 2; i < label.Length && !char.IsWhiteSpace(label[i]); i++)
            if (char.IsUpper(label[i])) return label;
        return char.ToLowerInvariant(label[0]) + label[1..];
    }

    /// <summary>The label of an arm id.</summary>
    /// <param name="results">The results.</param>
    /// <param name="armId">The arm id.</param>
    public static string ArmLabel(AnalysisResults results, string armId) => results.Protocol.Arm(armId).Label;

    /// <summary>The words for a milestone that cannot be estimated because an arm's follow-up ends before it.</summary>
    public const string NotEstimable = ReportNumbers.NotEstimable + " (follow-up too short)";

    /// <summary>
    /// Ŝ at a milestone with its interval ("97.7% to 99.1%" style), "not estimable (follow-up too short)" when the arm's
    /// follow-up ends before it, or "not estimable (no participants)" when the arm has none.
    /// </summary>
    /// <param name="point">The estimate, or null.</param>
    /// <param name="arm">The arm.</param>
    public static string MilestoneEstimate(Statistics.Survival.KaplanMeierPoint? point, ArmSummary arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (point is not null) return $"{ReportNumbers.Percent(point.Survival)} ({ReportNumbers.Percent(point.Lower)} to {ReportNumbers.Percent(point.Upper)})";
        return arm.Curve is null ? ReportNumbers.NotEstimableBecause(ReportNumbers.NoParticipants) : NotEstimable;
    }

    /// <summary>The endpoint's event for sentences: its <c>noun</c> ("a relapse or death"), else "a {short label} event".</summary>
    /// <param name="results">The results (for the protocol's abbreviations).</param>
    /// <param name="endpoint">The endpoint.</param>
    public static string EventNoun(AnalysisResults results, Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Noun ?? $"a {Short(results, endpoint.Label)} event";
    }
}
