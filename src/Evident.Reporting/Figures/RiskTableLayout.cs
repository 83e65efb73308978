namespace Evident.Reporting.Figures;

/// <summary>What the table under a survival figure shows at each x-axis break.</summary>
public enum RiskTableLayout
{
    /// <summary>No table.</summary>
    None,

    /// <summary>One row per arm, "number at risk (cumulative events)", under the heading "Number at risk (events)".</summary>
    AtRiskWithEvents,

    /// <summary>
    /// The KMunicate layout (Morris et al. 2019, BMJ Open 9:e030215): per arm, rows "At risk", "Censored" and "Events",
    /// the last two cumulative from time 0.
    /// </summary>
    KMunicate,
}
