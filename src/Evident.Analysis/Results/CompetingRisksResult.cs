namespace Evident.Analysis.Results;

/// <summary>Cumulative incidence of each cause by arm (Aalen–Johansen), overall and per stratum.</summary>
/// <param name="EndpointId">The competing-risks endpoint.</param>
/// <param name="Title">Heading, e.g. "Relapse by site".</param>
/// <param name="Milestone">Time of the reported incidences, or null.</param>
/// <param name="Overall">Every cause over all participants (Gray's test unstratified).</param>
/// <param name="Strata">Per stratum label, every cause (empty unless by stratum).</param>
public sealed record CompetingRisksResult(
    string EndpointId,
    string Title,
    double? Milestone,
    IReadOnlyList<CauseResult> Overall,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<CauseResult>>> Strata);
