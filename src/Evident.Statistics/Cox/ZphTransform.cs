using Evident.Statistics.Survival;

namespace Evident.Statistics.Cox;

/// <summary>The time scale g(t) on which <see cref="ProportionalHazardsTest"/> tests for a time-varying coefficient (R: <c>cox.zph(transform = ...)</c>).</summary>
public enum ZphTransform
{
    /// <summary>One minus the left-continuous Kaplan–Meier estimate of the pooled data, <c>1 − Ŝ(t−)</c>; R's default <c>"km"</c>.</summary>
    KaplanMeier,

    /// <summary>The rank of the time among all observations (ties get their average rank); R's <c>"rank"</c>.</summary>
    Rank,

    /// <summary>The time itself; R's <c>"identity"</c>.</summary>
    Identity,

    /// <summary>The natural logarithm of the time (times must be &gt; 0); R's <c>"log"</c>.</summary>
    Log,
}
