using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>One arm of a group: size, events, the Kaplan–Meier curve and its value at the milestone.</summary>
/// <param name="ArmId">The arm id.</param>
/// <param name="Label">The arm's label.</param>
/// <param name="N">Participants.</param>
/// <param name="Events">Events of the endpoint.</param>
/// <param name="Milestones">
/// Ŝ at each of the endpoint's milestones with Greenwood SE and limits (R <c>summary(survfit, times = m)</c>); null
/// (not estimable) where the milestone lies past the arm's last follow-up time, where R's <c>summary(survfit, times = m)</c>
/// gives no row; empty without milestones.
/// </param>
/// <param name="Curve">The Kaplan–Meier curve (for figures), or null when the arm has no participant here.</param>
public sealed record ArmSummary(string ArmId, string Label, int N, int Events, IReadOnlyList<KaplanMeierPoint?> Milestones, KaplanMeierCurve? Curve)
{
    /// <summary>Ŝ at the first milestone, or null (no milestone, or not estimable).</summary>
    public KaplanMeierPoint? Milestone => Milestones.Count > 0 ? Milestones[0] : null;

    /// <summary>The arm's largest follow-up time (event or censoring), or NaN without participants.</summary>
    public double LastFollowUp => Curve is { } c && c.RiskSets.Count > 0 ? c.RiskSets.Time[^1] : double.NaN;
}
