namespace Evident.Statistics.Cox;

/// <summary>
/// The hard failure of a Cox fit: the information matrix or the log partial likelihood is not finite, so no
/// estimate can be formed (for example covariates so large that <c>exp(x·β)</c> overflows at β = 0).
/// Soft failures (no convergence within the iteration limit) are reported in <see cref="CoxFit.Status"/> instead.
/// </summary>
public sealed class CoxConvergenceException : Exception
{
    /// <summary>Creates the exception with a plain-English message.</summary>
    public CoxConvergenceException(string message) : base(message) { }

    /// <summary>Creates the exception with a plain-English message and the underlying cause.</summary>
    public CoxConvergenceException(string message, Exception innerException) : base(message, innerException) { }
}
