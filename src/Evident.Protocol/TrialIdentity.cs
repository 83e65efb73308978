namespace Evident.Protocol;

/// <summary>
/// Who and what the trial is (YAML <c>trial:</c>): shown in the report header, the clinician summary and the footer.
/// </summary>
/// <param name="Id">Short identifier, e.g. <c>AALL1731</c> (<c>trial.id</c>).</param>
/// <param name="Title">Full title (<c>trial.title</c>).</param>
/// <param name="ShortTitle">Short title for headers, or null (<c>trial.short_title</c>).</param>
/// <param name="Sponsor">Sponsor or cooperative group, or null.</param>
/// <param name="Registration">Registry number such as <c>NCT03914625</c>, or null.</param>
/// <param name="Version">Version of the protocol/statistical analysis plan, or null.</param>
/// <param name="Citation">Reference cited by the clinician summary (e.g. the primary publication), or null.</param>
public sealed record TrialIdentity(
    string Id,
    string Title,
    string? ShortTitle,
    string? Sponsor,
    string? Registration,
    string? Version,
    string? Citation);
