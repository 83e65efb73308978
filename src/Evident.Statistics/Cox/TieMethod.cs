namespace Evident.Statistics.Cox;

/// <summary>How tied event times enter the Cox partial likelihood (R: <c>coxph(ties = ...)</c>).</summary>
public enum TieMethod
{
    /// <summary>
    /// Efron (1977): for <c>d</c> deaths tied at a time the <c>k</c>-th of <c>d</c> denominators is
    /// <c>Σ_{risk set} w·e^η − (k/d)·Σ_{tied deaths} w·e^η</c>, k = 0 … d−1. R's default, <c>ties = "efron"</c>.
    /// </summary>
    Efron,

    /// <summary>Breslow (1974): every tied death shares the full risk-set denominator; R's <c>ties = "breslow"</c>.</summary>
    Breslow,
}
