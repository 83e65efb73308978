using Evident.Statistics.Cox;

namespace Evident.Statistics.Parametric;

/// <summary>A fitted mixture cure model (<see cref="MixtureCure"/>). Immutable.</summary>
public sealed record MixtureCureFit
{
    internal MixtureCureFit() { }

    /// <summary>Rows used.</summary>
    public required int N { get; init; }

    /// <summary>Events.</summary>
    public required int Events { get; init; }

    /// <summary>Incidence: logit P(not cured) = γ₀ + zγ; the intercept first, then one per covariate.</summary>
    public required IReadOnlyList<ParametricCoefficient> Incidence { get; init; }

    /// <summary>Latency among the not cured, log T = β₀ + xβ + σW (Weibull, as survreg): the intercept first, then one per covariate.</summary>
    public required IReadOnlyList<ParametricCoefficient> Latency { get; init; }

    /// <summary>log σ of the latency.</summary>
    public required ParametricCoefficient LogScale { get; init; }

    /// <summary>σ.</summary>
    public required double Scale { get; init; }

    /// <summary>The mean over the rows of the predicted probability of cure, 1 − pᵢ.</summary>
    public required double MeanCureProbability { get; init; }

    /// <summary>Variance of θ = (γ₀, γ, β₀, β, log σ), the inverse observed information.</summary>
    public required SymmetricMatrix Variance { get; init; }

    /// <summary>The log-likelihood at the estimate (that of T, as survreg's).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Accepted Newton steps.</summary>
    public required int Iterations { get; init; }

    /// <summary>How the iteration ended.</summary>
    public required ConvergenceStatus Status { get; init; }
}
