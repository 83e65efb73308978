using System.Security.Cryptography;
using System.Text;

namespace Evident.Randomization.Audit;

/// <summary>
/// The SHA-256 that names a set of data files (results.json's <c>report.data_sha256</c>, a frozen data cut's hash): the
/// SHA-256 of the lines <c>sha256sum</c> prints for the files, in order (<c>&lt;hex&gt;  &lt;file name&gt;\n</c>). So
/// <c>sha256sum participants.csv adverse_events.csv | sha256sum</c> gives the same value, and any change to any byte of
/// any file changes it. Here, below storage, so that <c>audit verify</c> can recompute a stored cut's hash.
/// </summary>
public static class ManifestHash
{
    /// <summary>The hash of named contents, in that order.</summary>
    /// <param name="files">Each file's name (without folder) and bytes.</param>
    public static string Of(IEnumerable<(string Name, byte[] Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var manifest = new StringBuilder();
        foreach (var (name, content) in files)
            manifest.Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append("  ").Append(name).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
    }
}
