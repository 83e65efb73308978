using Evident.Analysis;
using Evident.Analysis.Capture;
using Evident.Analysis.Input;
using Evident.Analysis.Results;
using Evident.Randomization;
using Evident.Reporting.Report;
using Evident.Storage;

namespace Evident.Server.Dashboard;

/// <summary>
/// A frozen data cut read back from the store and checked: its files' SHA-256 must still be the one stored (and audited)
/// when it was frozen, or nothing is shown. Its reports are those of <c>evident analyze</c> on the same files at the
/// cut's cut-off. UNBLINDED.
/// </summary>
/// <param name="Trial">The trial.</param>
/// <param name="Cut">The cut.</param>
/// <param name="Data">Its files mapped onto the protocol.</param>
internal sealed record FrozenCut(StoredTrial Trial, StoredDataCut Cut, TrialData Data)
{
    /// <summary>Freezes the trial's captured data as they are now: stores the files with their hash (audited).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="cutoff">The cut-off of the cut's reports.</param>
    /// <param name="actor">Who freezes it.</param>
    public static async Task<StoredDataCut> FreezeAsync(TrialStore store, string trialId, DateOnly cutoff, string actor)
    {
        var captured = CapturedTrial.Map(await store.ReadCapturedAsync(trialId));
        var files = DataCuts.Files(captured);
        int participants = captured.Randomizations.Count(r => DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime) <= cutoff);
        return await store.FreezeDataCutAsync(trialId, cutoff, files, DataCuts.Sha256(files), participants, actor);
    }

    /// <summary>Reads cut <paramref name="id"/>; null when the trial has no such cut.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trial">The trial.</param>
    /// <param name="id">The cut's number.</param>
    /// <exception cref="InvalidOperationException">The files no longer match their stored hash.</exception>
    public static async Task<FrozenCut?> ReadAsync(TrialStore store, StoredTrial trial, long id)
    {
        if (await store.ReadDataCutAsync(trial.Id, id) is not var (cut, files)) return null;
        string hash = DataCuts.Sha256(files);
        if (hash != cut.DataSha256)
            throw new InvalidOperationException($"Frozen data cut {id} of trial '{trial.Id}' no longer matches its SHA-256 ({cut.DataSha256}, now {hash}): the database was altered.");
        return new FrozenCut(trial, cut, DataCuts.Read(trial.Protocol, files, $"frozen data cut {id} of {cut.FrozenAt:yyyy-MM-dd} (participants.csv, adverse_events.csv)"));
    }

    /// <summary>The cut analysed at its cut-off.</summary>
    public AnalysisResults Analyse() => TrialAnalysis.Run(Trial.Protocol, Data, new AnalysisOptions { Cutoff = Cut.Cutoff });

    /// <summary>A report's file name, e.g. <c>AALL1731-cut-2-report-closed.html</c>.</summary>
    /// <param name="kind">The report.</param>
    /// <param name="extension"><c>html</c> or <c>json</c>.</param>
    public string FileName(ReportKind kind, string extension) =>
        $"{Trial.Id}-cut-{Cut.Id}-{(extension == "json" ? "results" : "report")}-{ReportFrame.KindKey(kind)}.{extension}";
}
