namespace Evident.Server.Tests;

/// <summary>How the scenario's entries reach the service: the JSON API or the site pages.</summary>
internal interface IEntryChannel
{
    /// <summary>Randomizes an eligible participant at <paramref name="site"/>, as that site's coordinator, with the covariate sex (null: not recorded).</summary>
    Task RandomizeAsync(string site, string participant, string risk, string? sex);

    /// <summary>As the admin: randomizes <paramref name="participant"/> at S1, records a sepsis and a death on <paramref name="date"/>, then invalidates it.</summary>
    Task MistakeAsync(string participant, DateOnly date);

    /// <summary>Called once the clock has jumped to the follow-up date (credentials and sessions are renewed).</summary>
    Task RefreshAsync();

    /// <summary>Records a follow-up event as the site's coordinator; returns the entry id.</summary>
    Task<long> FollowUpAsync(string site, string participant, string kind, DateOnly date, string? relapseSite);

    /// <summary>Records an adverse event as the site's coordinator; returns the entry id.</summary>
    Task<long> AdverseEventAsync(string site, string participant, string term, int grade, DateOnly onset, DateOnly? end = null);

    /// <summary>Corrects a follow-up entry with a reason.</summary>
    Task CorrectFollowUpAsync(string site, string participant, long entry, string kind, DateOnly date, string? relapseSite, string reason);

    /// <summary>Corrects an adverse-event entry with a reason.</summary>
    Task CorrectAdverseEventAsync(string site, string participant, long entry, string term, int grade, DateOnly onset, string reason, DateOnly? end = null);
}
