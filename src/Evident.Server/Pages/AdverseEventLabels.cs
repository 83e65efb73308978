using Evident.Randomization.Capture;

namespace Evident.Server.Pages;

/// <summary>The words the pages use for an adverse event's seriousness criteria, attribution, action taken and outcome.</summary>
public static class AdverseEventLabels
{
    /// <summary>The choice on the form that records a term outside the protocol's list (when it allows one).</summary>
    public const string OtherSpecify = "Other, specify";

    /// <summary>The ICH E2A seriousness criteria with their labels, in the form's order.</summary>
    public static IReadOnlyList<(SeriousCriteria Criterion, string Label)> Criteria { get; } =
    [
        (SeriousCriteria.Death, "Results in death"),
        (SeriousCriteria.LifeThreatening, "Is life-threatening"),
        (SeriousCriteria.Hospitalization, "Requires inpatient hospitalization or prolongs an existing one"),
        (SeriousCriteria.Disability, "Results in persistent or significant disability or incapacity"),
        (SeriousCriteria.CongenitalAnomaly, "Is a congenital anomaly or birth defect"),
        (SeriousCriteria.ImportantMedicalEvent, "Is another important medical event"),
    ];

    /// <summary>The attributions with their labels.</summary>
    public static IReadOnlyList<(Attribution Value, string Label)> Attributions { get; } =
    [
        (Attribution.Unrelated, "Unrelated"),
        (Attribution.Unlikely, "Unlikely"),
        (Attribution.Possible, "Possible"),
        (Attribution.Probable, "Probable"),
        (Attribution.Definite, "Definite"),
    ];

    /// <summary>The actions taken with the study treatment, with their labels.</summary>
    public static IReadOnlyList<(ActionTaken Value, string Label)> Actions { get; } =
    [
        (ActionTaken.None, "Dose not changed"),
        (ActionTaken.DoseReduced, "Dose reduced"),
        (ActionTaken.Interrupted, "Treatment interrupted or delayed"),
        (ActionTaken.Discontinued, "Treatment permanently discontinued"),
        (ActionTaken.NotApplicable, "Not applicable (off treatment)"),
        (ActionTaken.Unknown, "Unknown"),
    ];

    /// <summary>The outcomes with their labels.</summary>
    public static IReadOnlyList<(AdverseEventOutcome Value, string Label)> Outcomes { get; } =
    [
        (AdverseEventOutcome.Recovered, "Recovered or resolved"),
        (AdverseEventOutcome.RecoveredWithSequelae, "Recovered or resolved with sequelae"),
        (AdverseEventOutcome.Recovering, "Recovering or resolving"),
        (AdverseEventOutcome.NotRecovered, "Not recovered or not resolved"),
        (AdverseEventOutcome.Fatal, "Fatal"),
        (AdverseEventOutcome.Unknown, "Unknown"),
    ];

    /// <summary>
    /// The assessment in words for the timeline, e.g. "serious: requires inpatient hospitalization or prolongs an
    /// existing one; possible attribution; dose reduced; recovering or resolving", or "not serious; …".
    /// </summary>
    /// <param name="a">The assessment.</param>
    public static string Describe(AdverseEventAssessment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        string serious = a.Serious == true
            ? "serious: " + string.Join(", ", Criteria.Where(c => (a.Criteria & c.Criterion) != 0).Select(c => c.Label.ToLowerInvariant()))
            : "not serious";
        var parts = new List<string> { serious };
        if (a.Attribution is { } attribution) parts.Add(Attributions.First(x => x.Value == attribution).Label.ToLowerInvariant() + " attribution");
        if (a.Action is { } action) parts.Add(Actions.First(x => x.Value == action).Label.ToLowerInvariant());
        if (a.Outcome is { } outcome) parts.Add(Outcomes.First(x => x.Value == outcome).Label.ToLowerInvariant());
        return string.Join("; ", parts);
    }
}
