using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Results;

/// <summary>The incidence of one cause in one arm.</summary>
/// <param name="ArmId">The arm.</param>
/// <param name="Events">First events of this cause.</param>
/// <param name="AtMilestone">
/// Aalen–Johansen estimate and variance at the milestone (cmprsk <c>timepoints</c>); null without a milestone, without
/// an event of the cause (the incidence is then 0 up to <paramref name="LastFollowUp"/>), or when the milestone lies past
/// the arm's last follow-up (not estimable).
/// </param>
/// <param name="Curve">The curve (for figures), or null when the cause has no event at all.</param>
/// <param name="LastFollowUp">The arm's largest follow-up time (event of any cause or censoring), or NaN without participants.</param>
public sealed record CauseArm(string ArmId, int Events, CumulativeIncidencePoint? AtMilestone, CumulativeIncidenceCurve? Curve, double LastFollowUp)
{
    /// <summary>True when <paramref name="milestone"/> lies within the arm's follow-up, so the incidence there is estimable.</summary>
    /// <param name="milestone">The milestone time.</param>
    public bool EstimableAt(double milestone) => milestone <= LastFollowUp;
}
