namespace Evident.Analysis.Input;

/// <summary>One participant mapped onto the protocol.</summary>
/// <param name="Id">Participant id as in the data.</param>
/// <param name="Arm">Index of the arm in <c>TrialProtocol.Arms</c>.</param>
/// <param name="Strata">Per stratification factor (protocol order): index of the level in the factor's levels.</param>
/// <param name="Covariates">Per covariate (protocol order): the level, or null when missing.</param>
/// <param name="Site">Site id, or null.</param>
/// <param name="Randomized">Date of randomization.</param>
/// <param name="Outcomes">Per endpoint (protocol order): start, end and the component that ended follow-up.</param>
public sealed record TrialParticipant(
    string Id,
    int Arm,
    IReadOnlyList<int> Strata,
    IReadOnlyList<string?> Covariates,
    string? Site,
    DateOnly Randomized,
    IReadOnlyList<EndpointOutcome> Outcomes)
{
    /// <summary>Off-therapy, withdrawal and lost-to-follow-up records, at most one of each kind; empty when none is recorded.</summary>
    public IReadOnlyList<OffStudyRecord> OffStudy { get; init; } = [];

    /// <summary>The participant's death when the protocol marks a death component and the data record one; otherwise null.</summary>
    public DeathRecord? Death { get; init; }

    /// <summary>
    /// The last date the participant was known to be alive (last contact, or the latest event before death), for overall
    /// survival; null when the layout does not give it (the latest end of follow-up of any endpoint is used then).
    /// </summary>
    public DateOnly? LastKnownAlive { get; init; }
}
