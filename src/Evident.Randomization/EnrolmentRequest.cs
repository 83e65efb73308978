namespace Evident.Randomization;

/// <summary>What a site submits to randomize a participant.</summary>
/// <param name="ParticipantId">
/// The participant's id, unique in the trial; held in normalization form C (<see cref="ParticipantIds.Normalize"/>), so the
/// request carries the id that is checked and stored whichever form the client sent.
/// </param>
/// <param name="Site">The site id.</param>
/// <param name="Strata">The participant's level of every stratification factor, by factor id.</param>
/// <param name="Eligibility">The answer to every eligibility question, by question id.</param>
/// <param name="Covariates">
/// The participant's baseline characteristics (the protocol's <c>covariates</c>), level by covariate id; a covariate left
/// out is not recorded. Null or empty when none is given.
/// </param>
public sealed record EnrolmentRequest(
    string ParticipantId,
    string Site,
    IReadOnlyDictionary<string, string> Strata,
    IReadOnlyDictionary<string, bool> Eligibility,
    IReadOnlyDictionary<string, string>? Covariates = null)
{
    /// <summary>The participant's id in normalization form C.</summary>
    public string ParticipantId { get; init => field = ParticipantIds.Normalize(value)!; } = ParticipantIds.Normalize(ParticipantId)!;
}
