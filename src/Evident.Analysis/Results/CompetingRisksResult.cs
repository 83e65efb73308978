namespace Evident.Analysis.Results;

/// <summary>Cumulative incidence of each cause by arm (Aalen–Johansen), overall and per stratum, for one competing-risks endpoint.</summary>
/// <param name="EndpointId">The competing-risks endpoint; names the analysis in results.json and the report.</param>
/// <param name="Title">Heading, e.g. "Relapse by site".</param>
/// <param name="Milestones">Times of the reported incidences (the endpoint's milestones); empty without.</param>
/// <param name="Overall">Every cause over all participants (Gray's test unstratified).</param>
/// <param name="Strata">Per stratum label, every cause (empty unless by stratum).</param>
public sealed record CompetingRisksResult(
    string EndpointId,
    string Title,
    IReadOnlyList<double> Milestones,
    IReadOnlyList<CauseResult> Overall,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<CauseResult>>> Strata)
{
    /// <summary>The first milestone, or null without one.</summary>
    public double? Milestone => Milestones.Count > 0 ? Milestones[0] : null;
}
