namespace Evident.Statistics.Parametric;

/// <summary>Control settings of <see cref="ParametricRegression.Fit"/>; the defaults are R's <c>survreg.control()</c>.</summary>
public sealed record ParametricOptions
{
    /// <summary>Maximum Newton–Raphson iterations, ≥ 1 (R: <c>maxiter = 30</c>).</summary>
    public int MaxIterations { get; init; } = 30;

    /// <summary>Convergence: relative change in the log-likelihood, &gt; 0 (R: <c>rel.tolerance = 1e-9</c>).</summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>Cholesky pivot tolerance, &gt; 0 (R: <c>toler.chol = .Machine$double.eps^0.75</c>).</summary>
    public double TolerancePivot { get; init; } = 1.818989403545856e-12;
}
