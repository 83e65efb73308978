namespace Evident.Server.Contracts;

/// <summary>Body of <c>POST /trials/{trialId}/randomizations</c>.</summary>
/// <param name="ParticipantId">The participant's id, unique in the trial.</param>
/// <param name="Site">The site (a coordinator may only give their own).</param>
/// <param name="Strata">The level of every stratification factor, by factor id.</param>
/// <param name="Eligibility">The answer to every eligibility question, by question id.</param>
/// <param name="Covariates">Baseline characteristics (the protocol's covariates), level by covariate id; optional, each one left out is not recorded.</param>
internal sealed record RandomizeBody(
    string ParticipantId,
    string Site,
    Dictionary<string, string>? Strata = null,
    Dictionary<string, bool>? Eligibility = null,
    Dictionary<string, string>? Covariates = null);
