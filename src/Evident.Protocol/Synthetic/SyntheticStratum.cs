namespace Evident.Protocol.Synthetic;

/// <summary>One stratum of a synthetic two-arm trial with exponential event times.</summary>
/// <param name="Name">The stratum's level, e.g. <c>SR-average</c>.</param>
/// <param name="Proportion">Share of participants in this stratum, 0 &lt; p ≤ 1; the shares of a trial sum to 1.</param>
/// <param name="ControlSurvival">Event-free probability of the control arm at the milestone, 0 &lt; S &lt; 1.</param>
/// <param name="TreatmentSurvival">Event-free probability of the experimental arm at the milestone, 0 &lt; S &lt; 1.</param>
public sealed record SyntheticStratum(string Name, double Proportion, double ControlSurvival, double TreatmentSurvival)
{
    /// <summary>The exponential hazard giving survival <paramref name="survival"/> at <paramref name="milestone"/>: λ = −log S / t.</summary>
    public static double Hazard(double survival, double milestone) => -Math.Log(survival) / milestone;
}
