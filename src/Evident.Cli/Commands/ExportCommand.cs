using System.CommandLine;
using Evident.Analysis.Capture;
using Evident.Storage;
using Evident.Analysis.Export;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Randomization;
using Evident.Randomization.Capture;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident export --db … --trial ID --out DIR [--layout adam|simple] [--format csv|parquet|xpt]</c>: writes the
/// trial's randomizations and captured follow-up and adverse events in the layout <c>evident analyze</c> reads, with the
/// trial's protocol beside them, and prints the command that analyses them.
/// </summary>
/// <remarks>
/// <para>ADaM (default): <c>adsl</c>, <c>adtte</c>, <c>adae</c> (<see cref="AdamTables"/>), analysed with
/// <c>evident analyze DIR/protocol.yaml --data DIR</c>. Simple: <c>participants</c> and <c>adverse_events</c>
/// (<see cref="CapturedTrial.SimpleTables"/>), analysed with <c>--data DIR/participants.EXT --ae DIR/adverse_events.EXT</c>.
/// Both go through <see cref="CapturedTrial.ToTrialData"/>, so either gives the numbers of the live data.</para>
/// <para><c>protocol.yaml</c> is the protocol file exactly as given when the trial was created (comments included), so
/// the report's protocol hash is the one the trial registered.</para>
/// <para>UNBLINDED: the files contain every participant's arm. Only the unblinded statistician (or DSMB) may receive
/// them; the command reads the database directly and is for whoever operates it. The directory is written atomically
/// (a temporary sibling directory, then renamed over <c>DIR</c>); on any failure nothing is left behind.</para>
/// </remarks>
public static class ExportCommand
{
    /// <summary>Creates the <c>export</c> command.</summary>
    public static Command Create()
    {
        var db = ServiceCli.DatabaseOption();
        var trial = new Option<string>("--trial") { Required = true, Description = "The trial id." };
        var output = new Option<string>("--out") { Required = true, Description = "Output directory (replaced atomically)." };
        var layout = new Option<string>("--layout") { Description = "adam (adsl, adtte, adae) or simple (participants, adverse_events).", DefaultValueFactory = _ => "adam" };
        var format = new Option<string>("--format") { Description = "csv, parquet or xpt (xpt only with --layout adam).", DefaultValueFactory = _ => "csv" };
        var command = new Command("export", "Write a trial's captured data in the layout 'evident analyze' reads, with its protocol (UNBLINDED: contains arms).");
        foreach (var o in new Option[] { db, trial, output, layout, format }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            bool adam;
            DataFileFormat fileFormat;
            try
            {
                (adam, fileFormat) = ParseLayout(parse.GetValue(layout)!, parse.GetValue(format)!);
            }
            catch (UsageException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"evident: error: {e.Message}");
                return ExitCodes.Usage;
            }
            return ServiceCli.Run(parse, store => Export(parse, store, parse.GetValue(trial)!, parse.GetValue(output)!, adam, fileFormat));
        });
        return command;
    }

    /// <summary>Writes trial <paramref name="trialId"/>'s export into <paramref name="directory"/> and prints how to analyse it.</summary>
    private static async Task<int> Export(ParseResult parse, TrialStore store, string trialId, string directory, bool adam, DataFileFormat fileFormat)
    {
        CapturedTrialData captured;
        try
        {
            captured = CapturedTrial.Map(await store.ReadCapturedAsync(trialId));
        }
        catch (DataInputException e)
        {
            throw new UsageException($"the captured data do not fit the protocol: {e.Message}");
        }
        var protocol = captured.Trial.Protocol;
        string ext = fileFormat.ToString().ToLowerInvariant();
        var files = new Dictionary<string, string> { ["protocol.yaml"] = captured.Trial.ProtocolYaml };
        try
        {
            AnalyzeCommandOutput.Write(directory, files, staging =>
            {
                if (adam) AdamTables.Write(protocol, captured.Data, staging, fileFormat);
                else
                {
                    var (participants, adverseEvents) = CapturedTrial.SimpleTables(protocol, captured.Randomizations, captured.Entries);
                    DataSetFiles.WriteSimple(participants, adverseEvents, staging, fileFormat);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{directory}': cannot write the export there ({e.Message}); nothing was written.");
        }
        WarnAboutIds(parse.InvocationConfiguration.Error, captured.Randomizations.Select(r => r.ParticipantId));
        var stdout = parse.InvocationConfiguration.Output;
        stdout.WriteLine($"Exported {captured.Randomizations.Count} participants and {captured.Entries.Count(e => e.Content.Kind == CaptureKind.AdverseEvent)} adverse events " +
                         $"of trial {captured.Trial.Id} to {directory} ({(adam ? "adam" : "simple")} layout, {ext}).");
        stdout.WriteLine("UNBLINDED: the files contain every participant's arm; for the unblinded statistician / DSMB only.");
        stdout.WriteLine("Analyse it with:");
        stdout.WriteLine(FollowOn(directory, adam, ext));
        return ExitCodes.Success;
    }

    /// <summary>
    /// Names on standard error each participant id that breaks today's rule (<see cref="ParticipantIds"/>), stored before
    /// the rule existed: it is exported as stored, so the export still matches the database.
    /// </summary>
    private static void WarnAboutIds(TextWriter error, IEnumerable<string> participantIds)
    {
        foreach (string id in participantIds)
            if (ParticipantIds.Problem(id) is { } problem)
                error.WriteLine($"evident: warning: participant '{id}' was stored before the id rule and is exported as stored: {problem}");
    }

    /// <summary>The <c>evident analyze</c> command line that reads an export in <paramref name="directory"/>.</summary>
    /// <param name="directory">The export directory, as given to <c>--out</c>.</param>
    /// <param name="adam">True for the ADaM layout, false for the simple one.</param>
    /// <param name="extension">The data files' extension without the dot: csv or parquet (xpt for ADaM).</param>
    public static string FollowOn(string directory, bool adam, string extension)
    {
        string protocol = Quote(Path.Combine(directory, "protocol.yaml"));
        return adam
            ? $"evident analyze {protocol} --data {Quote(directory)}"
            : $"evident analyze {protocol} --data {Quote(Path.Combine(directory, "participants." + extension))} --ae {Quote(Path.Combine(directory, "adverse_events." + extension))}";
    }

    private static (bool Adam, DataFileFormat Format) ParseLayout(string layout, string format)
    {
        bool adam = layout switch
        {
            "adam" => true,
            "simple" => false,
            _ => throw new UsageException($"--layout '{layout}': expected adam or simple."),
        };
        var fileFormat = format switch
        {
            "csv" => DataFileFormat.Csv,
            "parquet" => DataFileFormat.Parquet,
            "xpt" => DataFileFormat.Xpt,
            _ => throw new UsageException($"--format '{format}': expected csv, parquet or xpt."),
        };
        if (!adam && fileFormat == DataFileFormat.Xpt)
            throw new UsageException("--format 'xpt' is for --layout adam only (SAS XPORT holds ADaM data sets); the simple layout is written as csv or parquet.");
        return (adam, fileFormat);
    }

    /// <summary>A path as a POSIX shell word: unchanged when it needs no quoting, else in single quotes.</summary>
    private static string Quote(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c)) ? path : "'" + path.Replace("'", "'\\''") + "'";
}
