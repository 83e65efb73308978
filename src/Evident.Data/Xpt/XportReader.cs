using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Evident.Data.Xpt;

/// <summary>
/// Reads SAS XPORT version 5 transport files (<c>.xpt</c>), the format in which sponsors submit CDISC SDTM and ADaM
/// data sets (ADSL, ADTTE, ADAE) to regulators. Layout: SAS Technical Support TS-140, "The record layout of a data
/// set in SAS transport (XPORT) format". R equivalent: <c>foreign::read.xport(path)</c> /
/// <c>haven::read_xpt(path)</c>; SAS: <c>libname x xport "path"; proc copy</c>.
/// </summary>
/// <remarks>
/// <para>Layout: 80-byte records. A library header record, two real header records (SAS version, operating system,
/// created and modified times), then per member (data set): a member header (with the namestr length, 140 or 136 on
/// VAX/VMS), a descriptor header, two descriptor records (name, label, type, times), a namestr header with the
/// variable count, the namestr records (one per variable, padded to a whole record), an observation header, and the
/// observations as fixed-length rows laid end to end, the last record padded with blanks.</para>
/// <para>Values: numerics are IBM hexadecimal floating point of 2–8 bytes (<see cref="IbmFloat"/>) and become
/// <see cref="ColumnKind.Numeric"/> doubles; every SAS missing value (<c>.</c>, <c>.A</c>–<c>.Z</c>, <c>._</c>) is NaN.
/// Character values become <see cref="ColumnKind.Text"/> with trailing blanks (and NULs) removed; an empty value is
/// missing. Leading blanks are kept. SAS dates stay numbers (days since 1960-01-01); <see cref="Members"/> gives each
/// variable's format (<see cref="XportVariable.IsDate"/>) and <see cref="SasCalendar"/> converts them.</para>
/// <para>Row count: XPORT v5 does not store it. It is the data length divided by the row length, less trailing
/// rows that are entirely blank and lie within the last record's padding (fewer than 80 bytes from the end), as in
/// SAS and R's readers: a trailing row whose character values are all missing, in a member with no numeric
/// variables and rows shorter than 80 bytes, cannot be told from padding.</para>
/// <para>Not supported, rejected with a clear message: the version 8/9 extension (<c>LIBV8</c>/<c>MEMBV8</c> headers,
/// long names and labels) and CPORT files (<c>PROC CPORT</c>).</para>
/// <para>Speed: one pass over the selected columns (in parallel for large members); text is dictionary-encoded
/// from the bytes, allocating one string per distinct value.</para>
/// </remarks>
public static class XportReader
{
    /// <summary>Lists the members (data sets) of an XPORT file with their variables. R: <c>foreign::lookup.xport(path)</c>.</summary>
    /// <param name="path">The file; also used, as given, in messages.</param>
    /// <param name="encoding">The character encoding of labels and values; null reads UTF-8, falling back to Latin-1 for any label that is not valid UTF-8.</param>
    /// <returns>The members in file order.</returns>
    /// <exception cref="DataInputException">The file cannot be read, is not an XPORT v5 file, or is malformed or truncated.</exception>
    public static IReadOnlyList<XportMember> Members(string path, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseMembers(ReadFile(path), path, encoding);
    }

    /// <summary>Lists the members of an XPORT file already in memory (see <see cref="Members(string, Encoding?)"/>).</summary>
    /// <param name="data">The file content.</param>
    /// <param name="source">A name for the data in messages.</param>
    /// <param name="encoding">The character encoding; null = UTF-8 with Latin-1 fallback.</param>
    /// <returns>The members in file order.</returns>
    public static IReadOnlyList<XportMember> ParseMembers(byte[] data, string source, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(source);
        var layouts = new XportParser(data, source, encoding).ParseFile();
        var members = new XportMember[layouts.Count];
        for (int i = 0; i < members.Length; i++) members[i] = layouts[i].Member;
        return Array.AsReadOnly(members);
    }

    /// <summary>
    /// Reads one member of an XPORT file into a <see cref="DataTable"/>: numerics as <see cref="ColumnKind.Numeric"/>
    /// (NaN for every SAS missing value), character variables as <see cref="ColumnKind.Text"/> (trailing blanks
    /// removed, empty = missing). R: <c>foreign::read.xport(path)[[member]]</c>.
    /// </summary>
    /// <param name="path">The file; also used, as given, in messages.</param>
    /// <param name="member">The member's name (case-insensitive, as in SAS); null reads the first member.</param>
    /// <param name="columns">The variables to read (case-sensitive, any order; the table keeps file order); null reads all.</param>
    /// <param name="encoding">The character encoding of values; null reads UTF-8, falling back to Latin-1 for any value that is not valid UTF-8.</param>
    /// <returns>The table; its <see cref="DataTable.Source"/> is the path.</returns>
    /// <exception cref="DataInputException">Unreadable, malformed or truncated file, no such member, or a requested column that does not exist.</exception>
    public static DataTable Read(string path, string? member = null, IReadOnlyCollection<string>? columns = null, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadFile(path), path, member, columns, encoding);
    }

    /// <summary>Reads one member of an XPORT file already in memory (see <see cref="Read(string, string?, IReadOnlyCollection{string}?, Encoding?)"/>).</summary>
    /// <param name="data">The file content.</param>
    /// <param name="source">A name for the data in messages.</param>
    /// <param name="member">The member's name (case-insensitive); null reads the first member.</param>
    /// <param name="columns">The variables to read; null reads all.</param>
    /// <param name="encoding">The character encoding; null = UTF-8 with Latin-1 fallback.</param>
    /// <returns>The table.</returns>
    public static DataTable Parse(byte[] data, string source, string? member = null, IReadOnlyCollection<string>? columns = null, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(source);
        var layouts = new XportParser(data, source, encoding).ParseFile();
        if (layouts.Count == 0)
            throw DataInputException.InFile(source, "the XPORT file contains no data sets (members).", expected: "at least one member");
        var layout = layouts[0];
        if (member is not null)
        {
            int found = -1;
            for (int i = 0; i < layouts.Count && found < 0; i++)
                if (string.Equals(layouts[i].Member.Name, member, StringComparison.OrdinalIgnoreCase)) found = i;
            if (found < 0)
                throw new DataInputException(
                    $"{source}: data set '{member}' not found; the file contains: {string.Join(", ", layouts.Select(l => l.Member.Name))}",
                    source, null, null, member, "one of the file's members");
            layout = layouts[found];
        }
        return BuildTable(data, source, layout, columns, encoding);
    }

    private static DataTable BuildTable(byte[] data, string source, MemberLayout layout, IReadOnlyCollection<string>? columns, Encoding? encoding)
    {
        var variables = layout.Member.Variables;
        var selected = new List<XportVariable>(variables.Count);
        if (columns is null)
        {
            selected.AddRange(variables);
        }
        else
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in columns)
            {
                if (!variables.Any(v => v.Name == name)) throw DataTable.NotFound(source, name, variables.Select(v => v.Name));
                wanted.Add(name);
            }
            selected.AddRange(variables.Where(v => wanted.Contains(v.Name)));
        }

        int rows = layout.Member.RowCount;
        var built = new DataColumn[selected.Count];
        void Build(int i) => built[i] = selected[i].Type == XportVariableType.Numeric
            ? ReadNumeric(data, layout, selected[i], rows)
            : ReadText(data, layout, selected[i], rows, encoding);
        if ((long)rows * selected.Count >= 1 << 16) Parallel.For(0, built.Length, Build);
        else for (int i = 0; i < built.Length; i++) Build(i);
        return new DataTable(source, built, rows);
    }

    private static DataColumn ReadNumeric(byte[] data, MemberLayout layout, XportVariable variable, int rows)
    {
        var values = GC.AllocateUninitializedArray<double>(rows);
        int at = layout.DataStart + variable.Position, step = layout.RowLength, length = variable.Length;
        if (length == 8)
        {
            for (int r = 0; r < rows; r++, at += step)
                values[r] = IbmFloat.Decode(BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(at, 8)));
        }
        else
        {
            for (int r = 0; r < rows; r++, at += step)
                values[r] = IbmFloat.Decode(IbmFloat.ReadPadded(data.AsSpan(at, length)));
        }
        return new DataColumn(variable.Name, ColumnKind.Numeric, rows, values, null, null);
    }

    private static DataColumn ReadText(byte[] data, MemberLayout layout, XportVariable variable, int rows, Encoding? encoding)
    {
        var codes = GC.AllocateUninitializedArray<int>(rows);
        var distinct = new ByteDictionary();
        var firstStart = new List<int>();
        var firstLength = new List<int>();
        int at = layout.DataStart + variable.Position, step = layout.RowLength;
        for (int r = 0; r < rows; r++, at += step)
        {
            var value = data.AsSpan(at, variable.Length);
            int length = value.Length;
            while (length > 0 && value[length - 1] is (byte)' ' or 0) length--;
            if (length == 0) { codes[r] = -1; continue; }
            int code = distinct.GetOrAdd(value[..length]);
            if (code == firstStart.Count)
            {
                firstStart.Add(at);
                firstLength.Add(length);
            }
            codes[r] = code;
        }
        var dictionary = new string[firstStart.Count];
        for (int i = 0; i < dictionary.Length; i++) dictionary[i] = Decode(data.AsSpan(firstStart[i], firstLength[i]), encoding);
        return new DataColumn(variable.Name, ColumnKind.Text, rows, null, codes, dictionary);
    }

    /// <summary>Decodes text with the given encoding, or as UTF-8 when valid and Latin-1 otherwise.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, Encoding? encoding)
        => encoding is not null ? encoding.GetString(bytes)
         : Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes)
         : Encoding.Latin1.GetString(bytes);

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DataInputException.InFile(path, "file not found.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutOfMemoryException)
        {
            throw DataInputException.InFile(path, $"cannot read the file: {e.Message}");
        }
    }
}
