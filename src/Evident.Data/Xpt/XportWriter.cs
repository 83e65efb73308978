using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Evident.Data.Xpt;

/// <summary>
/// Writes SAS XPORT version 5 transport files (SAS TS-140) that SAS, R (<c>foreign::read.xport</c>,
/// <c>haven::read_xpt</c>) and <see cref="XportReader"/> read: several members per file, numerics as 8-byte (or
/// shorter, truncated) IBM floating point, character values blank-padded. R equivalent:
/// <c>haven::write_xpt(data, path, version = 5)</c> (one member per file); SAS: <c>libname x xport; proc copy</c>.
/// </summary>
/// <remarks>
/// <para>Values: NaN is written as the SAS missing value <c>.</c>; every normal double with
/// 2^−260 ≤ |x| &lt; 2^252 is written exactly at length 8 and read back bit for bit (see <see cref="IbmFloat"/>);
/// smaller magnitudes are written as 0; ±∞ and larger magnitudes are rejected. Text is encoded (UTF-8 by default)
/// and blank-padded; a missing or empty value is written as blanks and reads back as missing, and trailing
/// blanks are not kept.</para>
/// <para>Version 5 limits, each checked with a <see cref="DataInputException"/> naming the file, data set, column and
/// row: names of 1–8 characters (letters, digits, underscores, not starting with a digit), unique ignoring case;
/// labels of at most 40 bytes; character values of at most 200 bytes; at most 9,999 variables. Variable names are
/// written as given (SAS itself upper-cases them); data set names are upper-cased.</para>
/// </remarks>
public static class XportWriter
{
    private const int R = XportLayout.RecordLength;
    private static readonly Regex FormatPattern = new(@"^(\$?[A-Za-z_][A-Za-z0-9_]*?)?(\d*)\.(\d*)$", RegexOptions.CultureInvariant);

    /// <summary>Writes the data sets, in order, to a new XPORT v5 file (overwritten if it exists); every value is checked before the file is opened.</summary>
    /// <param name="path">Destination file; also used, as given, in messages.</param>
    /// <param name="dataSets">One or more data sets with distinct names.</param>
    /// <param name="timestamp">The created and modified time written in the headers; null uses the current local time.</param>
    /// <param name="encoding">The encoding of labels and character values; null writes UTF-8.</param>
    /// <exception cref="DataInputException">A name, label, length, format or value that XPORT v5 cannot hold.</exception>
    public static void Write(string path, IReadOnlyList<XportDataSet> dataSets, DateTime? timestamp = null, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(dataSets);
        var prepared = Prepare(path, dataSets, encoding ?? new UTF8Encoding(false));
        try
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            WritePrepared(stream, prepared, timestamp ?? DateTime.Now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataInputException.InFile(path, $"cannot write the file: {e.Message}");
        }
    }

    /// <summary>Writes the data sets as an XPORT v5 file to a stream (see <see cref="Write(string, IReadOnlyList{XportDataSet}, DateTime?, Encoding?)"/>).</summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <param name="source">A name for the output in messages.</param>
    /// <param name="dataSets">One or more data sets with distinct names.</param>
    /// <param name="timestamp">The created and modified time written in the headers; null uses the current local time.</param>
    /// <param name="encoding">The encoding of labels and character values; null writes UTF-8.</param>
    public static void Write(Stream stream, string source, IReadOnlyList<XportDataSet> dataSets, DateTime? timestamp = null, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dataSets);
        WritePrepared(stream, Prepare(source, dataSets, encoding ?? new UTF8Encoding(false)), timestamp ?? DateTime.Now);
    }

    /// <summary>A column ready to write: its namestr fields and, for text, each dictionary entry's padded bytes.</summary>
    private sealed record Variable(DataColumn Column, byte[] Label, bool IsNumeric, int Length, int Position, string Format, int FormatLength, int FormatDecimals, byte[][] Padded);

    private sealed record Member(string Name, byte[] Label, Variable[] Variables, int RowLength, int RowCount);

    private static Member[] Prepare(string file, IReadOnlyList<XportDataSet> dataSets, Encoding encoding)
    {
        if (dataSets.Count == 0) throw DataInputException.InFile(file, "no data sets to write; an XPORT file needs at least one.", expected: "at least one data set");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var members = new Member[dataSets.Count];
        for (int m = 0; m < members.Length; m++)
        {
            var set = dataSets[m] ?? throw new ArgumentException("a data set is null.", nameof(dataSets));
            if (!XportLayout.IsSasName(set.Name))
                throw DataInputException.InFile(file, $"data set name '{set.Name}' is not a SAS version 5 name.", null, "1–8 letters, digits or underscores, not starting with a digit");
            if (!names.Add(set.Name))
                throw DataInputException.InFile(file, $"data set name '{set.Name}' is used twice (SAS names ignore case).", null, "distinct data set names");
            string where = $"data set '{set.Name}'";
            CheckLabel(file, where, null, set.Label, encoding);
            members[m] = PrepareMember(file, set, where, encoding);
        }
        return members;
    }

    private static Member PrepareMember(string file, XportDataSet set, string where, Encoding encoding)
    {
        var columns = set.Table.Columns;
        if (columns.Count == 0) throw DataInputException.InFile(file, $"{where} has no columns; a SAS data set needs at least one variable.", null, "at least one column");
        if (columns.Count > XportLayout.MaxVariables)
            throw DataInputException.InFile(file, $"{where} has {columns.Count} columns; XPORT v5 holds at most {XportLayout.MaxVariables}.", null, $"at most {XportLayout.MaxVariables} columns");
        var metadata = new Dictionary<string, XportColumn>(StringComparer.Ordinal);
        foreach (var spec in set.Columns)
        {
            if (!set.Table.TryGetColumn(spec.Name, out _))
                throw DataTable.NotFound($"{file}, {where}", spec.Name, columns.Select(c => c.Name));
            if (!metadata.TryAdd(spec.Name, spec))
                throw DataInputException.InFile(file, $"{where}: column '{spec.Name}' has metadata twice.", spec.Name, "one XportColumn per column");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var variables = new Variable[columns.Count];
        int position = 0;
        for (int c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (!XportLayout.IsSasName(column.Name))
                throw DataInputException.InFile(file, $"{where}: column name '{column.Name}' is not a SAS version 5 name{(column.Name.Length > XportLayout.MaxNameLength ? $" (it has {column.Name.Length} characters; at most 8 are allowed)" : "")}.",
                                                column.Name, "1–8 letters, digits or underscores, not starting with a digit");
            if (!names.Add(column.Name))
                throw DataInputException.InFile(file, $"{where}: column name '{column.Name}' is used twice (SAS names ignore case).", column.Name, "distinct column names");
            var spec = metadata.GetValueOrDefault(column.Name) ?? new XportColumn(column.Name);
            CheckLabel(file, where, column.Name, spec.Label, encoding);
            var (format, width, decimals) = ParseFormat(file, where, column.Name, spec.Format);
            variables[c] = column.Kind == ColumnKind.Text
                ? PrepareText(file, where, column, spec, position, format, width, decimals, encoding)
                : PrepareNumeric(file, where, column, spec, position, format, width, decimals, encoding);
            position += variables[c].Length;
        }
        return new Member(set.Name.ToUpperInvariant(), encoding.GetBytes(set.Label), variables, position, set.Table.RowCount);
    }

    private static Variable PrepareNumeric(string file, string where, DataColumn column, XportColumn spec, int position, string format, int width, int decimals, Encoding encoding)
    {
        int length = spec.Length ?? 8;
        if (length is < 2 or > 8)
            throw DataInputException.InFile(file, $"{where}: numeric column '{column.Name}' has length {length}.", column.Name, "a numeric length of 2 to 8 bytes");
        var values = column.Numbers;
        for (int r = 0; r < values.Length; r++)
        {
            if (!IbmFloat.TryEncode(values[r], out _))
                throw new DataInputException(
                    $"{file}, {where}, row {r + 1}, column '{column.Name}': value '{RNumberFormat.Format(values[r])}' cannot be stored in SAS XPORT; numbers must be finite with magnitude below 2^252 (about 7.2e75).",
                    file, r + 1, column.Name, RNumberFormat.Format(values[r]), "a finite number with magnitude below 7.2e75");
        }
        return new Variable(column, encoding.GetBytes(spec.Label), true, length, position, format, width, decimals, []);
    }

    private static Variable PrepareText(string file, string where, DataColumn column, XportColumn spec, int position, string format, int width, int decimals, Encoding encoding)
    {
        var dictionary = column.Dictionary;
        var encoded = new byte[dictionary.Count][];
        int longest = 1;
        for (int i = 0; i < encoded.Length; i++)
        {
            encoded[i] = encoding.GetBytes(dictionary[i]);
            longest = Math.Max(longest, encoded[i].Length);
        }
        int length = spec.Length ?? longest;
        if (length is < 1 or > XportLayout.MaxCharacterLength || longest > length)
        {
            int code = Array.FindIndex(encoded, e => e.Length > Math.Min(length, XportLayout.MaxCharacterLength));
            if (code < 0)
                throw DataInputException.InFile(file, $"{where}: text column '{column.Name}' has length {length}.", column.Name, "a character length of 1 to 200 bytes");
            int row = column.Codes.IndexOf(code) + 1;
            string limit = length > XportLayout.MaxCharacterLength || spec.Length is null ? "XPORT v5 character values hold at most 200 bytes" : $"the column's length is {length} bytes";
            throw new DataInputException(
                $"{file}, {where}, row {row}, column '{column.Name}': value '{Shorten(dictionary[code])}' has {encoded[code].Length} bytes; {limit}.",
                file, row, column.Name, dictionary[code], $"at most {Math.Min(length, XportLayout.MaxCharacterLength)} bytes");
        }
        var padded = new byte[encoded.Length][];
        for (int i = 0; i < padded.Length; i++)
        {
            padded[i] = new byte[length];
            padded[i].AsSpan().Fill((byte)' ');
            encoded[i].CopyTo(padded[i], 0);
        }
        return new Variable(column, encoding.GetBytes(spec.Label), false, length, position, format, width, decimals, padded);
    }

    private static void CheckLabel(string file, string where, string? column, string label, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(label);
        int bytes = encoding.GetByteCount(label);
        if (bytes > XportLayout.MaxLabelLength)
            throw DataInputException.InFile(file, $"{where}{(column is null ? "" : $", column '{column}'")}: label '{label}' has {bytes} bytes; XPORT v5 labels hold at most 40.",
                                            column, "a label of at most 40 bytes");
    }

    private static (string Name, int Width, int Decimals) ParseFormat(string file, string where, string column, string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (format.Length == 0) return ("", 0, 0);
        var match = FormatPattern.Match(format);
        string name = match.Groups[1].Value;
        if (!match.Success || name.Length > XportLayout.MaxNameLength
            || !short.TryParse(match.Groups[2].ValueSpan.IsEmpty ? "0" : match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out short width)
            || !short.TryParse(match.Groups[3].ValueSpan.IsEmpty ? "0" : match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out short decimals))
            throw DataInputException.InFile(file, $"{where}, column '{column}': format '{format}' is not a SAS format.", column,
                                            "a format written as SAS does, e.g. DATE9., YYMMDD10., 8.2 or $CHAR20., with a name of at most 8 characters");
        return (name.ToUpperInvariant(), width, decimals);
    }

    private static void WritePrepared(Stream stream, Member[] members, DateTime timestamp)
    {
        string time = XportLayout.FormatTimestamp(timestamp);
        var output = new RecordWriter(stream);
        output.Header(XportLayout.Library);
        output.Text("SAS     SAS     SASLIB  9.4     EVIDENT ", 40).Blanks(24).Text(time, 16).EndRecord();
        output.Text(time, 16).EndRecord();
        foreach (var member in members)
        {
            output.Text(XportLayout.HeaderPrefix(XportLayout.Member), 48)
                  .Text($"00000000000000000160000000{XportLayout.NamestrLength:0000}", 30).EndRecord();
            output.Header(XportLayout.Descriptor);
            output.Text("SAS     ", 8).Text(member.Name, 8).Text("SASDATA 9.4     EVIDENT ", 24).Blanks(24).Text(time, 16).EndRecord();
            output.Text(time, 16).Blanks(16).Bytes(member.Label, 40).Blanks(8).EndRecord();
            output.Text(XportLayout.HeaderPrefix(XportLayout.Namestr), 48)
                  .Text(string.Create(CultureInfo.InvariantCulture, $"000000{member.Variables.Length:0000}00000000000000000000"), 30).EndRecord();
            var namestr = new byte[XportLayout.NamestrLength];
            for (int v = 0; v < member.Variables.Length; v++)
            {
                FillNamestr(namestr, member.Variables[v], v + 1);
                output.Raw(namestr);
            }
            output.EndRecord();
            output.Header(XportLayout.Observations);
            WriteRows(output, member);
            output.EndRecord();
        }
        output.Flush();
    }

    private static void FillNamestr(byte[] namestr, Variable variable, int number)
    {
        var span = namestr.AsSpan();
        span.Clear();
        BinaryPrimitives.WriteInt16BigEndian(span, (short)(variable.IsNumeric ? 1 : 2));
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)variable.Length);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)number);
        Padded(span.Slice(8, 8), Encoding.ASCII.GetBytes(variable.Column.Name));
        Padded(span.Slice(16, 40), variable.Label);
        Padded(span.Slice(56, 8), Encoding.ASCII.GetBytes(variable.Format));
        BinaryPrimitives.WriteInt16BigEndian(span[64..], (short)variable.FormatLength);
        BinaryPrimitives.WriteInt16BigEndian(span[66..], (short)variable.FormatDecimals);
        BinaryPrimitives.WriteInt16BigEndian(span[68..], (short)(variable.IsNumeric ? 1 : 0));
        Padded(span.Slice(72, 8), []);
        BinaryPrimitives.WriteInt32BigEndian(span[84..], variable.Position);
    }

    private static void Padded(Span<byte> field, ReadOnlySpan<byte> value)
    {
        field.Fill((byte)' ');
        value[..Math.Min(value.Length, field.Length)].CopyTo(field);
    }

    /// <summary>Writes the observations end to end, a block of rows at a time.</summary>
    private static void WriteRows(RecordWriter output, Member member)
    {
        if (member.RowCount == 0) return;
        int perBlock = Math.Max(1, (1 << 16) / member.RowLength);
        var block = new byte[perBlock * member.RowLength];
        Span<byte> ibm = stackalloc byte[8];
        for (int first = 0; first < member.RowCount; first += perBlock)
        {
            int count = Math.Min(perBlock, member.RowCount - first);
            foreach (var variable in member.Variables)
            {
                int at = variable.Position;
                if (variable.IsNumeric)
                {
                    var values = variable.Column.Numbers.Slice(first, count);
                    for (int r = 0; r < count; r++, at += member.RowLength)
                    {
                        BinaryPrimitives.WriteUInt64BigEndian(ibm, IbmFloat.Encode(values[r]));
                        ibm[..variable.Length].CopyTo(block.AsSpan(at));
                    }
                }
                else
                {
                    var codes = variable.Column.Codes.Slice(first, count);
                    for (int r = 0; r < count; r++, at += member.RowLength)
                    {
                        var target = block.AsSpan(at, variable.Length);
                        if (codes[r] < 0) target.Fill((byte)' ');
                        else variable.Padded[codes[r]].CopyTo(target);
                    }
                }
            }
            output.Raw(block.AsSpan(0, count * member.RowLength));
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");

    /// <summary>Buffers output and pads each record to 80 bytes with blanks.</summary>
    private sealed class RecordWriter(Stream stream)
    {
        private readonly BufferedStream buffer = new(stream, 1 << 16);
        private long written;

        public RecordWriter Text(string ascii, int width) => Bytes(Encoding.ASCII.GetBytes(ascii), width);

        public RecordWriter Bytes(ReadOnlySpan<byte> value, int width)
        {
            var slice = value[..Math.Min(value.Length, width)];
            Raw(slice);
            return Blanks(width - slice.Length);
        }

        public RecordWriter Blanks(int count)
        {
            for (int i = 0; i < count; i++) buffer.WriteByte((byte)' ');
            written += count;
            return this;
        }

        public RecordWriter Raw(ReadOnlySpan<byte> bytes)
        {
            buffer.Write(bytes);
            written += bytes.Length;
            return this;
        }

        public void Header(string kind) => Text(XportLayout.HeaderPrefix(kind), 48).Text(new string('0', 30), 30).EndRecord();

        /// <summary>Pads with blanks to the next 80-byte boundary (nothing when already on one).</summary>
        public void EndRecord() => Blanks((int)((R - written % R) % R));

        public void Flush() => buffer.Flush();
    }
}
