using System.Text;

namespace Evident.Cli.Commands;

/// <summary>
/// Writes the files of an analysis into an output directory all at once: everything is written into a fresh sibling
/// directory, then swapped in by renames, so a failure never leaves a half-written report (the old one stays).
/// </summary>
public static class AnalyzeCommandOutput
{
    /// <summary>Writes <paramref name="files"/> (relative name → UTF-8 content) as the content of <paramref name="directory"/>.</summary>
    /// <param name="directory">The output directory; its previous content is replaced.</param>
    /// <param name="files">File names (may contain sub-directories) and their text.</param>
    /// <param name="extra">Optional callback writing further files into the staging directory (e.g. data sets).</param>
    public static void Write(string directory, IReadOnlyDictionary<string, string> files, Action<string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        string target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        string backup = staging + ".old";
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (name, content) in files)
            {
                string path = Path.Combine(staging, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content, new UTF8Encoding(false));
            }
            extra?.Invoke(staging);
            if (Directory.Exists(target)) Directory.Move(target, backup);
            Directory.Move(staging, target);
            if (Directory.Exists(backup)) Directory.Delete(backup, recursive: true);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (Directory.Exists(backup) && !Directory.Exists(target)) Directory.Move(backup, target);
            throw;
        }
    }
}
