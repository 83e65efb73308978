namespace Evident.Randomization.Capture;

/// <summary>
/// The wire names (API, storage, export, audit) of an adverse event's seriousness criteria, attribution, action taken
/// and outcome, and their parsing (exact, lower case).
/// </summary>
public static class AdverseEventCodes
{
    /// <summary>The seriousness criteria with their wire names, in ICH E2A order.</summary>
    public static IReadOnlyList<(SeriousCriteria Criterion, string Name)> Criteria { get; } =
    [
        (SeriousCriteria.Death, "death"),
        (SeriousCriteria.LifeThreatening, "life_threatening"),
        (SeriousCriteria.Hospitalization, "hospitalization"),
        (SeriousCriteria.Disability, "disability"),
        (SeriousCriteria.CongenitalAnomaly, "congenital_anomaly"),
        (SeriousCriteria.ImportantMedicalEvent, "important_medical_event"),
    ];

    /// <summary>The attributions with their wire names, from unrelated to definite.</summary>
    public static IReadOnlyList<(Attribution Value, string Name)> Attributions { get; } =
    [
        (Attribution.Unrelated, "unrelated"),
        (Attribution.Unlikely, "unlikely"),
        (Attribution.Possible, "possible"),
        (Attribution.Probable, "probable"),
        (Attribution.Definite, "definite"),
    ];

    /// <summary>The actions taken with their wire names.</summary>
    public static IReadOnlyList<(ActionTaken Value, string Name)> Actions { get; } =
    [
        (ActionTaken.None, "none"),
        (ActionTaken.DoseReduced, "dose_reduced"),
        (ActionTaken.Interrupted, "interrupted"),
        (ActionTaken.Discontinued, "discontinued"),
        (ActionTaken.NotApplicable, "not_applicable"),
        (ActionTaken.Unknown, "unknown"),
    ];

    /// <summary>The outcomes with their wire names.</summary>
    public static IReadOnlyList<(AdverseEventOutcome Value, string Name)> Outcomes { get; } =
    [
        (AdverseEventOutcome.Recovered, "recovered"),
        (AdverseEventOutcome.RecoveredWithSequelae, "recovered_with_sequelae"),
        (AdverseEventOutcome.Recovering, "recovering"),
        (AdverseEventOutcome.NotRecovered, "not_recovered"),
        (AdverseEventOutcome.Fatal, "fatal"),
        (AdverseEventOutcome.Unknown, "unknown"),
    ];

    /// <summary>The wire names of the criteria set in <paramref name="criteria"/>, in ICH E2A order.</summary>
    /// <param name="criteria">The criteria.</param>
    public static IReadOnlyList<string> Names(SeriousCriteria criteria) =>
        Criteria.Where(c => (criteria & c.Criterion) != 0).Select(c => c.Name).ToArray();

    /// <summary>Parses criterion wire names; false (with the first unknown name) when one is not a criterion.</summary>
    /// <param name="names">The names.</param>
    /// <param name="criteria">Their union.</param>
    /// <param name="unknown">The first name that is not a criterion, else null.</param>
    public static bool TryParseCriteria(IEnumerable<string> names, out SeriousCriteria criteria, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(names);
        criteria = SeriousCriteria.None;
        unknown = null;
        foreach (string name in names)
        {
            var found = Criteria.FirstOrDefault(c => c.Name == name);
            if (found.Name is null)
            {
                unknown = name;
                return false;
            }
            criteria |= found.Criterion;
        }
        return true;
    }

    /// <summary>The wire name of an attribution.</summary>
    /// <param name="value">The attribution.</param>
    public static string Name(Attribution value) => Attributions.First(a => a.Value == value).Name;

    /// <summary>The wire name of an action taken.</summary>
    /// <param name="value">The action.</param>
    public static string Name(ActionTaken value) => Actions.First(a => a.Value == value).Name;

    /// <summary>The wire name of an outcome.</summary>
    /// <param name="value">The outcome.</param>
    public static string Name(AdverseEventOutcome value) => Outcomes.First(a => a.Value == value).Name;

    /// <summary>Parses an attribution's wire name; null when unknown or absent.</summary>
    /// <param name="name">The name.</param>
    public static Attribution? ParseAttribution(string? name) => Find(Attributions, name);

    /// <summary>Parses an action's wire name; null when unknown or absent.</summary>
    /// <param name="name">The name.</param>
    public static ActionTaken? ParseAction(string? name) => Find(Actions, name);

    /// <summary>Parses an outcome's wire name; null when unknown or absent.</summary>
    /// <param name="name">The name.</param>
    public static AdverseEventOutcome? ParseOutcome(string? name) => Find(Outcomes, name);

    private static T? Find<T>(IReadOnlyList<(T Value, string Name)> list, string? name) where T : struct
    {
        foreach (var (value, wire) in list)
            if (wire == name) return value;
        return null;
    }
}
