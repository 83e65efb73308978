namespace Evident.Statistics.Cox;

/// <summary>
/// The survival curve a fitted Cox model predicts for one covariate pattern, at every distinct follow-up time of the
/// pattern's stratum: R's <c>survfit(coxph_fit, newdata = pattern)</c>. Built by <see cref="CoxSurvivalPrediction"/>;
/// immutable.
/// </summary>
public sealed record CoxSurvivalCurve
{
    internal CoxSurvivalCurve() { }

    /// <summary>The stratum whose baseline hazard the curve uses (0 without strata).</summary>
    public required int Stratum { get; init; }

    /// <summary>Distinct stop times of the stratum, ascending (R: <c>$time</c>, censoring times included).</summary>
    public required IReadOnlyList<double> Times { get; init; }

    /// <summary>Rows at risk just before each time (R: <c>$n.risk</c>).</summary>
    public required IReadOnlyList<int> AtRisk { get; init; }

    /// <summary>Events at each time (R: <c>$n.event</c>).</summary>
    public required IReadOnlyList<int> Events { get; init; }

    /// <summary>Rows censored at each time (R: <c>$n.censor</c>).</summary>
    public required IReadOnlyList<int> Censored { get; init; }

    /// <summary>S(t) = exp(−Λ(t)) (R: <c>$surv</c>, <c>stype = 2</c>).</summary>
    public required IReadOnlyList<double> Survival { get; init; }

    /// <summary>Standard error of S(t), S(t)·se(Λ(t)) (R: <c>summary(...)$std.err</c>).</summary>
    public required IReadOnlyList<double> StdError { get; init; }

    /// <summary>Λ(t) for the pattern (R: <c>$cumhaz</c>).</summary>
    public required IReadOnlyList<double> CumulativeHazard { get; init; }

    /// <summary>Standard error of Λ(t) (R: <c>$std.err</c>, <c>$std.chaz</c>).</summary>
    public required IReadOnlyList<double> CumulativeHazardStdError { get; init; }

    /// <summary>Lower pointwise confidence limit of S(t); NaN where not estimable (R: <c>$lower</c>).</summary>
    public required IReadOnlyList<double> ConfLow { get; init; }

    /// <summary>Upper pointwise confidence limit of S(t); NaN where not estimable (R: <c>$upper</c>).</summary>
    public required IReadOnlyList<double> ConfHigh { get; init; }

    /// <summary>The scale of the intervals.</summary>
    public required ConfidenceType ConfidenceType { get; init; }

    /// <summary>The level of the intervals.</summary>
    public required double ConfidenceLevel { get; init; }
}
