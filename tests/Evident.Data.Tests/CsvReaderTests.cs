using System.Text;

namespace Evident.Data.Tests;

public class CsvReaderTests
{
    [Fact]
    public void LungFixtureHasAllRowsAndEmptyCellsAreMissing()
    {
        var lung = TestFiles.ReadFixture("lung.csv");
        Assert.Equal(228, lung.RowCount);
        Assert.Equal(["inst", "time", "status", "age", "sex", "ph_ecog", "ph_karno", "pat_karno", "meal_cal", "wt_loss"],
                     lung.Columns.Select(c => c.Name));
        Assert.All(lung.Columns, c => Assert.Equal(ColumnKind.Numeric, c.Kind));
        var first = lung["time"];
        Assert.Equal(306, first.Numbers[0]);
        Assert.True(lung["wt_loss"].IsMissing(0));
        Assert.Null(lung["wt_loss"].Format(0));
        Assert.Equal(1, lung["ph_ecog"].Numbers.ToArray().Count(double.IsNaN));
        Assert.Equal(1, lung["inst"].Numbers.ToArray().Count(double.IsNaN));
        Assert.Equal(47, lung["meal_cal"].Numbers.ToArray().Count(double.IsNaN));
    }

    [Fact]
    public void SelectedColumnsOnlyAreRead()
    {
        var lung = TestFiles.ReadFixture("lung.csv", ["status", "time"]);
        Assert.Equal(["time", "status"], lung.Columns.Select(c => c.Name));
        Assert.False(lung.TryGetColumn("age", out _));
    }

    [Fact]
    public void TextColumnsAreDictionaryEncodedInOrderOfFirstAppearance()
    {
        var veteran = TestFiles.ReadFixture("veteran.csv");
        var celltype = veteran["celltype"];
        Assert.Equal(ColumnKind.Text, celltype.Kind);
        Assert.Equal(["squamous", "smallcell", "adeno", "large"], celltype.Dictionary);
        Assert.Equal(137, celltype.Length);
        Assert.Equal("squamous", celltype.Format(0));
        Assert.True(celltype.Numbers.IsEmpty);
    }

    [Fact]
    public void QuotedFieldsWithDelimitersQuotesAndNewlines()
    {
        var table = TestFiles.ParseText("id,name,x\n1,\"Smith, J\",2\n2,\"say \"\"hi\"\"\",3\n3,\"two\nlines\",4\n4,plain,5\n");
        var name = table["name"];
        Assert.Equal(4, table.RowCount);
        Assert.Equal(["Smith, J", "say \"hi\"", "two\nlines", "plain"], Enumerable.Range(0, 4).Select(name.Format));
        Assert.Equal([2.0, 3, 4, 5], table["x"].Numbers.ToArray());
    }

    [Fact]
    public void CrlfBomAndMissingFinalNewline()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] body = Encoding.UTF8.GetBytes("\"a\",\"b\"\r\n1,x\r\n2,\"y\r\nz\"\r\n3,NA");
        var table = TableReader.ParseCsv([.. bom, .. body], "crlf.csv");
        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal([1.0, 2, 3], table["a"].Numbers.ToArray());
        Assert.Equal("x", table["b"].Format(0));
        Assert.Equal("y\r\nz", table["b"].Format(1));
        Assert.True(table["b"].IsMissing(2));
    }

    [Fact]
    public void TsvFileIsReadByExtension()
    {
        using var file = TestFiles.Temp(".tsv");
        File.WriteAllText(file.Path, "time\tstatus\tarm\n5\t1\tA B\n7.5\t0\t\"C\td\"\n");
        var table = TableReader.Read(file.Path);
        Assert.Equal([5.0, 7.5], table["time"].Numbers.ToArray());
        Assert.Equal(["A B", "C\td"], table["arm"].Dictionary);
    }

    [Fact]
    public void MissingMarkersNumbersAndLogicals()
    {
        var table = TestFiles.ParseText("n,l,t,q\n1e-3,TRUE,a,\"\"\n-0.5,F,NA,\"NA\"\nInf,true,,3\n-Inf,NA,b,4\nNaN,False,c,5\n");
        var n = table["n"];
        Assert.Equal(ColumnKind.Numeric, n.Kind);
        Assert.Equal(0.001, n.Numbers[0]);
        Assert.Equal(-0.5, n.Numbers[1]);
        Assert.Equal(double.PositiveInfinity, n.Numbers[2]);
        Assert.Equal(double.NegativeInfinity, n.Numbers[3]);
        Assert.True(n.IsMissing(4));
        Assert.Equal(["0.001", "-0.5", "Inf", "-Inf", null], Enumerable.Range(0, 5).Select(n.Format));
        var l = table["l"];
        Assert.Equal(ColumnKind.Logical, l.Kind);
        Assert.Equal(["TRUE", "FALSE", "TRUE", null, "FALSE"], Enumerable.Range(0, 5).Select(l.Format));
        var t = table["t"];
        Assert.Equal(ColumnKind.Text, t.Kind);
        Assert.Equal([0, -1, -1, 1, 2], t.Codes.ToArray());
        var q = table["q"];
        Assert.Equal(ColumnKind.Numeric, q.Kind);
        Assert.True(q.IsMissing(0) && q.IsMissing(1));
        Assert.Equal(3, q.Numbers[2]);
    }

    [Fact]
    public void MixedNumbersAndLogicalsAreText()
    {
        var table = TestFiles.ParseText("a\n1\nTRUE\n2.50\n");
        var a = table["a"];
        Assert.Equal(ColumnKind.Text, a.Kind);
        Assert.Equal(["1", "TRUE", "2.50"], a.Dictionary);
    }

    [Fact]
    public void BlankLinesAreSkipped()
    {
        var table = TestFiles.ParseText("a,b\n\n1,2\n\r\n3,4\n\n");
        Assert.Equal(2, table.RowCount);
        Assert.Equal([2.0, 4], table["b"].Numbers.ToArray());
    }

    [Fact]
    public void RaggedRowNamesTheRow()
    {
        var text = "a,b,c,d,e\n" + string.Concat(Enumerable.Repeat("1,2,3,4,5\n", 6)) + "1,2,3,4\n1,2,3,4,5\n";
        var e = Assert.Throws<DataInputException>(() => TestFiles.ParseText(text, source: "data/x.csv"));
        Assert.Equal("data/x.csv: row 7 has 4 fields; the header has 5.", e.Message);
        Assert.Equal(7, e.Row);
        Assert.Equal("data/x.csv", e.File);
    }

    [Fact]
    public void EmptyFileAndHeaderOnlyAreErrors()
    {
        var empty = Assert.Throws<DataInputException>(() => TestFiles.ParseText("", source: "e.csv"));
        Assert.Equal("e.csv: the file is empty; expected a header row naming the columns, then one row per subject.", empty.Message);
        var bomOnly = Assert.Throws<DataInputException>(() => TableReader.ParseCsv([0xEF, 0xBB, 0xBF, (byte)'\n'], "b.csv"));
        Assert.StartsWith("b.csv: the file is empty", bomOnly.Message);
        var headerOnly = Assert.Throws<DataInputException>(() => TestFiles.ParseText("time,status\n", source: "h.csv"));
        Assert.Equal("h.csv: the file has a header but no data rows.", headerOnly.Message);
    }

    [Fact]
    public void MissingColumnListsTheAvailableOnes()
    {
        var e = Assert.Throws<DataInputException>(() => TestFiles.ParseText("a,b,c\n1,2,3\n", columns: ["x"], source: "f.csv"));
        Assert.Equal("column 'x' not found in f.csv; columns are: a, b, c", e.Message);
        Assert.Equal("x", e.Column);
        var table = TestFiles.ParseText("a,b,c\n1,2,3\n", source: "f.csv");
        var indexer = Assert.Throws<DataInputException>(() => table["y"]);
        Assert.Equal("column 'y' not found in f.csv; columns are: a, b, c", indexer.Message);
    }

    [Fact]
    public void MalformedQuotingIsReportedWithRowAndColumn()
    {
        var stray = Assert.Throws<DataInputException>(() => TestFiles.ParseText("a,b\n1,x\n2,ab\"c\n", source: "q.csv"));
        Assert.Equal("q.csv, row 2, column 'b': a quote appears inside an unquoted field; quote the whole field and double the inner quote (RFC 4180).", stray.Message);
        var after = Assert.Throws<DataInputException>(() => TestFiles.ParseText("a,b\n\"1\"x,2\n", source: "q.csv"));
        Assert.Equal("q.csv, row 1, column 'a': text follows the closing quote of a quoted field; a field must end at its closing quote.", after.Message);
        var open = Assert.Throws<DataInputException>(() => TestFiles.ParseText("a,b\n1,2\n3,\"abc\n", source: "q.csv"));
        Assert.Equal("q.csv, row 2, column 'b': a quoted field is never closed; check for a missing closing quote.", open.Message);
    }

    [Fact]
    public void DuplicateHeaderIsAnError()
    {
        var e = Assert.Throws<DataInputException>(() => TestFiles.ParseText("a,b,a\n1,2,3\n", source: "d.csv"));
        Assert.Equal("d.csv: column 'a' appears more than once in the header.", e.Message);
    }

    [Fact]
    public void MissingFileAndUnknownExtension()
    {
        var missing = Assert.Throws<DataInputException>(() => TableReader.Read("/nonexistent/dir/x.csv"));
        Assert.Equal("/nonexistent/dir/x.csv: file not found.", missing.Message);
        var unknown = Assert.Throws<DataInputException>(() => TableReader.Read("data.xlsx"));
        Assert.Equal("data.xlsx: cannot tell the format from the extension '.xlsx'; use .csv, .tsv, .tab, .txt or .parquet.", unknown.Message);
    }

    [Fact]
    public void OneRowFile()
    {
        var table = TestFiles.ParseText("time,status\n5,1");
        Assert.Equal(1, table.RowCount);
        Assert.Equal(5, table["time"].Numbers[0]);
    }

    [Fact]
    public void TrailingDelimiterMeansAnEmptyLastField()
    {
        var table = TestFiles.ParseText("a,b\n1,\n2,3\n");
        Assert.True(table["b"].IsMissing(0));
        Assert.Equal(3, table["b"].Numbers[1]);
    }

    [Fact]
    public void WriterRoundTripsThroughCsv()
    {
        var original = TestFiles.ReadFixture("veteran.csv");
        using var file = TestFiles.Temp(".csv");
        TableWriter.WriteCsv(original, file.Path);
        var back = TableReader.Read(file.Path);
        TableAssert.Equal(original, back);
    }
}
