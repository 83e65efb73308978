using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Results;

/// <summary>The incidence of one cause in one arm.</summary>
/// <param name="ArmId">The arm.</param>
/// <param name="Events">First events of this cause.</param>
/// <param name="Milestones">
/// Aalen–Johansen estimate and variance at each of the endpoint's milestones (cmprsk <c>timepoints</c>), in the
/// endpoint's order: 0 with variance 0 when the cause has no event at all but the milestone lies within the arm's
/// follow-up; null when the milestone lies past the arm's last follow-up (not estimable).
/// </param>
/// <param name="Curve">The curve (for figures), or null when the cause has no event at all.</param>
/// <param name="LastFollowUp">The arm's largest follow-up time (event of any cause or censoring), or NaN without participants.</param>
public sealed record CauseArm(string ArmId, int Events, IReadOnlyList<CumulativeIncidencePoint?> Milestones, CumulativeIncidenceCurve? Curve, double LastFollowUp)
{
    /// <summary>The estimate at the first milestone, or null (no milestone, or not estimable there).</summary>
    public CumulativeIncidencePoint? AtMilestone => Milestones.Count > 0 ? Milestones[0] : null;

    /// <summary>True when <paramref name="milestone"/> lies within the arm's follow-up, so the incidence there is estimable.</summary>
    /// <param name="milestone">The milestone time.</param>
    public bool EstimableAt(double milestone) => milestone <= LastFollowUp;
}
