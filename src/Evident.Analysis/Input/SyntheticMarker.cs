namespace Evident.Analysis.Input;

/// <summary>
/// The marker file that labels a data folder as SYNTHETIC: <c>evident synthesize</c> and <c>evident demo</c> write
/// <c>SYNTHETIC.txt</c> beside the data sets they generate, and <c>evident analyze</c> labels every output SYNTHETIC when
/// the folder of the data (or of the adverse-event file) holds it, as if <c>--synthetic</c> were given.
/// </summary>
public static class SyntheticMarker
{
    /// <summary>The marker's file name, <c>SYNTHETIC.txt</c> (matched exactly).</summary>
    public const string FileName = "SYNTHETIC.txt";

    /// <summary>
    /// The marker that labels <paramref name="dataPath"/>: <c>SYNTHETIC.txt</c> inside it when it is a directory (ADaM),
    /// else beside it; null when there is none.
    /// </summary>
    /// <param name="dataPath">A data file or an ADaM directory.</param>
    public static string? Find(string dataPath)
    {
        ArgumentNullException.ThrowIfNull(dataPath);
        string? folder = Directory.Exists(dataPath) ? dataPath : Path.GetDirectoryName(Path.GetFullPath(dataPath));
        if (folder is null) return null;
        string marker = Path.Combine(folder, FileName);
        return File.Exists(marker) ? marker : null;
    }
}
