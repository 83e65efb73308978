namespace Evident.Data.Adam;

/// <summary>
/// Finds the CDISC ADaM data sets of a trial in one directory: <c>adsl</c>, <c>adtte</c> and (optionally) <c>adae</c>,
/// each as <c>.xpt</c> (SAS XPORT v5, as submitted to regulators), <c>.parquet</c>, <c>.csv</c> or <c>.tsv</c>, file names
/// matched case-insensitively (<c>ADSL.xpt</c>, <c>adsl.csv</c>).
/// </summary>
/// <param name="Adsl">Subject-level analysis data set: one row per participant.</param>
/// <param name="Adtte">Time-to-event analysis data set: one row per participant and parameter (<c>PARAMCD</c>).</param>
/// <param name="Adae">Adverse-event analysis data set, or null when the directory has none.</param>
public sealed record AdamFiles(string Adsl, string Adtte, string? Adae)
{
    private static readonly string[] Extensions = [".xpt", ".parquet", ".csv", ".tsv"];

    /// <summary>True when <paramref name="directory"/> holds an ADSL file.</summary>
    /// <param name="directory">A directory path.</param>
    public static bool IsAdamDirectory(string directory) => Directory.Exists(directory) && Find(directory, "adsl") is not null;

    /// <summary>Locates the files in <paramref name="directory"/>.</summary>
    /// <param name="directory">The directory.</param>
    /// <exception cref="DataInputException">The directory does not exist, or has no ADSL or no ADTTE file.</exception>
    public static AdamFiles Locate(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory)) throw DataInputException.InFile(directory, "directory not found.");
        string adsl = Find(directory, "adsl") ?? throw Missing(directory, "ADSL");
        string adtte = Find(directory, "adtte") ?? throw Missing(directory, "ADTTE");
        return new AdamFiles(adsl, adtte, Find(directory, "adae"));
    }

    private static DataInputException Missing(string directory, string name) =>
        DataInputException.InFile(directory, $"no {name} file; expected {name.ToLowerInvariant()}.xpt, .parquet, .csv or .tsv in the directory.",
                                  expected: $"{name.ToLowerInvariant()}.xpt, .parquet, .csv or .tsv");

    private static string? Find(string directory, string name)
    {
        foreach (string extension in Extensions)
            foreach (string file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
                if (string.Equals(Path.GetFileName(file), name + extension, StringComparison.OrdinalIgnoreCase)) return file;
        return null;
    }
}
