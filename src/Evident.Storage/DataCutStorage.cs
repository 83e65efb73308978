using System.Data.Common;
using System.Globalization;
using Evident.Randomization;

namespace Evident.Storage;

/// <summary>
/// Frozen data cuts and the audit of every view of unblinded data. A cut is written once, with its <c>data_cut.freeze</c>
/// audit record (cut-off, files' SHA-256) in the same transaction, and never updated or deleted: there is no statement
/// here that could. Viewing unblinded data (the DSMB dashboard, <c>/interim</c>, a cut's report) appends an
/// <c>unblinded.view</c> record.
/// </summary>
public static class DataCutStorage
{
    private const string Columns = "id, cutoff, frozen_at, frozen_by, data_sha256, protocol_sha256, participants";

    /// <summary>Stores a frozen cut and its audit record; its number is the trial's next.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="cutoff">The data cut-off.</param>
    /// <param name="files">The cut's files.</param>
    /// <param name="dataSha256">Their SHA-256 (computed by the caller with the rule of results.json's <c>report.data_sha256</c>).</param>
    /// <param name="participants">Participants in the cut.</param>
    /// <param name="actor">Who froze it.</param>
    /// <exception cref="StoreNotFoundException">No such trial.</exception>
    public static async Task<StoredDataCut> FreezeDataCutAsync(this TrialStore store, string trialId, DateOnly cutoff, DataCutFiles files, string dataSha256,
                                                               int participants, string actor)
    {
        ArgumentNullException.ThrowIfNull(files);
        var trial = await store.RequireTrialAsync(trialId);
        return await store.WriteAsync(async w =>
        {
            long id = 1 + Convert.ToInt64(await w.Command("SELECT COALESCE(MAX(id), 0) FROM data_cuts WHERE trial_id = @t", ("@t", trialId)).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            await w.Command("INSERT INTO data_cuts (trial_id, id, cutoff, frozen_at, frozen_by, data_sha256, protocol_sha256, participants, participants_csv, adverse_events_csv) " +
                            "VALUES (@t, @id, @cutoff, @at, @by, @data, @protocol, @n, @p, @ae)",
                ("@t", trialId), ("@id", id), ("@cutoff", AuditDetails.Date(cutoff)), ("@at", w.NowText), ("@by", actor), ("@data", dataSha256),
                ("@protocol", trial.Protocol.Hash), ("@n", participants), ("@p", files.ParticipantsCsv), ("@ae", files.AdverseEventsCsv)).ExecuteNonQueryAsync();
            await w.AppendAuditAsync(trialId, actor, "data_cut.freeze", $"data_cut:{id}", AuditDetails.DataCutFrozen(id, cutoff, dataSha256, participants, trial.Protocol.Hash), null);
            return new StoredDataCut(id, cutoff, w.Now, actor, dataSha256, trial.Protocol.Hash, participants);
        });
    }

    /// <summary>The trial's frozen cuts, in the order frozen (without their files).</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    public static async Task<IReadOnlyList<StoredDataCut>> ListDataCutsAsync(this TrialStore store, string trialId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM data_cuts WHERE trial_id = @t ORDER BY id", ("@t", trialId));
        await using var reader = await command.ExecuteReaderAsync();
        var cuts = new List<StoredDataCut>();
        while (await reader.ReadAsync()) cuts.Add(Cut(reader));
        return cuts;
    }

    /// <summary>One frozen cut with its files, or null when the trial has no such cut.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="id">The cut's number.</param>
    public static async Task<(StoredDataCut Cut, DataCutFiles Files)?> ReadDataCutAsync(this TrialStore store, string trialId, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadAsync();
        await using var command = Sql.Command(connection, null, $"SELECT {Columns}, participants_csv, adverse_events_csv FROM data_cuts WHERE trial_id = @t AND id = @id",
                                              ("@t", trialId), ("@id", id));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (Cut(reader), new DataCutFiles(reader.GetString(7), reader.GetString(8)));
    }

    /// <summary>Appends the <c>unblinded.view</c> audit record of one view of unblinded data.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="actor">Who looked.</param>
    /// <param name="view"><c>dashboard</c>, <c>interim</c> or <c>report</c>.</param>
    /// <param name="cut">The frozen cut shown, or null for the live data.</param>
    /// <param name="report">For a report: <c>open</c> or <c>closed</c> (and its format); else null.</param>
    public static Task RecordUnblindedViewAsync(this TrialStore store, string trialId, string actor, string view, long? cut, string? report = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.WriteAsync(async w =>
        {
            await w.AppendAuditAsync(trialId, actor, "unblinded.view", cut is { } c ? $"data_cut:{c}" : $"trial:{trialId}", AuditDetails.UnblindedView(view, cut, report), null);
            return true;
        });
    }

    private static StoredDataCut Cut(DbDataReader reader) =>
        new(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Sql.ParseTime(reader.GetString(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5), Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture));
}
