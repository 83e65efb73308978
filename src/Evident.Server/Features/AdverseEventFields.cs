using Evident.Randomization.Capture;

namespace Evident.Server.Features;

/// <summary>
/// Reads an adverse event's assessment from a request body: <c>serious</c> (true/false), <c>seriousCriteria</c> (wire
/// names of <see cref="AdverseEventCodes.Criteria"/>), <c>attribution</c>, <c>actionTaken</c>, <c>outcome</c> (wire
/// names). A body with none of them records the event without an assessment (as before these fields existed); a body
/// with any of them gives the assessment, and <see cref="CaptureRules"/> names each member missing.
/// </summary>
internal static class AdverseEventFields
{
    /// <summary>The assessment, or null when the body gives none; false with the problems by field when a value is not a known wire name.</summary>
    public static bool TryRead(bool? serious, string[]? criteria, string? attribution, string? action, string? outcome,
        out AdverseEventAssessment? assessment, out Dictionary<string, string[]> problems)
    {
        assessment = null;
        problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (serious is null && criteria is null && attribution is null && action is null && outcome is null) return true;
        if (!AdverseEventCodes.TryParseCriteria(criteria ?? [], out var met, out string? unknown))
            problems["seriousCriteria"] = [$"'{unknown}' is not a seriousness criterion; use {Names(AdverseEventCodes.Criteria.Select(c => c.Name))}."];
        var a = AdverseEventCodes.ParseAttribution(attribution);
        if (attribution is not null && a is null) problems["attribution"] = [$"'{attribution}' is not an attribution; use {Names(AdverseEventCodes.Attributions.Select(c => c.Name))}."];
        var act = AdverseEventCodes.ParseAction(action);
        if (action is not null && act is null) problems["actionTaken"] = [$"'{action}' is not an action taken; use {Names(AdverseEventCodes.Actions.Select(c => c.Name))}."];
        var o = AdverseEventCodes.ParseOutcome(outcome);
        if (outcome is not null && o is null) problems["outcome"] = [$"'{outcome}' is not an outcome; use {Names(AdverseEventCodes.Outcomes.Select(c => c.Name))}."];
        assessment = new AdverseEventAssessment(serious, met, a, act, o);
        return problems.Count == 0;
    }

    private static string Names(IEnumerable<string> names) => "one of " + string.Join(", ", names);
}
