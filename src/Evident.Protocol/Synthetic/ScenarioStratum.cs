namespace Evident.Protocol.Synthetic;

/// <summary>One stratum of a synthetic trial (YAML <c>strata[]</c>): its share of participants and each arm's hazards.</summary>
/// <param name="Level">Level of the protocol's first stratification factor; empty when the protocol has no strata.</param>
/// <param name="Proportion">Share of participants, 0 &lt; p ≤ 1; the shares sum to 1.</param>
/// <param name="Arms">Hazards of every protocol arm, in protocol order.</param>
public sealed record ScenarioStratum(string Level, double Proportion, IReadOnlyList<ScenarioArmHazards> Arms);
