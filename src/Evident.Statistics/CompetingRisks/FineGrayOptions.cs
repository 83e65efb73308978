namespace Evident.Statistics.CompetingRisks;

/// <summary>Options of <see cref="FineGray.Fit"/>; the defaults are <c>cmprsk::crr</c>'s.</summary>
public sealed record FineGrayOptions
{
    /// <summary>
    /// Convergence tolerance, &gt; 0 (R: <c>gtol</c>, default 1e-6): iteration stops when
    /// max |Uⱼ|·max(|βⱼ|, 1) &lt; max(|ℓ|, 1)·tolerance, U the score and ℓ the log partial likelihood.
    /// </summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Maximum number of Newton–Raphson iterations, ≥ 0 (R: <c>maxiter</c>, default 10).</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>Confidence level of the subdistribution hazard-ratio intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
