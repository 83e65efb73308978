using System.Text;
using Evident.Randomization.Audit;

namespace Evident.Randomization;

/// <summary>The files of a frozen data cut, as <c>evident export</c> writes the simple layout.</summary>
/// <param name="ParticipantsCsv">participants.csv, UTF-8 text.</param>
/// <param name="AdverseEventsCsv">adverse_events.csv, UTF-8 text.</param>
public sealed record DataCutFiles(string ParticipantsCsv, string AdverseEventsCsv)
{
    /// <summary>The participants file's name.</summary>
    public const string ParticipantsName = "participants.csv";

    /// <summary>The adverse-event file's name.</summary>
    public const string AdverseEventsName = "adverse_events.csv";

    /// <summary>The files' SHA-256 (<see cref="ManifestHash"/>: participants.csv, then adverse_events.csv, as UTF-8).</summary>
    public string Sha256() => ManifestHash.Of([(ParticipantsName, Encoding.UTF8.GetBytes(ParticipantsCsv)), (AdverseEventsName, Encoding.UTF8.GetBytes(AdverseEventsCsv))]);
}
