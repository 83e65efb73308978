using Evident.Protocol;

namespace Evident.Randomization.Capture;

/// <summary>
/// The rules of an adverse event's term against the protocol's term list and of its assessment; part of
/// <see cref="CaptureRules"/>.
/// </summary>
/// <remarks>
/// Term list (when the protocol has <c>adverse_event_terms</c>): a term outside the list is accepted only when the list
/// says <c>other_allowed</c>; a listed term that gives grade descriptions takes only those grades (CTCAE defines no
/// grade 1 or 2 of sepsis). Assessment (when given): serious yes or no; a serious event meets at least one ICH E2A
/// criterion and a non-serious one none; attribution, action taken and outcome are given; grade 5 is a fatal outcome
/// and a serious event with the criterion death, and a fatal outcome is grade 5; a recovered outcome (with or without
/// sequelae) has its end date, and a recovering or not recovered one has none.
/// </remarks>
internal static class AdverseEventRules
{
    /// <summary>Adds the problems of the adverse event <paramref name="input"/> to <paramref name="problems"/>.</summary>
    public static void Check(CaptureInput input, AdverseEventTerms? terms, CaptureRules.Found problems)
    {
        CheckTerm(input, terms, problems);
        if (input.Assessment is { } a) CheckAssessment(input, a, problems);
    }

    private static void CheckTerm(CaptureInput input, AdverseEventTerms? terms, CaptureRules.Found problems)
    {
        if (terms is null || string.IsNullOrWhiteSpace(input.Term)) return;
        if (terms.Find(input.Term) is not { } listed)
        {
            if (!terms.OtherAllowed)
                problems.Add("term", $"'{input.Term}' is not in the protocol's adverse-event term list; choose one of its terms.");
            return;
        }
        if (listed.Grades.Count == 0 || input.Grade is not ({ } grade and >= 1 and <= 5) || listed.Grades.Any(g => g.Grade == grade)) return;
        var numbers = listed.Grades.Select(g => g.Grade.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        string grades = numbers.Length == 1 ? numbers[0] : string.Join(", ", numbers[..^1]) + " and " + numbers[^1];
        problems.Add("grade", $"{listed.Term} has no grade {grade} in the protocol's term list; its grades are {grades}.");
    }

    private static void CheckAssessment(CaptureInput input, AdverseEventAssessment a, CaptureRules.Found problems)
    {
        if (a.Serious is null) problems.Add("serious", "Say whether the adverse event is serious.");
        if (a.Serious == true && a.Criteria == SeriousCriteria.None)
            problems.Add("seriousCriteria", "A serious adverse event meets at least one criterion: death, life-threatening, hospitalization or its prolongation, disability or incapacity, congenital anomaly, or another important medical event.");
        if (a.Serious == false && a.Criteria != SeriousCriteria.None)
            problems.Add("seriousCriteria", "Only a serious adverse event has seriousness criteria; answer 'yes' to serious or clear the criteria.");
        if (a.Attribution is null) problems.Add("attribution", "Give the attribution to the study treatment: unrelated, unlikely, possible, probable or definite.");
        if (a.Action is null) problems.Add("actionTaken", "Give the action taken with the study treatment.");
        if (a.Outcome is null) problems.Add("outcome", "Give the outcome of the adverse event.");
        CheckGradeFive(input, a, problems);
        if (a.Outcome is AdverseEventOutcome.Recovered or AdverseEventOutcome.RecoveredWithSequelae && input.EndDate is null)
            problems.Add("endDate", "A recovered adverse event needs its end date.");
        if (a.Outcome is AdverseEventOutcome.Recovering or AdverseEventOutcome.NotRecovered && input.EndDate is not null)
            problems.Add("outcome", "An adverse event that is still recovering or not recovered has no end date; choose a recovered outcome or clear the end date.");
    }

    /// <summary>Grade 5 (death related to the event) is a fatal outcome and a serious event with the criterion death; a fatal outcome is grade 5.</summary>
    private static void CheckGradeFive(CaptureInput input, AdverseEventAssessment a, CaptureRules.Found problems)
    {
        if (input.Grade == 5)
        {
            if (a.Outcome is not null and not AdverseEventOutcome.Fatal) problems.Add("outcome", "A grade 5 adverse event (death related to the event) has the outcome fatal.");
            if (a.Serious == false) problems.Add("serious", "A grade 5 adverse event (death related to the event) is serious.");
            if (a.Serious == true && (a.Criteria & SeriousCriteria.Death) == 0)
                problems.Add("seriousCriteria", "A grade 5 adverse event (death related to the event) meets the criterion death.");
        }
        else if (a.Outcome == AdverseEventOutcome.Fatal && input.Grade is >= 1 and <= 4)
        {
            problems.Add("outcome", $"A fatal outcome is grade 5 (death related to the event), not grade {input.Grade}.");
        }
    }
}
