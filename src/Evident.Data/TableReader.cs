using Evident.Data.Xpt;

namespace Evident.Data;

/// <summary>
/// Reads a data file into a <see cref="DataTable"/>. R equivalent: <c>read.csv(path, na.strings = c("NA", ""))</c>
/// (or <c>read.delim</c>, <c>arrow::read_parquet</c>), restricted to the columns a formula uses.
/// </summary>
/// <remarks>
/// Delimited text: a header row, RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quotes),
/// UTF-8 with or without BOM, LF or CRLF, blank lines skipped. <c>NA</c> and empty fields (quoted or not) are missing;
/// numbers use the invariant culture (<c>1e-3</c>, <c>-0.5</c>, <c>Inf</c>, <c>-Inf</c>; <c>NaN</c> is missing).
/// A column is numeric when every non-missing value is a number, logical when every one is TRUE/FALSE/T/F/true/false,
/// text otherwise. Columns not asked for are skipped without being parsed, and large files are parsed in parallel
/// chunks: a 1,000,000-row, 10-column file is read in well under a second.
/// </remarks>
public static class TableReader
{
    /// <summary>
    /// Reads a file, choosing the format by extension: <c>.csv</c> (comma), <c>.tsv</c>/<c>.tab</c>/<c>.txt</c> (tab),
    /// <c>.parquet</c>, <c>.xpt</c> (SAS XPORT v5, first member; see <see cref="XportReader"/>).
    /// </summary>
    /// <param name="path">The file; also used, as given, in messages.</param>
    /// <param name="columns">The columns to read (in any order; the table keeps file order); null reads all.</param>
    /// <exception cref="DataInputException">Unreadable or malformed file, unknown extension, or a requested column that does not exist.</exception>
    public static DataTable Read(string path, IReadOnlyCollection<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsv(path, ',', columns),
            ".tsv" or ".tab" or ".txt" => ReadCsv(path, '\t', columns),
            ".parquet" or ".pq" => ReadParquet(path, columns),
            ".xpt" => XportReader.Read(path, null, columns),
            _ => throw DataInputException.InFile(path, $"cannot tell the format from the extension '{extension}'; use .csv, .tsv, .tab, .txt or .parquet.",
                                                 expected: ".csv, .tsv, .tab, .txt or .parquet"),
        };
    }

    /// <summary>Reads delimited text (see the type's remarks for the rules).</summary>
    /// <param name="path">The file.</param>
    /// <param name="delimiter">The field delimiter, an ASCII character other than a quote or line break (',' or '\t').</param>
    /// <param name="columns">The columns to read; null reads all.</param>
    /// <exception cref="DataInputException">Unreadable or malformed file, or a requested column that does not exist.</exception>
    public static DataTable ReadCsv(string path, char delimiter, IReadOnlyCollection<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (delimiter > 127 || delimiter is '"' or '\n' or '\r')
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "the delimiter must be an ASCII character other than a quote or a line break.");
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            long length = RandomAccess.GetLength(handle);
            if (length > Array.MaxLength)
                throw DataInputException.InFile(path, $"the file has {length} bytes; at most {Array.MaxLength} can be read (use Parquet for larger data).");
            if (length < MapBytes)
            {
                byte[] data = ReadAllBytes(handle, length);
                return CsvParser.Parse(data, data.Length, path, (byte)delimiter, columns);
            }
            using var mapped = MappedFile.Open(handle, (int)length);
            return CsvParser.Parse(mapped.Memory, (int)length, path, (byte)delimiter, columns);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DataInputException.InFile(path, "file not found.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataInputException.InFile(path, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Files from this size on are memory-mapped rather than copied into an array.</summary>
    private const long MapBytes = 1 << 20;

    /// <summary>Parses delimited text already in memory (UTF-8 bytes); <paramref name="source"/> names it in messages.</summary>
    /// <param name="utf8">The file content.</param>
    /// <param name="source">A name for messages.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="columns">The columns to read; null reads all.</param>
    public static DataTable ParseCsv(ReadOnlySpan<byte> utf8, string source, char delimiter = ',', IReadOnlyCollection<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (delimiter > 127 || delimiter is '"' or '\n' or '\r')
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "the delimiter must be an ASCII character other than a quote or a line break.");
        byte[] data = utf8.ToArray();
        return CsvParser.Parse(data, data.Length, source, (byte)delimiter, columns);
    }

    /// <summary>Reads the selected columns of a Parquet file (integer, float, double, decimal, boolean and string columns; nulls are missing).</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The columns to read; null reads all.</param>
    /// <exception cref="DataInputException">Unreadable file, unsupported column type, or a requested column that does not exist.</exception>
    public static DataTable ReadParquet(string path, IReadOnlyCollection<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw DataInputException.InFile(path, "file not found.");
        try
        {
            return ParquetTableReader.ReadAsync(path, path, columns).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw DataInputException.InFile(path, $"cannot read the file as Parquet: {e.Message}");
        }
    }

    /// <summary>Reads a small file whole (the caller maps large ones).</summary>
    private static byte[] ReadAllBytes(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
    {
        var data = GC.AllocateUninitializedArray<byte>((int)length);
        for (int at = 0; at < data.Length;)
        {
            int read = RandomAccess.Read(handle, data.AsSpan(at), at);
            if (read == 0) throw new IOException("the file became shorter while it was read.");
            at += read;
        }
        return data;
    }
}
