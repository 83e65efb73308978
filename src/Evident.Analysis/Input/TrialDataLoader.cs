using Evident.Data;
using Evident.Data.Adam;
using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>Reads a trial's data in whichever layout the path holds: a directory of ADaM data sets, or a simple-layout file.</summary>
public static class TrialDataLoader
{
    /// <summary>
    /// Reads <paramref name="dataPath"/>: a directory with <c>adsl</c>/<c>adtte</c>/<c>adae</c> files is ADaM
    /// (<see cref="AdamLayoutReader"/>); a file is the simple layout (<see cref="SimpleLayoutReader"/>).
    /// </summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="dataPath">A file or a directory.</param>
    /// <param name="adverseEventsPath">The adverse-event table of the simple layout (ADaM takes ADAE from the directory), or null.</param>
    /// <returns>The data, with <see cref="TrialData.Sha256"/> over the files read (ADSL, ADTTE, ADAE; or participants, adverse events).</returns>
    /// <exception cref="DataInputException">The path does not exist or the data do not fit the protocol.</exception>
    public static TrialData Load(TrialProtocol protocol, string dataPath, string? adverseEventsPath)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(dataPath);
        if (Directory.Exists(dataPath))
        {
            var files = AdamFiles.Locate(dataPath);
            if (adverseEventsPath is not null) files = files with { Adae = adverseEventsPath };
            var adam = AdamLayoutReader.Read(protocol, files);
            return adam with { Sha256 = DataHash.OfFiles(new[] { files.Adsl, files.Adtte, files.Adae }.OfType<string>()) };
        }
        if (!File.Exists(dataPath)) throw new DataInputException($"{dataPath}: file or directory not found.", dataPath);
        var simple = SimpleLayoutReader.Read(protocol, dataPath, adverseEventsPath);
        return simple with { Sha256 = DataHash.OfFiles(new[] { dataPath, adverseEventsPath }.OfType<string>()) };
    }
}
