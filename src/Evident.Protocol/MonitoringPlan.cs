namespace Evident.Protocol;

/// <summary>
/// Interim monitoring (YAML <c>analyses.monitoring</c>): the observed log-rank Z at each look against the boundaries of
/// <see cref="TrialProtocol.Design"/>, with information fraction = events observed / <see cref="ProtocolDesign.PlannedEvents"/>
/// (Lan–DeMets 1983 spending at the observed fractions).
/// </summary>
/// <param name="Endpoint">A first-event endpoint id; default the primary endpoint.</param>
/// <param name="Stratified">Whether the log-rank statistic is stratified as in the primary analysis; default true.</param>
public sealed record MonitoringPlan(string Endpoint, bool Stratified);
