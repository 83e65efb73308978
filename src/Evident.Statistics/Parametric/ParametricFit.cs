using Evident.Statistics.Cox;

namespace Evident.Statistics.Parametric;

/// <summary>The result of <see cref="ParametricRegression.Fit"/>: R's <c>survreg</c> object as <c>summary()</c> prints it.</summary>
public sealed record ParametricFit
{
    /// <summary>The error distribution.</summary>
    public required SurvivalDistribution Distribution { get; init; }

    /// <summary>Rows used.</summary>
    public required int N { get; init; }

    /// <summary>Rows with an event.</summary>
    public required int Events { get; init; }

    /// <summary>The intercept, then one coefficient per covariate column, on the log-time scale.</summary>
    public required IReadOnlyList<ParametricCoefficient> Coefficients { get; init; }

    /// <summary>σ per stratum (one without strata); 1 for the exponential, whose scale is fixed.</summary>
    public required IReadOnlyList<double> Scales { get; init; }

    /// <summary>Log σ per stratum with its standard error (R's <c>Log(scale)</c> rows); empty for the exponential.</summary>
    public required IReadOnlyList<ParametricCoefficient> LogScales { get; init; }

    /// <summary>Covariance of θ = (intercept, β, log σ₁ … log σ_S) (R: <c>vcov(fit)</c>).</summary>
    public required SymmetricMatrix Variance { get; init; }

    /// <summary>Log-likelihood of the model (R: <c>fit$loglik[2]</c>).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Log-likelihood of the intercept-only model with the same scales (R: <c>fit$loglik[1]</c>).</summary>
    public required double LogLikelihoodNull { get; init; }

    /// <summary>Likelihood-ratio test of the covariates, on their number of df (R: <c>Chisq</c> of <c>summary(survreg)</c>).</summary>
    public required ChiSquareTest LikelihoodRatio { get; init; }

    /// <summary>Newton–Raphson iterations of the full model.</summary>
    public required int Iterations { get; init; }

    /// <summary>How the iteration ended.</summary>
    public required ConvergenceStatus Status { get; init; }
}
