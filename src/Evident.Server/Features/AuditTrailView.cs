using Evident.Randomization;
using Evident.Randomization.Audit;
using Evident.Storage;

namespace Evident.Server.Features;

/// <summary>
/// One trial's audit records as a reader is allowed to see them and in words: arms read "(blinded)" in a blinded trial
/// (the hash still covers them; <c>evident audit verify</c> checks the database), and each correction is set against the
/// version it replaced, found in the participant's earlier capture records.
/// </summary>
internal sealed class AuditTrailView
{
    private readonly TrialStore store;
    private readonly StoredTrial trial;
    private readonly AuditText text;

    private AuditTrailView(TrialStore store, StoredTrial trial, AuditText text) => (this.store, this.trial, this.text) = (store, trial, text);

    /// <summary>The view of <paramref name="trial"/>'s records.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trial">The trial.</param>
    public static async Task<AuditTrailView> CreateAsync(TrialStore store, StoredTrial trial) =>
        new(store, trial, new AuditText(trial, await store.ListSitesAsync(trial.Id)));

    /// <summary>A record as the trial's readers see it: redacted in a blinded trial.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="record">The record as stored.</param>
    public static AuditRecord Visible(StoredTrial trial, AuditRecord record) => trial.Blinded ? AuditEndpoints.Redact(record) : record;

    /// <summary>The records in words, in the order given.</summary>
    /// <param name="records">Records of the trial as stored.</param>
    public async Task<IReadOnlyList<AuditEntryView>> ViewsAsync(IReadOnlyList<AuditRecord> records)
    {
        var replaced = await ReplacedAsync(records);
        return records.Select(r => text.View(Visible(trial, r), replaced.GetValueOrDefault(r.Sequence) is { } old ? Visible(trial, old) : null)).ToArray();
    }

    /// <summary>For each correction among <paramref name="records"/>, the record of the version it replaced (one read per participant).</summary>
    private async Task<Dictionary<long, AuditRecord>> ReplacedAsync(IReadOnlyList<AuditRecord> records)
    {
        var found = new Dictionary<long, AuditRecord>();
        foreach (var corrections in records.Where(r => r.Action == "capture.correct" && r.Entity.StartsWith("participant:", StringComparison.Ordinal)).GroupBy(r => r.Entity))
        {
            string participant = corrections.Key["participant:".Length..];
            var history = await store.ReadCaptureHistoryAsync(trial.Id, participant, corrections.Max(c => c.Sequence));
            var entries = history.Select(h => (Record: h, Entry: AuditText.EntryOf(h.Details))).ToArray();
            foreach (var correction in corrections)
            {
                long? entry = AuditText.EntryOf(correction.Details);
                var previous = entries.LastOrDefault(h => h.Entry == entry && h.Record.Sequence < correction.Sequence).Record;
                if (previous is not null) found[correction.Sequence] = previous;
            }
        }
        return found;
    }
}
