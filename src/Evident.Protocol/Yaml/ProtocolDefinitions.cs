namespace Evident.Protocol.Yaml;

/// <summary>What the sections read before data and analyses define, for checking the references written there.</summary>
internal sealed record ProtocolDefinitions(
    IReadOnlyList<TrialArm> Arms,
    IReadOnlyList<StratificationFactor> Strata,
    IReadOnlyList<Covariate> Covariates,
    IReadOnlyList<EventComponent> Components,
    IReadOnlyList<Endpoint> Endpoints);
