namespace Evident.Statistics.Cox;

/// <summary>How the Newton–Raphson iteration of a Cox fit ended (the soft failures; hard failures throw).</summary>
public enum ConvergenceStatus
{
    /// <summary>The relative change in the log partial likelihood fell to the tolerance: <c>|1 − ℓ_old/ℓ_new| ≤ eps</c>.</summary>
    Converged,

    /// <summary>
    /// The iteration limit was reached while still improving; the fit reports the best β found.
    /// R: the warning "Ran out of iterations and did not converge".
    /// </summary>
    MaxIterations,

    /// <summary>
    /// The iteration limit was reached while halving a step that had lowered the log-likelihood (or made it
    /// non-finite); the fit reports the last β that improved it.
    /// </summary>
    StepHalvingFailed,
}
