using Evident.Data.Xpt;
using static Evident.Data.Tests.Xpt.SpecXptBuilder;

namespace Evident.Data.Tests.Xpt;

public class XportReaderTests
{
    private static readonly Var[] AdtteVariables =
    [
        new(2, 10, "USUBJID", 0, "Unique Subject Identifier"),
        new(1, 8, "AVAL", 10, "Analysis Value", "", 8, 1),
        new(1, 3, "CNSR", 18, "Censor"),
        new(1, 8, "ADT", 21, "Analysis Date", "DATE", 9),
        new(2, 30, "EVNTDESC", 29, "Event or Censoring Description"),
    ];

    /// <summary>
    /// Three members laid out by hand from TS-140: ADTTE (rows of 59 bytes that straddle the 80-byte records, a
    /// numeric truncated to 3 bytes, missing ., .A and ._), EMPTY (no rows) and ADSL (a 200-byte character variable).
    /// </summary>
    internal static byte[] SpecFile(int namestrLength = 140)
    {
        byte[] adtte = Row(
            Pad("S-001", 10), Hex("41 10 00 00 00 00 00 00"), Hex("00 00 00"), Hex("44 54 C7 00 00 00 00 00"), Pad("DEATH", 30),
            Pad("S-002", 10), Hex("C2 76 A0 00 00 00 00 00"), Hex("41 10 00"), Hex("2E 00 00 00 00 00 00 00"), Pad("", 30),
            Pad("S-003", 10), Hex("40 19 99 99 99 99 99 9A"), Hex("41 00 00"), Hex("00 00 00 00 00 00 00 00"), Pad("  leading blanks", 30),
            Pad("", 10), Hex("5F 00 00 00 00 00 00 00"), Hex("2E 00 00"), Hex("C1 10 00 00 00 00 00 00"), Pad("RELAPSE", 30));
        byte[] adsl = Row(
            new string('x', 199) + "y", Hex("42 64 00 00 00 00 00 00"),
            Pad("short", 200), Hex("80 00 00 00 00 00 00 00"));
        return new SpecXptBuilder()
            .Member("ADTTE", "Time-to-Event Analysis Dataset", AdtteVariables, adtte, namestrLength)
            .Member("EMPTY", "", [new(2, 4, "X", 0), new(1, 8, "Y", 4)], [], namestrLength)
            .Member("ADSL", "Subject-Level", [new(2, 200, "NOTE", 0, "Long note"), new(1, 8, "AGE", 200)], adsl, namestrLength)
            .ToArray();
    }

    [Theory]
    [InlineData(140)]
    [InlineData(136)]
    public void ReadsAFileBuiltByteByByteFromTheSpecification(int namestrLength)
    {
        byte[] data = SpecFile(namestrLength);
        Assert.Equal(0, data.Length % 80);
        var table = XportReader.Parse(data, "spec.xpt");
        Assert.Equal("spec.xpt", table.Source);
        Assert.Equal(4, table.RowCount);
        Assert.Equal(["USUBJID", "AVAL", "CNSR", "ADT", "EVNTDESC"], table.Columns.Select(c => c.Name));
        Assert.Equal(["S-001", "S-002", "S-003", null], Texts(table["USUBJID"]));
        Assert.Equal([1.0, -118.625, 0.1, double.NaN], table["AVAL"].Numbers.ToArray());
        Assert.Equal([0.0, 1.0, double.NaN, double.NaN], table["CNSR"].Numbers.ToArray());
        Assert.Equal([21703.0, double.NaN, 0.0, -1.0], table["ADT"].Numbers.ToArray());
        Assert.Equal(["DEATH", null, "  leading blanks", "RELAPSE"], Texts(table["EVNTDESC"]));
        Assert.Equal(ColumnKind.Text, table["USUBJID"].Kind);
        Assert.Equal(ColumnKind.Numeric, table["AVAL"].Kind);

        var adsl = XportReader.Parse(data, "spec.xpt", "adsl");
        Assert.Equal(2, adsl.RowCount);
        Assert.Equal([new string('x', 199) + "y", "short"], Texts(adsl["NOTE"]));
        Assert.Equal([100.0, 0.0], adsl["AGE"].Numbers.ToArray());

        var empty = XportReader.Parse(data, "spec.xpt", "EMPTY");
        Assert.Equal(0, empty.RowCount);
        Assert.Equal(["X", "Y"], empty.Columns.Select(c => c.Name));
        Assert.Equal(ColumnKind.Text, empty["X"].Kind);
        Assert.Equal(ColumnKind.Numeric, empty["Y"].Kind);
    }

    [Fact]
    public void MembersDescribeDataSetsAndVariables()
    {
        var members = XportReader.ParseMembers(SpecFile(), "spec.xpt");
        Assert.Equal(["ADTTE", "EMPTY", "ADSL"], members.Select(m => m.Name));
        Assert.Equal([4, 0, 2], members.Select(m => m.RowCount));
        var adtte = members[0];
        Assert.Equal("Time-to-Event Analysis Dataset", adtte.Label);
        Assert.Equal("DATA", adtte.DataSetType);
        Assert.Equal("9.4", adtte.SasVersion);
        Assert.Equal("X64_7PRO", adtte.OperatingSystem);
        Assert.Equal(new DateTime(1995, 3, 3, 1, 2, 3), adtte.Created);
        Assert.Equal(new DateTime(2024, 4, 4, 4, 5, 6), adtte.Modified);
        var adt = adtte.Variables[3];
        Assert.Equal(new XportVariable("ADT", "Analysis Date", XportVariableType.Numeric, 8, 21, "DATE", 9, 0, "", 0, 0), adt);
        Assert.Equal("DATE9.", adt.FormatText);
        Assert.True(adt.IsDate);
        Assert.False(adt.IsDateTime);
        Assert.Equal("8.1", adtte.Variables[1].FormatText);
        Assert.False(adtte.Variables[1].IsDate);
        Assert.Equal("", adtte.Variables[0].FormatText);
        Assert.Equal(XportVariableType.Character, adtte.Variables[4].Type);
        Assert.Equal([10, 8, 3, 8, 30], adtte.Variables.Select(v => v.Length));
        Assert.Equal("Long note", members[2].Variables[0].Label);
    }

    [Fact]
    public void ReadsTheFileRWrote()
    {
        // tests/fixtures/xpt/make_xpt.R: haven::write_xpt(version = 5), cross-checked with foreign::read.xport.
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "xpt", "r_haven_adsl.xpt");
        var table = TableReader.Read(path);
        Assert.Equal(5, table.RowCount);
        Assert.Equal(["USUBJID", "ARM", "AGE", "X", "RANDDT", "LONGTXT"], table.Columns.Select(c => c.Name));
        Assert.Equal(["AALL-001", "AALL-002", "AALL-003", "AALL-004", "AALL-005"], Texts(table["USUBJID"]));
        Assert.Equal(["chemotherapy", "blinatumomab", "chemotherapy", null, "blinatumomab"], Texts(table["ARM"]));
        Assert.Equal(["chemotherapy", "blinatumomab"], table["ARM"].Dictionary);
        Assert.Equal([4, 12.5, -118.625, double.NaN, 0], table["AGE"].Numbers.ToArray());
        Assert.Equal([1e-70, 2.5e-30, 0.1, 1.0 / 3.0, 1e60], table["X"].Numbers.ToArray());
        Assert.Equal([21703.0, 0, -1, double.NaN, 23557], table["RANDDT"].Numbers.ToArray());
        Assert.Equal([new string('x', 200), "short", null, " lead", "tail"], Texts(table["LONGTXT"]));

        var member = Assert.Single(XportReader.Members(path));
        Assert.Equal("ADSL", member.Name);
        Assert.Equal("Subject-Level Analysis Dataset", member.Label);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 17, 19), member.Created);
        Assert.Equal(["Unique Subject Identifier", "", "Age", "", "", ""], member.Variables.Select(v => v.Label));
        Assert.Equal([8, 12, 8, 8, 8, 200], member.Variables.Select(v => v.Length));
        Assert.Equal([0, 8, 20, 28, 36, 44], member.Variables.Select(v => v.Position));
        Assert.Equal(["", "", "8.1", "", "DATE9.", ""], member.Variables.Select(v => v.FormatText));
        Assert.Equal([false, false, false, false, true, false], member.Variables.Select(v => v.IsDate));
        var dates = table["RANDDT"].Numbers.ToArray().Select(SasCalendar.ToDate);
        Assert.Equal([new DateOnly(2019, 6, 3), new DateOnly(1960, 1, 1), new DateOnly(1959, 12, 31), null, new DateOnly(2024, 6, 30)], dates);
    }

    [Fact]
    public void SelectsColumnsAndMembers()
    {
        byte[] data = SpecFile();
        var table = XportReader.Parse(data, "spec.xpt", "AdTtE", ["EVNTDESC", "AVAL"]);
        Assert.Equal(["AVAL", "EVNTDESC"], table.Columns.Select(c => c.Name));
        var e = Assert.Throws<DataInputException>(() => XportReader.Parse(data, "spec.xpt", null, ["AVAL", "aval2"]));
        Assert.Equal("column 'aval2' not found in spec.xpt; columns are: USUBJID, AVAL, CNSR, ADT, EVNTDESC", e.Message);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(data, "spec.xpt", "ADAE"));
        Assert.Equal("spec.xpt: data set 'ADAE' not found; the file contains: ADTTE, EMPTY, ADSL", e.Message);
        Assert.Equal("ADAE", e.Value);
    }

    [Fact]
    public void TableReaderDispatchesXptAndReadsFromDisk()
    {
        using var file = TestFiles.Temp(".XPT");
        File.WriteAllBytes(file.Path, SpecFile());
        var table = TableReader.Read(file.Path, ["CNSR"]);
        Assert.Equal(file.Path, table.Source);
        Assert.Equal([0.0, 1.0, double.NaN, double.NaN], table["CNSR"].Numbers.ToArray());
        Assert.Equal(3, XportReader.Members(file.Path).Count);
        var missing = Assert.Throws<DataInputException>(() => XportReader.Read(file.Path + ".gone.xpt"));
        Assert.Equal($"{file.Path}.gone.xpt: file not found.", missing.Message);
    }

    [Fact]
    public void AllMissingAllTiedAndOneRow()
    {
        var vars = new Var[] { new(1, 8, "T", 0), new(2, 4, "C", 8) };
        byte[] rows = Row(Hex("2E00000000000000"), "    ", Hex("41 00 00 00 00 00 00 00"), "    ", Hex("5A00000000000000"), "    ");
        var table = XportReader.Parse(new SpecXptBuilder().Member("M", "", vars, rows).ToArray(), "m.xpt");
        Assert.Equal(3, table.RowCount); // numerics are never blank, so the all-missing rows are kept
        Assert.All(table["T"].Numbers.ToArray(), v => Assert.True(double.IsNaN(v)));
        Assert.Equal([-1, -1, -1], table["C"].Codes.ToArray());
        Assert.Empty(table["C"].Dictionary);

        byte[] tied = Row(Hex("4110000000000000"), "ab  ", Hex("4110000000000000"), "ab  ", Hex("4110000000000000"), "ab  ");
        var same = XportReader.Parse(new SpecXptBuilder().Member("M", "", vars, tied).ToArray(), "m.xpt");
        Assert.Equal([1.0, 1.0, 1.0], same["T"].Numbers.ToArray());
        Assert.Equal(["ab"], same["C"].Dictionary);
        Assert.Equal([0, 0, 0], same["C"].Codes.ToArray());

        var one = XportReader.Parse(new SpecXptBuilder().Member("M", "", vars, Row(Hex("C276A00000000000"), "z   ")).ToArray(), "m.xpt");
        Assert.Equal(1, one.RowCount);
        Assert.Equal(-118.625, one["T"].Numbers[0]);
    }

    [Fact]
    public void TrailingBlankRowsInThePaddingAreNotData()
    {
        // Character-only rows of 10 bytes: 3 rows + 50 blanks of padding. A blank last row cannot be told from padding
        // (as in SAS and R), but a blank row followed by data is kept.
        var vars = new Var[] { new(2, 10, "C", 0) };
        var table = XportReader.Parse(new SpecXptBuilder().Member("M", "", vars, Row(Pad("a", 10), Pad("", 10), Pad("b", 10))).ToArray(), "m.xpt");
        Assert.Equal(["a", null, "b"], Texts(table["C"]));
        var trailing = XportReader.Parse(new SpecXptBuilder().Member("M", "", vars, Row(Pad("a", 10), Pad("", 10))).ToArray(), "m.xpt");
        Assert.Equal(["a"], Texts(trailing["C"]));
        // Exactly 80 bytes of rows: no padding, nothing dropped but the blank rows inside the last record.
        var full = XportReader.Parse(new SpecXptBuilder().Member("M", "", [new(2, 40, "C", 0)], Row(Pad("a", 40), Pad("b", 40))).ToArray(), "m.xpt");
        Assert.Equal(["a", "b"], Texts(full["C"]));
    }

    [Fact]
    public void NonAsciiTextIsUtf8OrLatin1()
    {
        var vars = new Var[] { new(2, 6, "C", 0) };
        byte[] rows = Row(Hex("C3A9 20 20 20 20"), Hex("E9 20 20 20 20 20"));
        var table = XportReader.Parse(new SpecXptBuilder().Member("M", "", vars, rows).ToArray(), "m.xpt");
        Assert.Equal(["é", "é"], table["C"].Dictionary);
        var latin1 = XportReader.Parse(new SpecXptBuilder().Member("M", "", vars, rows).ToArray(), "m.xpt", null, null, System.Text.Encoding.Latin1);
        Assert.Equal(["Ã©", "é"], latin1["C"].Dictionary);
    }

    [Fact]
    public void BadLibraryHeaderIsRejected()
    {
        byte[] data = SpecFile();
        System.Text.Encoding.ASCII.GetBytes("HEADER RECORD*******LIBRARX").CopyTo(data, 0);
        var e = Assert.Throws<DataInputException>(() => XportReader.Parse(data, "bad.xpt"));
        Assert.Equal("bad.xpt, record 1: found 'HEADER RECORD*******LIBRARX HEADER RECORD!!!!!!!' where the LIBRARY header record should be; expected 'HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!'.", e.Message);
        Assert.Equal("bad.xpt", e.File);

        var csv = Assert.Throws<DataInputException>(() => XportReader.Parse("time,status\n1,0\n"u8.ToArray(), "data.xpt"));
        Assert.StartsWith("data.xpt, record 1: truncated XPORT file: the file ends after 16 bytes, inside the LIBRARY header record", csv.Message);
    }

    [Fact]
    public void Version8AndCportFilesAreRejectedWithAClearMessage()
    {
        byte[] v8 = SpecFile();
        System.Text.Encoding.ASCII.GetBytes("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!").CopyTo(v8, 0);
        var e = Assert.Throws<DataInputException>(() => XportReader.Parse(v8, "v8.xpt"));
        Assert.Equal("v8.xpt, record 1: this is a SAS XPORT version 8 file (LIBV8 header, long names); only version 5 is supported: write it with %loc2xpt(format=V5) or the XPORT engine; expected a SAS XPORT version 5 file.", e.Message);

        byte[] member8 = SpecFile();
        System.Text.Encoding.ASCII.GetBytes("HEADER RECORD*******MEMBV8  HEADER RECORD!!!!!!!").CopyTo(member8, 240);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(member8, "v8.xpt"));
        Assert.StartsWith("v8.xpt, record 4: this member has a version 8 header (MEMBV8, long names)", e.Message);

        byte[] cport = [.. "**COMPRESSED** **COMPRESSED** **COMPRESSED**"u8.ToArray(), .. new byte[200]];
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(cport, "c.xpt"));
        Assert.StartsWith("c.xpt, record 1: this is a SAS CPORT file (PROC CPORT), not an XPORT transport file", e.Message);
    }

    [Fact]
    public void NamestrCountMismatchIsRejected()
    {
        byte[] data = SpecFile();
        // Namestr header of ADTTE is record 8 (offset 560); the count sits at bytes 55–58.
        Assert.Equal("0005", System.Text.Encoding.ASCII.GetString(data, 560 + 54, 4));
        System.Text.Encoding.ASCII.GetBytes("0004").CopyTo(data, 560 + 54);
        var e = Assert.Throws<DataInputException>(() => XportReader.Parse(data, "n.xpt"));
        Assert.Equal("n.xpt, data set 'ADTTE', record 16: the namestr header (record 8) announces 4 variables, but the record after 4 namestr records of 140 bytes is not the OBS header record: the namestr count does not match the namestr records, or the file is truncated; expected 'HEADER RECORD*******OBS     HEADER RECORD!!!!!!!'.", e.Message);

        System.Text.Encoding.ASCII.GetBytes("00x5").CopyTo(data, 560 + 54);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(data, "n.xpt"));
        Assert.Equal("n.xpt, data set 'ADTTE', record 8: found '00x5' as the variable count at bytes 55–58 of the namestr header; expected decimal digits.", e.Message);
    }

    [Fact]
    public void BadNamestrFieldsAreRejected()
    {
        var e = Assert.Throws<DataInputException>(() => XportReader.Parse(new SpecXptBuilder().Member("M", "", [new(3, 8, "T", 0)], []).ToArray(), "m.xpt"));
        Assert.Equal("m.xpt, data set 'M', record 9: variable 1 ('T') has namestr type 3; expected 1 (numeric) or 2 (character).", e.Message);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(new SpecXptBuilder().Member("M", "", [new(1, 9, "T", 0)], []).ToArray(), "m.xpt"));
        Assert.Equal("m.xpt, data set 'M', record 9: numeric variable 1 ('T') has length 9; expected a numeric length of 2 to 8 bytes.", e.Message);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(new SpecXptBuilder().Member("M", "", [new(1, 8, "", 0)], []).ToArray(), "m.xpt"));
        Assert.Equal("m.xpt, data set 'M', record 9: variable 1 has a blank name in its namestr record; expected a SAS name of 1–8 characters.", e.Message);
        byte[] odd = new SpecXptBuilder().Member("M", "", [new(1, 8, "T", 0)], [], namestrLength: 140).ToArray();
        System.Text.Encoding.ASCII.GetBytes("0150").CopyTo(odd, 240 + 74);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(odd, "m.xpt"));
        Assert.Equal("m.xpt, record 4: the member header gives a namestr length of 150; expected 140, or 136 on VAX/VMS.", e.Message);
    }

    [Fact]
    public void TruncatedFilesAreRejected()
    {
        byte[] data = SpecFile();
        var e = Assert.Throws<DataInputException>(() => XportReader.Parse(data[..200], "t.xpt"));
        Assert.Equal("t.xpt, record 3: truncated XPORT file: the file ends after 200 bytes, inside the second real header record (modified date); expected the second real header record (modified date).", e.Message);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(data[..(640 + 300)], "t.xpt"));
        Assert.Equal("t.xpt, data set 'ADTTE', record 12: truncated XPORT file: the file ends inside the namestr records: the namestr header (record 8) announces 5 variables of 140 bytes; expected 5 namestr records.", e.Message);
        // ADTTE's OBS header is record 18 (offset 1360), its observations start at offset 1440; cut inside the third row (rows are 59 bytes).
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(data[..(1440 + 150)], "t.xpt"));
        Assert.Equal("t.xpt, data set 'ADTTE', record 20: truncated XPORT file: the observations end with 32 bytes that do not make a whole row of 59 bytes (the file has 1590 bytes, not a multiple of 80): the file is truncated or the namestr lengths are wrong; expected rows of 59 bytes padded with blanks to a multiple of 80 bytes.", e.Message);
        var members = XportReader.ParseMembers(data[..240], "lib.xpt");
        Assert.Empty(members);
        e = Assert.Throws<DataInputException>(() => XportReader.Parse(data[..240], "lib.xpt"));
        Assert.Equal("lib.xpt: the XPORT file contains no data sets (members).", e.Message);
    }

    internal static IEnumerable<string?> Texts(DataColumn column) => Enumerable.Range(0, column.Length).Select(column.Format);
}
