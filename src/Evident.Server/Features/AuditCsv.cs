using System.Globalization;
using System.Text;
using Evident.Randomization;
using Evident.Storage;

namespace Evident.Server.Features;

/// <summary>
/// The export of a trial's audit records as CSV (RFC 4180, UTF-8, oldest first): one row per record with its details
/// and a correction's changes in words, the reason and the record's hash. A value a spreadsheet would read as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) is written after an apostrophe.
/// </summary>
internal static class AuditCsv
{
    /// <summary>The header row's column names.</summary>
    public static readonly IReadOnlyList<string> Columns = ["sequence", "at_utc", "actor", "action", "participant", "subject", "details", "changes", "reason", "hash"];

    private const int Chunk = 500;

    /// <summary>A file name for the export: <c>AALL1731-audit.csv</c>, or <c>AALL1731-audit-P-1.csv</c> for one participant.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="filter">The filter.</param>
    public static string FileName(StoredTrial trial, AuditFilter filter) =>
        trial.Id + "-audit" + (filter.Participant is { } p ? "-" + new string(p.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) : "") + ".csv";

    /// <summary>Writes the records the filter admits, oldest first, reading them in chunks as they are written.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="store">The store.</param>
    /// <param name="trial">The trial.</param>
    /// <param name="filter">The filter.</param>
    public static async Task WriteAsync(Stream output, TrialStore store, StoredTrial trial, AuditFilter filter)
    {
        var view = await AuditTrailView.CreateAsync(store, trial);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', Columns));
        var chunk = new List<Randomization.Audit.AuditRecord>(Chunk);
        await foreach (var record in store.StreamAuditAsync(trial.Id, filter, newestFirst: false))
        {
            chunk.Add(record);
            if (chunk.Count < Chunk) continue;
            await WriteRowsAsync(writer, await view.ViewsAsync(chunk));
            chunk.Clear();
        }
        await WriteRowsAsync(writer, await view.ViewsAsync(chunk));
    }

    private static async Task WriteRowsAsync(StreamWriter writer, IReadOnlyList<AuditEntryView> rows)
    {
        foreach (var r in rows)
        {
            string details = string.Join("; ", r.Details.Select(d => $"{d.Label}: {d.Value}"));
            string changes = string.Join("; ", r.Changes.Select(c => $"{c.Label}: {c.Old} → {c.New}"));
            string[] cells = [r.Sequence.ToString(CultureInfo.InvariantCulture), r.At, r.Actor, r.ActionLabel, r.ParticipantId ?? "", r.Subject, details, changes, r.Reason ?? "", r.Hash];
            await writer.WriteLineAsync(string.Join(',', cells.Select(Cell)));
        }
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
