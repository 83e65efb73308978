using System.CommandLine;
using System.Text;
using Evident.Cli.Infrastructure;
using Evident.Trials.Capture;
using Evident.Trials.Storage;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident export --db … --trial ID --out DIR</c>: writes the trial's randomizations and captured follow-up and
/// adverse events as <c>DIR/participants.csv</c> and <c>DIR/adverse_events.csv</c> in the simple layout the protocol
/// maps (see <see cref="SimpleLayoutExport"/>), so that
/// <c>evident analyze protocol.yaml --data DIR/participants.csv --ae DIR/adverse_events.csv</c> runs on it.
/// </summary>
/// <remarks>
/// UNBLINDED: the files contain every participant's arm. Only the unblinded statistician (or DSMB) may receive them;
/// the command reads the database directly and is for whoever operates it. The directory is written atomically: both
/// files go to a temporary sibling directory, which then replaces <c>DIR</c> by rename.
/// </remarks>
public static class ExportCommand
{
    /// <summary>Creates the <c>export</c> command.</summary>
    public static Command Create()
    {
        var db = ServiceCli.DatabaseOption();
        var trial = new Option<string>("--trial") { Required = true, Description = "The trial id." };
        var output = new Option<string>("--out") { Required = true, Description = "Output directory (replaced atomically)." };
        var command = new Command("export", "Write a trial's captured data in the simple layout 'evident analyze' reads (UNBLINDED: contains arms).");
        foreach (var o in new Option[] { db, trial, output }) command.Options.Add(o);
        command.SetAction(parse => ServiceCli.Run(parse, async store =>
        {
            string trialId = parse.GetValue(trial)!;
            var stored = await store.GetTrialAsync(trialId) ?? throw new StoreNotFoundException($"Trial '{trialId}' does not exist.");
            var randomizations = await store.ListRandomizationsAsync(trialId);
            var entries = await store.ListTrialCurrentAsync(trialId);
            var (participants, adverseEvents) = SimpleLayoutExport.Build(stored.Protocol, randomizations, entries);
            string directory = parse.GetValue(output)!;
            WriteDirectory(directory, [("participants.csv", participants), ("adverse_events.csv", adverseEvents)]);
            parse.InvocationConfiguration.Output.WriteLine(
                $"Exported {randomizations.Count(r => r.InvalidatedAt is null)} participants and {entries.Count(e => e.Content.Kind == CaptureKind.AdverseEvent)} adverse events to {directory} (UNBLINDED: contains arms).");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Writes the files into a temporary sibling directory, then renames it to <paramref name="directory"/> (replacing it).</summary>
    private static void WriteDirectory(string directory, IEnumerable<(string Name, string Content)> files)
    {
        string full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        string temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        try
        {
            foreach (var (name, content) in files)
            {
                using var stream = new FileStream(Path.Combine(temporary, name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(new UTF8Encoding(false).GetBytes(content));
                stream.Flush(flushToDisk: true);
            }
            if (Directory.Exists(full))
            {
                string old = full + $".{Guid.NewGuid():N}.old";
                Directory.Move(full, old);
                Directory.Move(temporary, full);
                Directory.Delete(old, recursive: true);
            }
            else Directory.Move(temporary, full);
        }
        catch
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            throw;
        }
    }
}
