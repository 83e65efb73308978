using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>One arm of a group: size, events, the Kaplan–Meier curve and its value at the milestone.</summary>
/// <param name="ArmId">The arm id.</param>
/// <param name="Label">The arm's label.</param>
/// <param name="N">Participants.</param>
/// <param name="Events">Events of the endpoint.</param>
/// <param name="Milestone">Ŝ at the milestone with Greenwood SE and limits (R <c>summary(survfit, times = m)</c>), or null without a milestone.</param>
/// <param name="Curve">The Kaplan–Meier curve (for figures), or null when the arm has no participant here.</param>
public sealed record ArmSummary(string ArmId, string Label, int N, int Events, KaplanMeierPoint? Milestone, KaplanMeierCurve? Curve);
