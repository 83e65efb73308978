using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Analysis.Results;

/// <summary>An experimental arm against the control: Cox hazard ratio (experimental/control) with its Wald interval and p.</summary>
/// <param name="ArmId">The experimental arm.</param>
/// <param name="HazardRatio">The Cox term (R <c>summary(coxph(...))</c>); NaN fields when it cannot be estimated (no events).</param>
public sealed record ArmComparison(string ArmId, CoxCoefficient HazardRatio);
