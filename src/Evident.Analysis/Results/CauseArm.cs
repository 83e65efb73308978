using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Results;

/// <summary>The incidence of one cause in one arm.</summary>
/// <param name="ArmId">The arm.</param>
/// <param name="Events">First events of this cause.</param>
/// <param name="AtMilestone">Aalen–Johansen estimate and variance at the milestone (cmprsk <c>timepoints</c>), or null without a milestone.</param>
/// <param name="Curve">The curve (for figures), or null when the cause has no event at all.</param>
public sealed record CauseArm(string ArmId, int Events, CumulativeIncidencePoint? AtMilestone, CumulativeIncidenceCurve? Curve);
