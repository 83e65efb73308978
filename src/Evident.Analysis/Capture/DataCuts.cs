using System.Text;
using Evident.Analysis.Input;
using Evident.Data;
using Evident.Protocol;
using Evident.Randomization;

namespace Evident.Analysis.Capture;

/// <summary>
/// A frozen data cut's files and their reading: the captured trial written in the simple layout exactly as
/// <c>evident export --layout simple --format csv</c> writes participants.csv and adverse_events.csv, and read back as
/// <c>evident analyze</c> reads those files, so a cut's report, an export of the same data and the same files analysed
/// on a laptop give the same numbers and the same <c>report.data_sha256</c> (<see cref="DataHash"/>).
/// </summary>
public static class DataCuts
{
    /// <summary>The cut's files of the captured trial.</summary>
    /// <param name="captured">The captured trial.</param>
    public static DataCutFiles Files(CapturedTrialData captured)
    {
        ArgumentNullException.ThrowIfNull(captured);
        var (participants, adverseEvents) = CapturedTrial.SimpleTables(captured.Trial.Protocol, captured.Randomizations, captured.Entries);
        return new DataCutFiles(Csv(participants), Csv(adverseEvents));
    }

    /// <summary>The SHA-256 of the cut's files (<see cref="DataCutFiles.Sha256"/>: participants.csv, then adverse_events.csv).</summary>
    /// <param name="files">The files.</param>
    public static string Sha256(DataCutFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Sha256();
    }

    /// <summary>The cut's data mapped onto the protocol, with <see cref="TrialData.Sha256"/> set.</summary>
    /// <param name="protocol">The trial's protocol.</param>
    /// <param name="files">The files.</param>
    /// <param name="label">How reports name the data, e.g. "frozen data cut 2".</param>
    /// <exception cref="DataInputException">The files do not fit the protocol.</exception>
    public static TrialData Read(TrialProtocol protocol, DataCutFiles files, string label)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(files);
        var participants = TableReader.ParseCsv(Encoding.UTF8.GetBytes(files.ParticipantsCsv), DataCutFiles.ParticipantsName);
        var adverseEvents = protocol.Data.Simple?.AdverseEvents is null ? null : TableReader.ParseCsv(Encoding.UTF8.GetBytes(files.AdverseEventsCsv), DataCutFiles.AdverseEventsName);
        return SimpleLayoutReader.Read(protocol, participants, adverseEvents) with { Source = label, Sha256 = Sha256(files) };
    }

    private static string Csv(DataTable table)
    {
        using var text = new StringWriter { NewLine = "\n" };
        TableWriter.WriteCsv(table, text);
        return text.ToString();
    }
}
