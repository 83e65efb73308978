namespace Evident.Server.Tests;

/// <summary>
/// The assessment both entry channels give an adverse event of the scenario, from its grade and end date, so that the
/// API and the pages record the same data: grade 4 or 5 is serious (life-threatening and hospitalization; grade 5
/// death), attribution possible, grade 3 or more interrupts treatment, and the outcome follows the end date.
/// </summary>
internal static class ScenarioAssessment
{
    public static bool Serious(int grade) => grade >= 4;

    public static string[] Criteria(int grade) => grade switch { 5 => ["death"], 4 => ["life_threatening", "hospitalization"], _ => [] };

    public const string Attribution = "possible";

    public static string Action(int grade) => grade >= 3 ? "interrupted" : "none";

    public static string Outcome(int grade, DateOnly? end) => grade == 5 ? "fatal" : end is null ? "not_recovered" : "recovered";

    /// <summary>The page form's fields (<c>names</c> is <c>ae</c> or <c>c</c>): one <c>seriousCriteria</c> per criterion ticked.</summary>
    public static (string, string)[] FormFields(string names, int grade, DateOnly? end) =>
    [
        ($"{names}.serious", Serious(grade) ? "yes" : "no"), .. Criteria(grade).Select(c => ($"{names}.seriousCriteria", c)),
        ($"{names}.attribution", Attribution), ($"{names}.actionTaken", Action(grade)), ($"{names}.outcome", Outcome(grade, end)),
    ];
}
