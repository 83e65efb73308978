namespace Evident.Protocol;

/// <summary>The statistical analysis plan (YAML <c>analyses:</c>); only the primary analysis is required.</summary>
/// <param name="Primary">The primary analysis.</param>
/// <param name="Secondary">Secondary analyses (YAML <c>analyses.secondary</c>), each shaped like the primary; empty without.</param>
/// <param name="Subgroups">Subgroup analyses, or null.</param>
/// <param name="CompetingRisks">
/// Cumulative incidence by cause (YAML <c>analyses.competing_risks</c>: one block or a list), one per competing-risks
/// endpoint in the protocol's order; empty without.
/// </param>
/// <param name="Safety">Adverse events, or null.</param>
/// <param name="Monitoring">Interim monitoring, or null (requires a design).</param>
public sealed record AnalysisPlan(
    PrimaryAnalysis Primary,
    IReadOnlyList<PrimaryAnalysis> Secondary,
    SubgroupAnalysis? Subgroups,
    IReadOnlyList<CompetingRisksAnalysis> CompetingRisks,
    SafetyAnalysis? Safety,
    MonitoringPlan? Monitoring);
