using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Data.Tmerge;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident tmerge</c>: counting-process data from a baseline file and a file of dated changes (R: <c>tmerge</c> with
/// <c>tdc()</c> and <c>event()</c>), written for <c>cox</c>, <c>zph</c> and <c>km</c> with <c>Surv(tstart, tstop, event)</c>.
/// </summary>
public static class TmergeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var baseline = new Argument<string>("BASELINE") { Description = "One row per participant: the identifier, the end of follow-up and baseline covariates (.csv, .tsv, .parquet)." };
        var id = new Option<string>("--id") { Required = true, Description = "The participant identifier column, in both files." };
        var range = new Option<string>("--range")
        {
            Required = true,
            Description = "Follow-up (0, stop] of each participant, as R's first tmerge call: \"death=event(futime, status)\" (with an event at the stop) or \"tstop=futime\".",
        };
        var changes = new Option<string?>("--changes") { Description = "The file of dated changes (one row per participant and date; several rows per participant)." };
        var add = new Option<string[]>("--add")
        {
            Description = "A variable from --changes, as in R's tmerge call: \"bili=tdc(day, bili)\", \"transplant=tdc(tx_day)\", \"infection=event(day)\" (repeatable, in output order).",
            DefaultValueFactory = _ => [],
        };
        var write = new Option<string?>("--write") { Description = "Write the counting-process data to this file (.csv, .tsv or .parquet), atomically." };
        var output = new OutputOptions();
        var command = new Command("tmerge", "Build counting-process data (tstart, tstop] from a baseline file and dated changes: time-dependent covariates and events (R: tmerge).");
        command.Arguments.Add(baseline);
        foreach (var o in new Option[] { id, range, changes, add, write }) command.Options.Add(o);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            var terms = (parse.GetValue(add) ?? []).Select(MergeTerm.Parse).ToList();
            string? changesPath = parse.GetValue(changes);
            if (terms.Count > 0 && changesPath is null) throw new UsageException("--add needs --changes FILE, the file its times and values are in.");
            if (terms.Count == 0 && changesPath is not null) throw new UsageException("--changes without --add: say which variables to take from it, e.g. --add \"bili=tdc(day, bili)\".");
            var (stopColumn, stopEvent) = ParseRange(parse.GetValue(range)!);
            string baselinePath = parse.GetValue(baseline)!;
            foreach (string? path in new[] { baselinePath, changesPath })
                if (path is not null && !File.Exists(path)) throw new UsageException($"file '{path}' does not exist.");
            var baselineTable = PhaseTimer.Time("read baseline", () => TableReader.Read(baselinePath));
            string idColumn = parse.GetValue(id)!;
            var needed = terms.SelectMany(t => new[] { t.TimeColumn, t.ValueColumn }).OfType<string>().Prepend(idColumn).Distinct().ToList();
            var changesTable = changesPath is null ? null : PhaseTimer.Time("read changes", () => TableReader.Read(changesPath, needed));
            var merged = PhaseTimer.Time("merge", () => TimeDependentMerge.Merge(baselineTable, idColumn, stopColumn, stopEvent, changesTable, terms));
            string? target = parse.GetValue(write);
            if (target is not null) PhaseTimer.Time("write data", () => { Write(merged.Table, target); return 0; });
            return new TmergeReport(merged, target);
        });
        return command;
    }

    /// <summary>Parses <c>tstop=COL</c> or <c>NAME=event(COL[, VALUE])</c>.</summary>
    public static (string StopColumn, MergeTerm? StopEvent) ParseRange(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.StartsWith("tstop", StringComparison.Ordinal) && trimmed[5..].TrimStart().StartsWith('='))
            return (trimmed[(trimmed.IndexOf('=') + 1)..].Trim(), null);
        var term = MergeTerm.Parse(text);
        if (term.Kind != MergeKind.Event) throw new UsageException($"--range '{text}': expected \"NAME=event(STOP, VALUE)\" or \"tstop=STOP\".");
        return (term.TimeColumn, term);
    }

    private static void Write(DataTable table, string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".tsv" or ".parquet")) throw new UsageException($"--write '{path}': use a .csv, .tsv or .parquet file.");
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp{extension}");
        try
        {
            if (extension == ".parquet") TableWriter.WriteParquet(table, temporary);
            else TableWriter.WriteCsv(table, temporary, extension == ".tsv" ? '\t' : ',');
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
