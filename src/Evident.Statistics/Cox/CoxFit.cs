namespace Evident.Statistics.Cox;

/// <summary>
/// A fitted Cox proportional hazards model (Cox 1972), the result of <see cref="CoxRegression"/>: R's
/// <c>coxph</c> object and its <c>summary</c>. Immutable; build once.
/// </summary>
public sealed record CoxFit
{
    internal CoxFit() { }

    /// <summary>Tie handling used.</summary>
    public required TieMethod Ties { get; init; }

    /// <summary>Number of observations used (R: <c>fit$n</c>).</summary>
    public required int N { get; init; }

    /// <summary>Number of events, unweighted (R: <c>fit$nevent</c>).</summary>
    public required int Events { get; init; }

    /// <summary>Number of covariate columns p, including aliased ones.</summary>
    public required int CovariateCount { get; init; }

    /// <summary>β̂ per column, NaN for an aliased column (R: <c>coef(fit)</c>, <c>NA</c>).</summary>
    public required IReadOnlyList<double> Coefficients { get; init; }

    /// <summary>The model-based variance I(β̂)⁻¹, p×p, zero rows and columns for aliased columns (R: <c>fit$naive.var</c> with clusters, else <c>fit$var</c>).</summary>
    public required SymmetricMatrix Variance { get; init; }

    /// <summary>
    /// The Lin–Wei (1989) robust sandwich variance <c>DᵀD</c>, with D the dfbeta residuals summed within clusters
    /// (R: <c>fit$var</c> of <c>coxph(..., cluster = )</c>); null when no clusters were given.
    /// </summary>
    public required SymmetricMatrix? RobustVariance { get; init; }

    /// <summary>The coefficient table, one row per column.</summary>
    public required IReadOnlyList<CoxCoefficient> Terms { get; init; }

    /// <summary>Log partial likelihood at β = 0 (R: <c>fit$loglik[1]</c>).</summary>
    public required double LogLikelihoodNull { get; init; }

    /// <summary>Log partial likelihood at β̂ (R: <c>fit$loglik[2]</c>).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Likelihood-ratio test <c>2(ℓ(β̂) − ℓ(0))</c>, df = number of non-aliased columns.</summary>
    public required ChiSquareTest LikelihoodRatio { get; init; }

    /// <summary>Wald test <c>β̂ᵀ V⁻¹ β̂</c> with V the robust variance when clusters were given (R: <c>fit$wald.test</c>).</summary>
    public required ChiSquareTest Wald { get; init; }

    /// <summary>Score (log-rank) test <c>U(0)ᵀ I(0)⁻¹ U(0)</c> (R: <c>fit$score</c>).</summary>
    public required ChiSquareTest Score { get; init; }

    /// <summary>
    /// Robust score test <c>U(0)ᵀ (S₀ᵀS₀)⁻¹ U(0)</c>, S₀ the score residuals at β = 0 summed within clusters
    /// (R: <c>fit$rscore</c>); null without clusters.
    /// </summary>
    public required ChiSquareTest? RobustScore { get; init; }

    /// <summary>Harrell's concordance of the linear predictor (R: <c>fit$concordance["concordance"]</c>).</summary>
    public required double Concordance { get; init; }

    /// <summary>Newton–Raphson iterations performed (R: <c>fit$iter</c>).</summary>
    public required int Iterations { get; init; }

    /// <summary>How the iteration ended.</summary>
    public required ConvergenceStatus Status { get; init; }

    /// <summary>The first Newton step from β = 0, I(0)⁻¹U(0), on the caller's scale (kept for tests).</summary>
    internal IReadOnlyList<double> FirstStep { get; init; } = Array.Empty<double>();
}
