using Evident.Protocol;
using Evident.Randomization.Capture;

namespace Evident.Randomization.Tests.Capture;

/// <summary>
/// The term-list and assessment rules of an adverse event (<see cref="CaptureRules"/> with the protocol's term list);
/// randomized 2026-01-15, today 2026-07-15.
/// </summary>
public sealed class AdverseEventRulesTests
{
    private static readonly DateOnly Randomized = new(2026, 1, 15), Today = new(2026, 7, 15), Onset = new(2026, 3, 1);

    private static readonly AdverseEventTerms Closed = new(
        [new AdverseEventTerm("Sepsis", "Infections and infestations", [new GradeDescription(3, "Treatment indicated"), new GradeDescription(4, "Life-threatening"), new GradeDescription(5, "Death")]),
         new AdverseEventTerm("Nausea", "Gastrointestinal disorders", [])],
        OtherAllowed: false);

    private static readonly AdverseEventAssessment NotSerious = new(false, SeriousCriteria.None, Attribution.Possible, ActionTaken.None, AdverseEventOutcome.NotRecovered);

    private static IReadOnlyDictionary<string, string[]> Problems(string term, int grade, AdverseEventAssessment? a, DateOnly? end = null, AdverseEventTerms? terms = null) =>
        CaptureRules.Problems(new CaptureInput(CaptureKind.AdverseEvent, Onset, null, term, grade) { Assessment = a, EndDate = end }, Randomized, Today, [], terms ?? Closed);

    [Fact]
    public void A_listed_term_in_any_case_and_an_unassessed_event_are_valid_and_without_a_list_any_term_is()
    {
        Assert.Empty(Problems("sepsis", 3, null));
        Assert.Empty(Problems("Nausea", 1, NotSerious));
        Assert.Empty(CaptureRules.Problems(new CaptureInput(CaptureKind.AdverseEvent, Onset, null, "Anything", 2), Randomized, Today, []));
        Assert.Empty(Problems("Pancreatitis", 2, null, terms: Closed with { OtherAllowed = true }));
    }

    [Fact]
    public void A_closed_list_refuses_other_terms_and_a_term_with_grade_descriptions_takes_only_those_grades()
    {
        Assert.Equal(["'Pancreatitis' is not in the protocol's adverse-event term list; choose one of its terms."], Problems("Pancreatitis", 2, null)["term"]);
        Assert.Equal(["Sepsis has no grade 2 in the protocol's term list; its grades are 3, 4 and 5."], Problems("Sepsis", 2, null)["grade"]);
        // A grade outside 1–5 has the general message only.
        Assert.Equal(["The CTCAE grade must be a whole number from 1 to 5."], Problems("Sepsis", 0, null)["grade"]);
    }

    [Fact]
    public void Each_missing_assessment_member_is_named_at_its_field()
    {
        var problems = Problems("Nausea", 1, new AdverseEventAssessment(null, SeriousCriteria.None, null, null, null));
        Assert.Equal(["actionTaken", "attribution", "outcome", "serious"], problems.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Seriousness_criteria_go_with_a_serious_event_only()
    {
        Assert.Contains("seriousCriteria", Problems("Nausea", 1, NotSerious with { Serious = true }).Keys);
        Assert.Contains("seriousCriteria", Problems("Nausea", 1, NotSerious with { Criteria = SeriousCriteria.Disability }).Keys);
        Assert.Empty(Problems("Nausea", 1, NotSerious with { Serious = true, Criteria = SeriousCriteria.ImportantMedicalEvent | SeriousCriteria.Disability }));
    }

    [Fact]
    public void Grade_five_is_fatal_serious_with_death_and_fatal_is_grade_five()
    {
        var fatal = NotSerious with { Serious = true, Criteria = SeriousCriteria.Death, Outcome = AdverseEventOutcome.Fatal };
        Assert.Empty(Problems("Sepsis", 5, fatal));
        Assert.Equal(["outcome"], Problems("Sepsis", 4, fatal).Keys);
        Assert.Equal(["seriousCriteria"], Problems("Sepsis", 5, fatal with { Criteria = SeriousCriteria.Hospitalization }).Keys);
        Assert.Equal(["serious"], Problems("Sepsis", 5, fatal with { Serious = false, Criteria = SeriousCriteria.None }).Keys);
    }

    [Fact]
    public void A_recovered_outcome_has_an_end_date_and_an_ongoing_one_has_none()
    {
        Assert.Equal(["endDate"], Problems("Nausea", 1, NotSerious with { Outcome = AdverseEventOutcome.Recovered }).Keys);
        Assert.Empty(Problems("Nausea", 1, NotSerious with { Outcome = AdverseEventOutcome.RecoveredWithSequelae }, new DateOnly(2026, 3, 9)));
        Assert.Equal(["outcome"], Problems("Nausea", 1, NotSerious with { Outcome = AdverseEventOutcome.Recovering }, new DateOnly(2026, 3, 9)).Keys);
        Assert.Empty(Problems("Nausea", 1, NotSerious with { Outcome = AdverseEventOutcome.Unknown }, new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Only_an_adverse_event_has_an_assessment_and_wire_names_round_trip()
    {
        var relapse = new CaptureInput(CaptureKind.Relapse, Onset, "cns", null, null) { Assessment = NotSerious };
        Assert.Equal(["serious"], CaptureRules.Problems(relapse, Randomized, Today, []).Keys);
        Assert.True(AdverseEventCodes.TryParseCriteria(["hospitalization", "death"], out var met, out _));
        Assert.Equal(["death", "hospitalization"], AdverseEventCodes.Names(met));
        Assert.False(AdverseEventCodes.TryParseCriteria(["death", "Death"], out _, out string? unknown));
        Assert.Equal("Death", unknown);
        Assert.All(AdverseEventCodes.Outcomes, o => Assert.Equal(o.Value, AdverseEventCodes.ParseOutcome(AdverseEventCodes.Name(o.Value))));
        Assert.Null(AdverseEventCodes.ParseAttribution("Possible"));
    }
}
