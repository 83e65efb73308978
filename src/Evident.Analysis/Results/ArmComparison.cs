using Evident.Analysis.Models;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Analysis.Results;

/// <summary>An experimental arm against the control: Cox hazard ratio (experimental/control) with its Wald interval and p.</summary>
/// <param name="ArmId">The experimental arm.</param>
/// <param name="HazardRatio">The Cox term (R <c>summary(coxph(...))</c>); NaN fields (null in results.json) unless <paramref name="Status"/> is estimated.</param>
/// <param name="Status">Whether the data allowed the hazard ratio, and if not, why (no participants, no events, one arm only).</param>
public sealed record ArmComparison(string ArmId, CoxCoefficient HazardRatio, EstimateStatus Status);
