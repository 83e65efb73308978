using System.Globalization;
using System.Text;

namespace Evident.Data.Xpt;

/// <summary>
/// The fixed parts of the SAS XPORT version 5 layout (SAS Technical Support TS-140), shared by the reader and
/// the writer. Every record is 80 bytes; a namestr is 140 bytes (136 on VAX/VMS) and is laid out as
/// <c>ntype(2) nhfun(2) nlng(2) nvar0(2) nname(8) nlabel(40) nform(8) nfl(2) nfd(2) nfj(2) nfill(2) niform(8)
/// nifl(2) nifd(2) npos(4) rest(52)</c>, integers big-endian.
/// </summary>
internal static class XportLayout
{
    public const int RecordLength = 80;
    public const int NamestrLength = 140;
    public const int VaxNamestrLength = 136;
    public const int MaxCharacterLength = 200;
    public const int MaxNameLength = 8;
    public const int MaxLabelLength = 40;
    public const int MaxVariables = 9999;

    /// <summary>The 48 bytes that open every header record, with the record's kind in the middle.</summary>
    public static string HeaderPrefix(string kind) => $"HEADER RECORD*******{kind,-8}HEADER RECORD!!!!!!!";

    public const string Library = "LIBRARY ";
    public const string Member = "MEMBER  ";
    public const string Descriptor = "DSCRPTR ";
    public const string Namestr = "NAMESTR ";
    public const string Observations = "OBS     ";

    public static readonly byte[] MemberHeaderPrefix = Encoding.ASCII.GetBytes(HeaderPrefix(Member));

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Header timestamps are <c>ddMMMyy:hh:mm:ss</c>, e.g. <c>24NOV26:09:17:05</c>.</summary>
    public static string FormatTimestamp(DateTime time)
        => string.Create(CultureInfo.InvariantCulture,
            $"{time.Day:00}{Months[time.Month - 1]}{time.Year % 100:00}:{time.Hour:00}:{time.Minute:00}:{time.Second:00}");

    /// <summary>Parses a header timestamp; two-digit years 60–99 are 19xx and 00–59 are 20xx; null when malformed.</summary>
    public static DateTime? ParseTimestamp(string text)
    {
        if (text.Length != 16 || text[7] != ':' || text[10] != ':' || text[13] != ':') return null;
        int month = Array.IndexOf(Months, text.Substring(2, 3).ToUpperInvariant()) + 1;
        if (month == 0
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int yy)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hour)
            || !int.TryParse(text.AsSpan(11, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int minute)
            || !int.TryParse(text.AsSpan(14, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int second))
            return null;
        int year = yy >= 60 ? 1900 + yy : 2000 + yy;
        if (day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
    }

    /// <summary>True for a SAS name: a letter or underscore, then letters, digits or underscores, 1–8 characters.</summary>
    public static bool IsSasName(string name)
    {
        if (name.Length is 0 or > MaxNameLength) return false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_' || (i > 0 && c is >= '0' and <= '9');
            if (!ok) return false;
        }
        return true;
    }
}
