using Evident.Randomization.Audit;

namespace Evident.Analysis.Input;

/// <summary>
/// The SHA-256 that names the data a report was made from (results.json's <c>report.data_sha256</c>): the SHA-256 of
/// the lines <c>sha256sum</c> prints for the data files, in the order read (<c>&lt;hex&gt;  &lt;file name&gt;\n</c>, the
/// file's name without its folder). So <c>sha256sum participants.csv adverse_events.csv | sha256sum</c>, run in the data's
/// folder, gives the same value, and any change to any byte of any file changes it.
/// </summary>
public static class DataHash
{
    /// <summary>The hash of the files at <paramref name="paths"/>, in that order.</summary>
    /// <param name="paths">The files read.</param>
    public static string OfFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Of(paths.Select(path => (Path.GetFileName(path), File.ReadAllBytes(path))));
    }

    /// <summary>The hash of named contents, in that order (<see cref="ManifestHash.Of"/>).</summary>
    /// <param name="files">Each file's name and bytes.</param>
    public static string Of(IEnumerable<(string Name, byte[] Content)> files) => ManifestHash.Of(files);
}
