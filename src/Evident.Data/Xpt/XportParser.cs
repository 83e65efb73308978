using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Evident.Data.Xpt;

/// <summary>
/// Walks the header, descriptor and namestr records of an XPORT v5 file (TS-140) and locates each member's
/// observations. Every problem is a <see cref="DataInputException"/> naming the file, the member, the 1-based
/// 80-byte record and what was expected there.
/// </summary>
internal sealed class XportParser(byte[] data, string source, Encoding? encoding)
{
    private const int R = XportLayout.RecordLength;
    private string? member;

    public List<MemberLayout> ParseFile()
    {
        ParseLibraryHeader();
        var members = new List<MemberLayout>();
        int at = 3 * R;
        while (at < data.Length)
        {
            if (IsBlank(data.AsSpan(at))) break;
            members.Add(ParseMember(ref at));
        }
        return members;
    }

    private void ParseLibraryHeader()
    {
        if (data.Length >= 14 && Ascii(0, 14) == "**COMPRESSED**")
            throw Fail(0, "this is a SAS CPORT file (PROC CPORT), not an XPORT transport file; export it from SAS with the XPORT engine (libname x xport) or %loc2xpt(format=V5)",
                       "a SAS XPORT version 5 file");
        if (data.Length >= 48 && Ascii(0, 48) == XportLayout.HeaderPrefix("LIBV8"))
            throw Fail(0, "this is a SAS XPORT version 8 file (LIBV8 header, long names); only version 5 is supported: write it with %loc2xpt(format=V5) or the XPORT engine",
                       "a SAS XPORT version 5 file");
        ExpectHeader(0, XportLayout.Library);
        RequireRecord(R, "the first real header record (SAS SAS SASLIB …)");
        if (Ascii(R, 24) != "SAS     SAS     SASLIB  ")
            throw Fail(R, $"found '{Printable(R, 24)}' where the first real header record starts", "'SAS     SAS     SASLIB  '");
        RequireRecord(2 * R, "the second real header record (modified date)");
    }

    private MemberLayout ParseMember(ref int at)
    {
        member = null;
        if (data.Length >= at + 48 && Ascii(at, 48) == XportLayout.HeaderPrefix("MEMBV8"))
            throw Fail(at, "this member has a version 8 header (MEMBV8, long names); only version 5 is supported", "a MEMBER header record");
        ExpectHeader(at, XportLayout.Member);
        int namestrLength = ParseNumber(at + 74, 4, "the namestr length (140, or 136 on VAX/VMS) at bytes 75–78 of the member header");
        if (namestrLength != XportLayout.NamestrLength && namestrLength != XportLayout.VaxNamestrLength)
            throw Fail(at, $"the member header gives a namestr length of {namestrLength}", "140, or 136 on VAX/VMS");
        at += R;
        ExpectHeader(at, XportLayout.Descriptor);
        at += R;

        RequireRecord(at, "the first descriptor record (SAS name SASDATA …)");
        if (Ascii(at, 8) != "SAS     " || Ascii(at + 16, 8) != "SASDATA ")
            throw Fail(at, $"found '{Printable(at, 24)}' where the descriptor record starts", "'SAS     NAME    SASDATA '");
        string name = Ascii(at + 8, 8).TrimEnd();
        member = name;
        string version = Ascii(at + 24, 8).Trim();
        string os = Ascii(at + 32, 8).Trim();
        DateTime? created = XportLayout.ParseTimestamp(Ascii(at + 64, 16));
        at += R;
        RequireRecord(at, "the second descriptor record (modified date, label, type)");
        DateTime? modified = XportLayout.ParseTimestamp(Ascii(at, 16));
        string label = Text(at + 32, 40);
        string type = Ascii(at + 72, 8).Trim();
        at += R;

        ExpectHeader(at, XportLayout.Namestr);
        int count = ParseNumber(at + 54, 4, "the variable count at bytes 55–58 of the namestr header");
        int namestrHeader = at;
        at += R;
        long namestrBytes = (long)count * namestrLength;
        if (at + namestrBytes > data.Length)
            throw Fail(data.Length, $"the file ends inside the namestr records: the namestr header (record {namestrHeader / R + 1}) announces {count} variables of {namestrLength} bytes",
                       $"{count} namestr records", truncated: true);
        var variables = new XportVariable[count];
        int rowLength = 0;
        for (int i = 0; i < count; i++)
        {
            variables[i] = ParseNamestr(at + i * namestrLength, i);
            rowLength = Math.Max(rowLength, variables[i].Position + variables[i].Length);
        }
        at += (int)((namestrBytes + R - 1) / R * R);
        if (at + 48 > data.Length || Ascii(at, 48) != XportLayout.HeaderPrefix(XportLayout.Observations))
            throw Fail(at, $"the namestr header (record {namestrHeader / R + 1}) announces {count} variables, but the record after {count} namestr records of {namestrLength} bytes is not the OBS header record: the namestr count does not match the namestr records, or the file is truncated",
                       $"'{XportLayout.HeaderPrefix(XportLayout.Observations)}'", truncated: at + 48 > data.Length);
        at += R;

        int dataStart = at;
        int dataEnd = NextMemberHeader(dataStart);
        int rows = CountRows(dataStart, dataEnd, rowLength);
        at = dataEnd;
        var description = new XportMember(name, label, type, version, os, created, modified, Array.AsReadOnly(variables), rows);
        return new MemberLayout(description, dataStart, rowLength);
    }

    private XportVariable ParseNamestr(int at, int index)
    {
        var record = data.AsSpan(at, XportLayout.VaxNamestrLength);
        int type = BinaryPrimitives.ReadInt16BigEndian(record);
        int length = BinaryPrimitives.ReadInt16BigEndian(record[4..]);
        string name = Ascii(at + 8, 8).TrimEnd();
        string what = $"variable {index + 1}{(name.Length > 0 ? $" ('{name}')" : "")}";
        if (name.Length == 0)
            throw Fail(at, $"{what} has a blank name in its namestr record", "a SAS name of 1–8 characters");
        if (type is not 1 and not 2)
            throw Fail(at, $"{what} has namestr type {type}", "1 (numeric) or 2 (character)");
        if (type == 1 && length is < 2 or > 8)
            throw Fail(at, $"numeric {what} has length {length}", "a numeric length of 2 to 8 bytes");
        if (type == 2 && length < 1)
            throw Fail(at, $"character {what} has length {length}", "a character length of at least 1 byte");
        int position = BinaryPrimitives.ReadInt32BigEndian(record[84..]);
        if (position < 0 || position > data.Length)
            throw Fail(at, $"{what} has position {position} in the observation", "a byte offset within the observation");
        return new XportVariable(
            name,
            Text(at + 16, 40),
            (XportVariableType)type,
            length,
            position,
            Ascii(at + 56, 8).Trim(),
            BinaryPrimitives.ReadInt16BigEndian(record[64..]),
            BinaryPrimitives.ReadInt16BigEndian(record[66..]),
            Ascii(at + 72, 8).Trim(),
            BinaryPrimitives.ReadInt16BigEndian(record[80..]),
            BinaryPrimitives.ReadInt16BigEndian(record[82..]));
    }

    /// <summary>The offset of the next record-aligned member header after <paramref name="start"/>, or the end of the file.</summary>
    private int NextMemberHeader(int start)
    {
        var prefix = XportLayout.MemberHeaderPrefix;
        for (int at = start; at + prefix.Length <= data.Length; at += R)
            if (data[at] == (byte)'H' && data.AsSpan(at, prefix.Length).SequenceEqual(prefix)) return at;
        return data.Length;
    }

    /// <summary>Whole rows in [start, end), less trailing blank rows that fit in the last record's padding.</summary>
    private int CountRows(int start, int end, int rowLength)
    {
        int length = end - start;
        if (rowLength == 0) return 0;
        int rows = length / rowLength;
        int rest = start + rows * rowLength;
        if (!IsBlank(data.AsSpan(rest, end - rest)))
            throw Fail(rest, $"the observations end with {end - rest} bytes that do not make a whole row of {rowLength} bytes{(end == data.Length && data.Length % R != 0 ? $" (the file has {data.Length} bytes, not a multiple of 80)" : "")}: the file is truncated or the namestr lengths are wrong",
                       $"rows of {rowLength} bytes padded with blanks to a multiple of 80 bytes", truncated: end == data.Length);
        while (rows > 0 && end - (start + (rows - 1) * rowLength) < R && IsBlank(data.AsSpan(start + (rows - 1) * rowLength, rowLength)))
            rows--;
        return rows;
    }

    private void ExpectHeader(int at, string kind)
    {
        string expected = XportLayout.HeaderPrefix(kind);
        RequireRecord(at, $"the {kind.Trim()} header record");
        if (Ascii(at, 48) != expected)
            throw Fail(at, $"found '{Printable(at, 48)}' where the {kind.Trim()} header record should be", $"'{expected}'");
    }

    private void RequireRecord(int at, string expected)
    {
        if (at + R > data.Length)
            throw Fail(at, $"the file ends after {data.Length} bytes, inside {expected}", expected, truncated: true);
    }

    private int ParseNumber(int at, int length, string what)
    {
        string digits = Ascii(at, length);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            throw Fail(at, $"found '{digits}' as {what}", "decimal digits");
        return value;
    }

    private DataInputException Fail(int offset, string problem, string expected, bool truncated = false)
    {
        string where = member is null ? $"record {offset / R + 1}" : $"data set '{member}', record {offset / R + 1}";
        string prefix = truncated ? "truncated XPORT file: " : "";
        return new DataInputException($"{source}, {where}: {prefix}{problem}; expected {expected}.", source, null, null, null, expected);
    }

    private string Ascii(int at, int length) => Encoding.Latin1.GetString(data, at, Math.Min(length, data.Length - at));

    private string Text(int at, int length) => XportReader.Decode(data.AsSpan(at, length).TrimEnd((byte)' ').TrimEnd((byte)0), encoding);

    private string Printable(int at, int length)
    {
        var chars = Ascii(at, length).ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (chars[i] < ' ' || chars[i] > '~') chars[i] = '?';
        return new string(chars);
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)' ') < 0;
}
