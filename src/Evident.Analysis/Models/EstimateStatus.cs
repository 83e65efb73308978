namespace Evident.Analysis.Models;

/// <summary>
/// Whether a model-level estimate could be formed from the data, and if not, why. These are soft failures: the data
/// do not support the estimate (results.json writes <c>null</c> for it, the command line stops with an input error).
/// What cannot be computed from data that do support it (a non-finite information matrix) is a hard failure and is
/// thrown instead (<see cref="Statistics.Cox.CoxConvergenceException"/>), as lifelines separates a
/// <c>ConvergenceError</c> from a <c>ConvergenceWarning</c>.
/// </summary>
public enum EstimateStatus
{
    /// <summary>The estimate was computed.</summary>
    Estimated,

    /// <summary>No participant is in the analysed set.</summary>
    NoParticipants,

    /// <summary>Every participant is censored, so the partial likelihood is flat.</summary>
    NoEvents,

    /// <summary>
    /// The design is singular: a covariate is constant or a linear combination of the others (in a comparison of two
    /// arms: only one of them has participants), so its coefficient is not identifiable (R reports it as NA).
    /// </summary>
    Singular,

    /// <summary>Fewer than two arms have participants, so there is nothing to compare.</summary>
    SingleArm,

    /// <summary>
    /// A weighted statistic has no information: no event time with both arms at risk and a positive weight (e.g.
    /// FH(0, 1) when every event is at the first event time), so its variance is zero.
    /// </summary>
    NoInformation,

    /// <summary>The RMST horizon τ lies beyond the shortest of the two arms' longest follow-up.</summary>
    BeyondFollowUp,
}
