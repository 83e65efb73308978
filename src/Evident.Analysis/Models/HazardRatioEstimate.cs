using Evident.Statistics.Cox;

namespace Evident.Analysis.Models;

/// <summary>The hazard ratio of one comparison of two arms, and whether the data allowed it.</summary>
/// <param name="HazardRatio">The Cox term (R <c>summary(coxph(...))</c>); every field NaN unless <paramref name="Status"/> is <see cref="EstimateStatus.Estimated"/>.</param>
/// <param name="Status">Estimated, or why not: no participants, no events, or only one arm present (singular).</param>
public sealed record HazardRatioEstimate(CoxCoefficient HazardRatio, EstimateStatus Status);
