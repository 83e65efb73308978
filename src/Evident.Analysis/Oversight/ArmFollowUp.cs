using Evident.Statistics.Survival;

namespace Evident.Analysis.Oversight;

/// <summary>The median follow-up of one arm by reverse Kaplan–Meier.</summary>
/// <param name="Arm">The arm id.</param>
/// <param name="Label">The arm's label.</param>
/// <param name="Estimate">The median and its limits (NaN = not reached).</param>
public sealed record ArmFollowUp(string Arm, string Label, FollowUpEstimate Estimate);
