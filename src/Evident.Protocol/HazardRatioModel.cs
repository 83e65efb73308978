namespace Evident.Protocol;

/// <summary>Which Cox model gives each comparison's hazard ratio (YAML <c>analyses.*.hazard_ratio_model</c>).</summary>
public enum HazardRatioModel
{
    /// <summary>
    /// One model over every arm, R's <c>coxph(Surv ~ arm + strata(…))</c> with the control as reference: each compared
    /// arm's hazard ratio is its coefficient. The default.
    /// </summary>
    Joint,

    /// <summary>One model per comparison on the participants of its two arms only: <c>coxph(…, subset = arm %in% c(control, a))</c>.</summary>
    Pairwise,
}
