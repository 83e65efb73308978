using System.Text;
using Evident.Data.Xpt;
using static Evident.Data.Tests.Xpt.XportReaderTests;

namespace Evident.Data.Tests.Xpt;

public class XportWriterTests
{
    private static readonly DateTime Stamp = new(2024, 6, 30, 23, 59, 58);

    private static DataTable Adtte() => new("adtte", [
        DataColumn.FromText("USUBJID", ["S-001", "S-002", "S-003", null, "S-005"]),
        DataColumn.FromNumbers("AVAL", [1.0, -118.625, 0.1, double.NaN, 0.0]),
        DataColumn.FromNumbers("TINY", [1e-70, -2.5e-30, 1.0 / 3.0, IbmFloat.MinValue, -IbmFloat.MaxValue]),
        DataColumn.FromNumbers("BIG", [1e60, 123456789.0, 4503599627370497.0, -7e75, 42.0]),
        DataColumn.FromNumbers("ADT", [21703.0, 0.0, -1.0, double.NaN, 23557.0]),
        DataColumn.FromLogical("FLAG", [true, false, null, true, false]),
        DataColumn.FromText("NOTE", [new string('n', 200), "", "  leading", null, "trailing   "]),
    ]);

    private static byte[] WriteToBytes(IReadOnlyList<XportDataSet> sets)
    {
        using var stream = new MemoryStream();
        XportWriter.Write(stream, "mem.xpt", sets, Stamp);
        return stream.ToArray();
    }

    [Fact]
    public void RoundTripsValuesMetadataAndSeveralMembers()
    {
        var adtte = new XportDataSet("ADTTE", Adtte())
        {
            Label = "Time-to-Event Analysis Dataset",
            Columns = [new XportColumn("ADT") { Label = "Analysis Date", Format = "DATE9." }, new XportColumn("AVAL") { Format = "8.2" }],
        };
        var empty = new XportDataSet("EMPTY", new DataTable("e", [DataColumn.FromNumbers("X", []), DataColumn.FromText("C", [])]));
        var adsl = new XportDataSet("adsl", new DataTable("s", [DataColumn.FromText("ARM", ["chemotherapy"]), DataColumn.FromNumbers("AGE", [7])]));
        byte[] data = WriteToBytes([adtte, empty, adsl]);
        Assert.Equal(0, data.Length % 80);

        var back = XportReader.Parse(data, "mem.xpt");
        Assert.Equal(5, back.RowCount);
        var original = Adtte();
        foreach (string name in new[] { "AVAL", "TINY", "BIG", "ADT", "FLAG" })
            Assert.Equal(original[name].Numbers.ToArray(), back[name].Numbers.ToArray());
        Assert.Equal(ColumnKind.Numeric, back["FLAG"].Kind);
        Assert.Equal(["S-001", "S-002", "S-003", null, "S-005"], Texts(back["USUBJID"]));
        // Empty and missing text are both blanks; trailing blanks are not kept, leading ones are.
        Assert.Equal([new string('n', 200), null, "  leading", null, "trailing"], Texts(back["NOTE"]));

        var members = XportReader.ParseMembers(data, "mem.xpt");
        Assert.Equal(["ADTTE", "EMPTY", "ADSL"], members.Select(m => m.Name));
        Assert.Equal([5, 0, 1], members.Select(m => m.RowCount));
        Assert.Equal("Time-to-Event Analysis Dataset", members[0].Label);
        Assert.Equal(Stamp, members[0].Created);
        Assert.Equal(Stamp, members[0].Modified);
        var adt = members[0].Variables[4];
        Assert.Equal(new XportVariable("ADT", "Analysis Date", XportVariableType.Numeric, 8, 5 + 8 * 3, "DATE", 9, 0, "", 0, 0), adt);
        Assert.True(adt.IsDate);
        Assert.Equal("8.2", members[0].Variables[1].FormatText);
        Assert.Equal([5, 8, 8, 8, 8, 8, 200], members[0].Variables.Select(v => v.Length));
        Assert.Equal(0, XportReader.Parse(data, "mem.xpt", "EMPTY").RowCount);
        var third = XportReader.Parse(data, "mem.xpt", "ADSL");
        Assert.Equal(["chemotherapy"], Texts(third["ARM"]));
        Assert.Equal([7.0], third["AGE"].Numbers.ToArray());
    }

    [Fact]
    public void WritesTheRecordsTs140Describes()
    {
        var table = new DataTable("t", [DataColumn.FromText("ID", ["a", "bc"]), DataColumn.FromNumbers("X", [-118.625, double.NaN])]);
        byte[] data = WriteToBytes([new XportDataSet("DS", table) { Label = "Demo" }]);
        string Record(int i) => Encoding.ASCII.GetString(data, 80 * i, 80);
        Assert.Equal("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ", Record(0));
        Assert.Equal("SAS     SAS     SASLIB  9.4     EVIDENT                         30JUN24:23:59:58", Record(1));
        Assert.Equal("30JUN24:23:59:58".PadRight(80), Record(2));
        Assert.Equal("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ", Record(3));
        Assert.Equal("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ", Record(4));
        Assert.Equal("SAS     DS      SASDATA 9.4     EVIDENT                         30JUN24:23:59:58", Record(5));
        Assert.Equal("30JUN24:23:59:58                Demo".PadRight(80), Record(6));
        Assert.Equal("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000000200000000000000000000  ", Record(7));
        // Namestr 1 (ID): type 2, length 2, varnum 1, name, blank label/format, position 0.
        Assert.Equal("0002000000020001", Convert.ToHexString(data, 640, 8));
        Assert.Equal("ID      ", Encoding.ASCII.GetString(data, 648, 8));
        // Namestr 2 (X): type 1, length 8, varnum 2, position 2 (npos at bytes 84–87).
        Assert.Equal("0001000000080002", Convert.ToHexString(data, 780, 8));
        Assert.Equal("00000002", Convert.ToHexString(data, 780 + 84, 4));
        // Two namestrs = 280 bytes, padded with blanks to 320.
        Assert.Equal(new string(' ', 40), Encoding.ASCII.GetString(data, 920, 40));
        Assert.Equal("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ", Record(12));
        // Rows of 10 bytes end to end: "a " C276A0…, "bc" 2E00…, then blanks to the record's end.
        Assert.Equal("6120C276A00000000000" + "62632E00000000000000" + string.Concat(Enumerable.Repeat("20", 60)), Convert.ToHexString(data, 1040, 80));
        Assert.Equal(1120, data.Length);
    }

    [Fact]
    public void ShortNumericsAreTruncatedAndRowsStraddleRecords()
    {
        int n = 7;
        var table = new DataTable("t", [
            DataColumn.FromNumbers("D3", [.. Enumerable.Repeat(-118.625, n)]),
            DataColumn.FromNumbers("D4", [.. Enumerable.Repeat(0.1, n)]),
            DataColumn.FromNumbers("M", [.. Enumerable.Range(0, n).Select(i => i % 2 == 0 ? double.NaN : i)]),
            DataColumn.FromText("S", [.. Enumerable.Range(0, n).Select(i => $"row{i}")]),
        ]);
        var set = new XportDataSet("SHORT", table) { Columns = [new XportColumn("D3") { Length = 3 }, new XportColumn("D4") { Length = 4 }, new XportColumn("M") { Length = 3 }, new XportColumn("S") { Length = 23 }] };
        byte[] data = WriteToBytes([set]);
        var back = XportReader.Parse(data, "mem.xpt");
        // Rows are 3 + 4 + 3 + 23 = 33 bytes: row 3 starts at byte 66 of its record and ends in the next.
        Assert.Equal([3, 4, 3, 23], XportReader.ParseMembers(data, "mem.xpt")[0].Variables.Select(v => v.Length));
        Assert.Equal(n, back.RowCount);
        Assert.All(back["D3"].Numbers.ToArray(), v => Assert.Equal(-118.625, v));
        Assert.All(back["D4"].Numbers.ToArray(), v => Assert.Equal(0x199999 / 16777216.0, v));
        Assert.Equal([double.NaN, 1, double.NaN, 3, double.NaN, 5, double.NaN], back["M"].Numbers.ToArray());
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"row{i}"), Texts(back["S"]));
    }

    [Fact]
    public void WritesToDiskAndReadsThroughTableReader()
    {
        using var file = TestFiles.Temp(".xpt");
        XportWriter.Write(file.Path, [new XportDataSet("ADTTE", Adtte())], Stamp);
        var back = TableReader.Read(file.Path, ["AVAL", "USUBJID"]);
        Assert.Equal(["USUBJID", "AVAL"], back.Columns.Select(c => c.Name));
        Assert.Equal([1.0, -118.625, 0.1, double.NaN, 0.0], back["AVAL"].Numbers.ToArray());
    }

    [Fact]
    public void LargeTablesRoundTrip()
    {
        int n = 250_000;
        var random = new Random(7);
        var times = new double[n];
        var arms = new string?[n];
        for (int i = 0; i < n; i++)
        {
            times[i] = i % 97 == 0 ? double.NaN : random.NextDouble() * 3000;
            arms[i] = i % 101 == 0 ? null : (i % 3 == 0 ? "blinatumomab" : "chemotherapy");
        }
        var table = new DataTable("big", [DataColumn.FromNumbers("AVAL", times), DataColumn.FromText("ARM", arms), DataColumn.FromText("ID", [.. Enumerable.Range(0, n).Select(i => $"P{i:000000}")])]);
        byte[] data = WriteToBytes([new XportDataSet("BIG", table)]);
        var back = XportReader.Parse(data, "big.xpt");
        TableAssert.Equal(table, back);
    }

    [Fact]
    public void RejectsWhatVersion5CannotHold()
    {
        var ok = new DataTable("t", [DataColumn.FromNumbers("X", [1.0])]);
        var e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("ADTTE", new DataTable("t", [DataColumn.FromNumbers("EVENTTIME", [1.0])]))]));
        Assert.Equal("mem.xpt: data set 'ADTTE': column name 'EVENTTIME' is not a SAS version 5 name (it has 9 characters; at most 8 are allowed).", e.Message);
        Assert.Equal("EVENTTIME", e.Column);

        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("ADAE", new DataTable("t", [DataColumn.FromText("AETERM", ["ok", new string('z', 201)])]))]));
        Assert.Equal($"mem.xpt, data set 'ADAE', row 2, column 'AETERM': value '{new string('z', 37)}...' has 201 bytes; XPORT v5 character values hold at most 200 bytes.", e.Message);
        Assert.Equal(2, e.Row);

        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", new DataTable("t", [DataColumn.FromText("C", ["abcd"])])) { Columns = [new XportColumn("C") { Length = 3 }] }]));
        Assert.Equal("mem.xpt, data set 'A', row 1, column 'C': value 'abcd' has 4 bytes; the column's length is 3 bytes.", e.Message);

        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", new DataTable("t", [DataColumn.FromNumbers("X", [1.0, double.PositiveInfinity])]))]));
        Assert.Equal("mem.xpt, data set 'A', row 2, column 'X': value 'Inf' cannot be stored in SAS XPORT; numbers must be finite with magnitude below 2^252 (about 7.2e75).", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", new DataTable("t", [DataColumn.FromNumbers("X", [double.NegativeInfinity])]))]));
        Assert.Equal("mem.xpt, data set 'A', row 1, column 'X': value '-Inf' cannot be stored in SAS XPORT; numbers must be finite with magnitude below 2^252 (about 7.2e75).", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", new DataTable("t", [DataColumn.FromNumbers("X", [1e76])]))]));
        Assert.Equal("1e+76", e.Value);

        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("ADVERSEEV", ok)]));
        Assert.Equal("mem.xpt: data set name 'ADVERSEEV' is not a SAS version 5 name.", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", ok), new XportDataSet("a", ok)]));
        Assert.Equal("mem.xpt: data set name 'a' is used twice (SAS names ignore case).", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", new DataTable("t", [DataColumn.FromNumbers("x", [1.0]), DataColumn.FromNumbers("X", [1.0])]))]));
        Assert.Equal("mem.xpt: data set 'A': column name 'X' is used twice (SAS names ignore case).", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", ok) { Label = new string('l', 41) }]));
        Assert.Equal($"mem.xpt: data set 'A': label '{new string('l', 41)}' has 41 bytes; XPORT v5 labels hold at most 40.", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", ok) { Columns = [new XportColumn("X") { Format = "DATE9" }] }]));
        Assert.Equal("mem.xpt: data set 'A', column 'X': format 'DATE9' is not a SAS format.", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", ok) { Columns = [new XportColumn("X") { Length = 1 }] }]));
        Assert.Equal("mem.xpt: data set 'A': numeric column 'X' has length 1.", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", ok) { Columns = [new XportColumn("Y")] }]));
        Assert.Equal("column 'Y' not found in mem.xpt, data set 'A'; columns are: X", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([new XportDataSet("A", new DataTable("t", []))]));
        Assert.Equal("mem.xpt: data set 'A' has no columns; a SAS data set needs at least one variable.", e.Message);
        e = Assert.Throws<DataInputException>(() => WriteToBytes([]));
        Assert.Equal("mem.xpt: no data sets to write; an XPORT file needs at least one.", e.Message);
    }

    [Fact]
    public void FormatsParseLikeSas()
    {
        var table = new DataTable("t", [DataColumn.FromNumbers("A", [1.0]), DataColumn.FromNumbers("B", [1.0]), DataColumn.FromNumbers("C", [1.0]), DataColumn.FromText("D", ["x"]), DataColumn.FromNumbers("E", [1.0])]);
        var set = new XportDataSet("F", table)
        {
            Columns = [new XportColumn("A") { Format = "yymmdd10." }, new XportColumn("B") { Format = "E8601DA10." }, new XportColumn("C") { Format = "12.3" },
                       new XportColumn("D") { Format = "$CHAR20." }, new XportColumn("E") { Format = "DATETIME20." }],
        };
        var vars = XportReader.ParseMembers(WriteToBytes([set]), "mem.xpt")[0].Variables;
        Assert.Equal(["YYMMDD10.", "E8601DA10.", "12.3", "$CHAR20.", "DATETIME20."], vars.Select(v => v.FormatText));
        Assert.Equal(["YYMMDD", "E8601DA", "", "$CHAR", "DATETIME"], vars.Select(v => v.Format));
        Assert.Equal([true, true, false, false, false], vars.Select(v => v.IsDate));
        Assert.Equal([false, false, false, false, true], vars.Select(v => v.IsDateTime));
    }

    [Fact]
    public void SasCalendarConvertsDaysAndSeconds()
    {
        Assert.Equal(new DateOnly(2019, 6, 3), SasCalendar.ToDate(21703));
        Assert.Equal(new DateOnly(1959, 12, 31), SasCalendar.ToDate(-1));
        Assert.Null(SasCalendar.ToDate(double.NaN));
        Assert.Null(SasCalendar.ToDate(double.PositiveInfinity));
        Assert.Null(SasCalendar.ToDate(double.NegativeInfinity));
        Assert.Null(SasCalendar.ToDate(0.5));
        Assert.Null(SasCalendar.ToDate(1e9));
        Assert.Equal(23557.0, SasCalendar.FromDate(new DateOnly(2024, 6, 30)));
        Assert.Equal(new DateTime(1960, 1, 2, 0, 0, 1), SasCalendar.ToDateTime(86401));
        Assert.Null(SasCalendar.ToDateTime(double.NaN));
        Assert.Null(SasCalendar.ToDateTime(double.PositiveInfinity));
        Assert.Null(SasCalendar.ToDateTime(-1e15));
    }
}
