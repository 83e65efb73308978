namespace Evident.Protocol.Synthetic;

/// <summary>
/// One participant of a protocol-driven synthetic trial, in the shape of the simple patient-level layout: only the
/// first event is recorded (what every endpoint of the protocol needs).
/// </summary>
/// <param name="ParticipantId">Identifier, e.g. <c>P0001</c>, in order of randomization.</param>
/// <param name="Arm">The allocated arm id.</param>
/// <param name="Site">Site id.</param>
/// <param name="Strata">Level of each stratification factor, in protocol order.</param>
/// <param name="Covariates">Level of each covariate, in protocol order.</param>
/// <param name="Randomized">Date of randomization.</param>
/// <param name="LastContact">Date of last contact, never after the scenario's cut-off and never before the first event.</param>
/// <param name="FirstEvent">Component id of the first event, or null when none occurred before last contact.</param>
/// <param name="FirstEventDate">Date of the first event, or null.</param>
public sealed record SyntheticRecord(
    string ParticipantId,
    string Arm,
    string Site,
    IReadOnlyList<string> Strata,
    IReadOnlyList<string> Covariates,
    DateOnly Randomized,
    DateOnly LastContact,
    string? FirstEvent,
    DateOnly? FirstEventDate)
{
    /// <summary>Off-therapy, withdrawal and lost-to-follow-up records, none after <see cref="LastContact"/>; empty when none.</summary>
    public IReadOnlyList<SyntheticOffStudy> OffStudy { get; init; } = [];

    /// <summary>Cause of death when the first event is the protocol's death component and the scenario gives causes; otherwise null.</summary>
    public string? DeathCause { get; init; }
}
