using Evident.Protocol;

namespace Evident.Protocol.Synthetic;

/// <summary>A generated synthetic trial: participants and adverse events, with the protocol and scenario behind them.</summary>
/// <param name="Protocol">The protocol the data follow.</param>
/// <param name="Scenario">The assumptions they were drawn from.</param>
/// <param name="Participants">One record per participant, in order of randomization.</param>
/// <param name="AdverseEvents">Adverse events, by participant then term.</param>
public sealed record SyntheticTrialData(
    TrialProtocol Protocol,
    TrialScenario Scenario,
    IReadOnlyList<SyntheticRecord> Participants,
    IReadOnlyList<SyntheticAdverseEvent> AdverseEvents);
