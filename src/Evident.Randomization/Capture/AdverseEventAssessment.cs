namespace Evident.Randomization.Capture;

/// <summary>
/// The assessment of an adverse event beyond its term and grade: seriousness with its ICH E2A criteria, attribution to
/// the study treatment, action taken and outcome. A member left null is one the form or request did not give;
/// <see cref="CaptureRules"/> names each as missing. An adverse event recorded without an assessment (before the form
/// asked for one, or through an API client that sends none) has <see cref="CaptureInput.Assessment"/> null.
/// </summary>
/// <param name="Serious">Whether the event is serious (ICH E2A), or null when not given.</param>
/// <param name="Criteria">The seriousness criteria met; at least one for a serious event, none otherwise.</param>
/// <param name="Attribution">The attribution to the study treatment, or null when not given.</param>
/// <param name="Action">The action taken with the study treatment, or null when not given.</param>
/// <param name="Outcome">The outcome, or null when not given.</param>
public sealed record AdverseEventAssessment(bool? Serious, SeriousCriteria Criteria, Attribution? Attribution, ActionTaken? Action, AdverseEventOutcome? Outcome);
