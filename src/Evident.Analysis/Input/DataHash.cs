using System.Security.Cryptography;
using System.Text;

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

    /// <summary>The hash of named contents (a frozen data cut's files), in that order.</summary>
    /// <param name="files">Each file's name and bytes.</param>
    public static string Of(IEnumerable<(string Name, byte[] Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var manifest = new StringBuilder();
        foreach (var (name, content) in files)
            manifest.Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append("  ").Append(name).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
    }
}
