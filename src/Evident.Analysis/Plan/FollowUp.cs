namespace Evident.Analysis.Plan;

/// <summary>Follow-up of an endpoint per analysed participant (<see cref="AnalysedTrial.FollowUp"/>).</summary>
/// <param name="Time">Time to the event or censoring, in the protocol's unit.</param>
/// <param name="Component">The endpoint component that ended follow-up, or −1 when censored.</param>
internal sealed record FollowUp(double[] Time, int[] Component)
{
    /// <summary>True when participant <paramref name="i"/> had an event.</summary>
    public bool IsEvent(int i) => Component[i] >= 0;
}
