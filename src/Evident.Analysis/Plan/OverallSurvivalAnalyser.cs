using Evident.Analysis.Input;
using Evident.Analysis.Results;
using Evident.Protocol;

namespace Evident.Analysis.Plan;

/// <summary>
/// Overall survival when the protocol marks a death component (<c>components[].death: true</c>): Kaplan–Meier by arm,
/// log-rank and hazard ratio exactly as the primary analysis (its arms, strata, ties and level). An endpoint of the
/// protocol whose only event is death is overall survival already and is analysed as it stands; otherwise the endpoint
/// <see cref="EndpointId"/> is added: time from randomization to death, censored at the last date known alive (or the
/// cut-off), with the primary endpoint's milestones.
/// </summary>
internal static class OverallSurvivalAnalyser
{
    public const string EndpointId = "overall_survival";

    public static PrimaryResult? Run(TrialProtocol protocol, TrialData data, AnalysisOptions options)
    {
        if (protocol.Components.FirstOrDefault(c => c.IsDeath) is not { } death) return null;
        var primary = protocol.Analyses.Primary;
        if (protocol.Endpoints.FirstOrDefault(e => e.Kind == EndpointKind.FirstEvent && e.Components.SequenceEqual([death.Id])) is { } os)
            return PrimaryAnalyser.Run(new AnalysedTrial(protocol, data, options, primary with { Endpoint = os.Id }));
        var milestones = protocol.Endpoint(primary.Endpoint).Milestones;
        var endpoint = new Endpoint(EndpointId, "Overall survival", EndpointKind.FirstEvent, [death.Id], [], EndpointOrigin.Randomization,
                                    CensoringRule.LastContact, milestones, null) { Noun = "a death" };
        int component = protocol.Components.ToList().IndexOf(death);
        var participants = data.Participants.Select(p => p with
        {
            Outcomes = p.Outcomes.Append(p.Death is { } d
                ? new EndpointOutcome(p.Randomized, d.Date, component)
                : new EndpointOutcome(p.Randomized, p.LastKnownAlive ?? p.Outcomes.Max(o => o.End), -1)).ToArray().AsReadOnly(),
        }).ToArray();
        var withOs = protocol with { Endpoints = protocol.Endpoints.Append(endpoint).ToArray().AsReadOnly() };
        return PrimaryAnalyser.Run(new AnalysedTrial(withOs, data with { Participants = participants }, options, primary with { Endpoint = EndpointId }));
    }
}
