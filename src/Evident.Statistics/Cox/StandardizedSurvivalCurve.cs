namespace Evident.Statistics.Cox;

/// <summary>
/// A covariate-adjusted survival curve by direct standardisation: the mean over a sample of the curves a Cox model
/// predicts for each member with one covariate set to a given value (<see cref="CoxStandardizedSurvival"/>). Immutable.
/// </summary>
public sealed record StandardizedSurvivalCurve
{
    internal StandardizedSurvivalCurve() { }

    /// <summary>Every distinct stop time of the data, ascending.</summary>
    public required IReadOnlyList<double> Times { get; init; }

    /// <summary>S̄(t) = (1/n) Σᵢ Sᵢ(t).</summary>
    public required IReadOnlyList<double> Survival { get; init; }

    /// <summary>Delta-method standard error of S̄(t), the sample's covariates held fixed.</summary>
    public required IReadOnlyList<double> StdError { get; init; }

    /// <summary>Lower pointwise limit; NaN where not estimable.</summary>
    public required IReadOnlyList<double> ConfLow { get; init; }

    /// <summary>Upper pointwise limit; NaN where not estimable.</summary>
    public required IReadOnlyList<double> ConfHigh { get; init; }

    /// <summary>The scale of the intervals (applied with se(−log S̄) = se(S̄)/S̄).</summary>
    public required ConfidenceType ConfidenceType { get; init; }

    /// <summary>The level of the intervals.</summary>
    public required double ConfidenceLevel { get; init; }
}
