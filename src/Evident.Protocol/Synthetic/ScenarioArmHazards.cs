namespace Evident.Protocol.Synthetic;

/// <summary>
/// Cause-specific hazards of one arm in one stratum (YAML <c>strata[].arms.&lt;arm&gt;</c>): the cumulative hazard of
/// each component at the scenario's milestone and the time profile shared by the components.
/// </summary>
/// <param name="Arm">The protocol's arm id.</param>
/// <param name="Profile">Relative hazard on each interval cut by <see cref="TrialScenario.Breaks"/> (breaks + 1 values, ≥ 0).</param>
/// <param name="CumulativeHazards">Cumulative hazard H_k ≥ 0 at the milestone of every component of the protocol, in protocol order (0 when not given).</param>
public sealed record ScenarioArmHazards(string Arm, IReadOnlyList<double> Profile, IReadOnlyList<double> CumulativeHazards);
