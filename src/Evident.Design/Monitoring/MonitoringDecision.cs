namespace Evident.Design.Monitoring;

/// <summary>What the design says at one interim or final look.</summary>
public enum MonitoringDecision
{
    /// <summary>Neither bound crossed at an interim look: continue to the next look.</summary>
    Continue,

    /// <summary>Z ≥ efficacy bound: reject H0 (the experimental arm is better) and stop.</summary>
    StopForEfficacy,

    /// <summary>Z ≤ futility bound at an interim look: stop for futility (binding or not, as the design says).</summary>
    StopForFutility,

    /// <summary>The final look without crossing the efficacy bound: H0 is not rejected.</summary>
    FinalNoRejection,
}
