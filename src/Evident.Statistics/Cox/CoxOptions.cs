namespace Evident.Statistics.Cox;

/// <summary>Control settings for <see cref="CoxRegression.Fit(ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{double}, int, ReadOnlySpan{int}, ReadOnlySpan{int}, CoxOptions?)"/>; the defaults are R's <c>coxph.control()</c>.</summary>
public sealed record CoxOptions
{
    /// <summary>Handling of tied event times; R's default is Efron.</summary>
    public TieMethod Ties { get; init; } = TieMethod.Efron;

    /// <summary>Maximum number of Newton–Raphson iterations, ≥ 1; R: <c>coxph.control(iter.max = 20)</c>.</summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>Convergence tolerance on the relative change of the log partial likelihood, &gt; 0; R: <c>coxph.control(eps = 1e-9)</c>.</summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>
    /// Pivot tolerance of the generalized Cholesky decomposition, &gt; 0: a column whose pivot is below
    /// <c>tolerance × max diagonal</c> is declared aliased (coefficient NaN, R: <c>NA</c>). R: <c>coxph.control(toler.chol = 1e-9)</c>.
    /// </summary>
    public double TolerancePivot { get; init; } = 1e-9;

    /// <summary>Level of the hazard-ratio confidence intervals, 0 &lt; level &lt; 1; R: <c>summary(fit, conf.int = 0.95)</c>.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
