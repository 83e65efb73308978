namespace Evident.Protocol;

/// <summary>
/// Cumulative incidence of each cause by arm (Aalen–Johansen; <c>cmprsk::cuminc</c>) with Gray's (1988) test per cause
/// (YAML <c>analyses.competing_risks</c>), e.g. relapse by site.
/// </summary>
/// <param name="Endpoint">A competing-risks endpoint id.</param>
/// <param name="Title">Heading in the report, e.g. <c>Relapse by site</c>; defaults to the endpoint's label.</param>
/// <param name="ByStratum">Whether to repeat the analysis within each stratum; default false.</param>
/// <param name="GrayTest">Whether to report Gray's test for each cause; default true.</param>
public sealed record CompetingRisksAnalysis(string Endpoint, string Title, bool ByStratum, bool GrayTest);
