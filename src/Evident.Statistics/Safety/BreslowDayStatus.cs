namespace Evident.Statistics.Safety;

/// <summary>Whether the Breslow–Day test could be computed (the soft failures of <see cref="BreslowDay.Test"/>).</summary>
public enum BreslowDayStatus
{
    /// <summary>At least two informative strata and a positive finite common odds ratio: both statistics are given.</summary>
    Computed,

    /// <summary>
    /// Fewer than two strata have all four margins positive, so there is no heterogeneity to test (K' − 1 &lt; 1 degree
    /// of freedom). R code written from the formulas gives NA.
    /// </summary>
    TooFewStrata,

    /// <summary>
    /// The Mantel–Haenszel common odds ratio is 0, +∞ or 0/0 (no discordant cell pairs on one side), so the fitted
    /// cells lie on the boundary with zero variance. R code written from the formulas gives NA.
    /// </summary>
    OddsRatioNotEstimable,
}
