using Evident.Randomization.Participants;

namespace Evident.Storage;

/// <summary>
/// The participant list and the worklist read a <see cref="TrialStore"/> through here: every randomization (of one site,
/// when asked), the current version of every captured entry and every data query, summarized per participant by
/// <see cref="ParticipantSummary.Of"/>. Three reads, no write.
/// </summary>
public static class ParticipantSummaryStorage
{
    /// <summary>Every randomized participant (invalidated ones too) of the trial, or of one site, in order of randomization.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="site">Only this site's participants, when given (a coordinator's list).</param>
    public static async Task<IReadOnlyList<ParticipantSummary>> ListParticipantSummariesAsync(this TrialStore store, string trialId, string? site = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trialId);
        var randomizations = await store.ListRandomizationsAsync(trialId, site);
        var entries = (await store.ListTrialCurrentAsync(trialId)).Where(e => site is null || e.Site == site)
            .ToLookup(e => e.ParticipantId, StringComparer.Ordinal);
        var queries = (await store.ListQueriesAsync(trialId, site)).ToLookup(q => q.ParticipantId, StringComparer.Ordinal);
        return randomizations.OrderBy(r => r.Id)
            .Select(r => ParticipantSummary.Of(r, entries[r.ParticipantId], queries[r.ParticipantId])).ToArray();
    }
}
