using Evident.Statistics.Cox;

namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// A fitted Fine–Gray (1999) proportional subdistribution hazards model for one cause: R's <c>cmprsk::crr</c>.
/// Built by <see cref="FineGray.Fit"/>; immutable.
/// </summary>
public sealed record FineGrayFit
{
    /// <summary>The cause of interest (R: <c>failcode</c>).</summary>
    public required int Cause { get; init; }

    /// <summary>Number of observations (R: <c>n</c>).</summary>
    public required int N { get; init; }

    /// <summary>Failures from the cause of interest.</summary>
    public required int Events { get; init; }

    /// <summary>Failures from the other causes (kept in the subdistribution risk set with weight Ĝ(t)/Ĝ(s)).</summary>
    public required int CompetingEvents { get; init; }

    /// <summary>Censored observations.</summary>
    public required int Censored { get; init; }

    /// <summary>The estimates β̂ in design-column order (R: <c>coef</c>).</summary>
    public required IReadOnlyList<double> Coefficients { get; init; }

    /// <summary>The sandwich variance I⁻¹ Σ(η + ψ)(η + ψ)ᵀ I⁻¹ (R: <c>var</c>).</summary>
    public required SymmetricMatrix Variance { get; init; }

    /// <summary>The information matrix I(β̂) (R: <c>inf</c>).</summary>
    public required SymmetricMatrix Information { get; init; }

    /// <summary>One coefficient-table row per design column.</summary>
    public required IReadOnlyList<FineGrayCoefficient> Terms { get; init; }

    /// <summary>Log pseudo-partial likelihood at β̂ (R: <c>loglik</c>).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Log pseudo-partial likelihood at β = 0 (R: <c>loglik.null</c>).</summary>
    public required double LogLikelihoodNull { get; init; }

    /// <summary>The score at β̂ (R: <c>score</c>).</summary>
    public required IReadOnlyList<double> Score { get; init; }

    /// <summary>Confidence level of the intervals in <see cref="Terms"/>.</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>Newton–Raphson iterations taken.</summary>
    public required int Iterations { get; init; }

    /// <summary>
    /// How the iteration ended: <see cref="ConvergenceStatus.Converged"/> (R: <c>converged = TRUE</c>),
    /// <see cref="ConvergenceStatus.MaxIterations"/> or <see cref="ConvergenceStatus.StepHalvingFailed"/> (21 halvings
    /// without enough decrease; R: <c>converged = FALSE</c>).
    /// </summary>
    public required ConvergenceStatus Status { get; init; }
}
