namespace Evident.Analysis.Plan;

/// <summary>One comparison's participants coded for the two-group kernels.</summary>
/// <param name="Time">Follow-up time of each participant.</param>
/// <param name="IsEvent">Whether the participant had the endpoint's event.</param>
/// <param name="Group">1 for the compared arm, 0 for the control.</param>
/// <param name="Stratum">Stratum cell of each participant; empty when unstratified.</param>
/// <param name="StratumCount">Number of stratum cells.</param>
internal sealed record TwoArmData(double[] Time, bool[] IsEvent, int[] Group, int[] Stratum, int StratumCount);
