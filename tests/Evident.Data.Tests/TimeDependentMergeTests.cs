using Evident.Data.Tmerge;

namespace Evident.Data.Tests;

/// <summary>
/// tmerge's input rules as errors naming the file, row, column and value; a hand-checked split; the term syntax.
/// R's own results on pbc/pbcseq, cgd and its edge cases run through the command line (tests/fixtures/tmerge).
/// </summary>
public class TimeDependentMergeTests
{
    private static DataTable Csv(string text, string source) => TestFiles.ParseText(text, source: source);

    private static MergedData Merge(string baseline, string changes, params string[] terms) =>
        TimeDependentMerge.Merge(Csv(baseline, "base.csv"), "id", "futime", MergeTerm.Parse("death=event(futime, status)"),
                                 Csv(changes, "changes.csv"), terms.Select(MergeTerm.Parse).ToList());

    [Fact]
    public void SplitsAtAChangeInsideFollowUp()
    {
        var merged = Merge("id,futime,status,age\n1,10,1,50\n2,8,0,60\n", "id,day,dose\n1,3,5\n1,6,7\n2,8,9\n", "dose=tdc(day, dose)", "start=event(day)");
        var t = merged.Table;
        Assert.Equal(["id", "futime", "status", "age", "tstart", "tstop", "death", "dose", "start"], t.Columns.Select(c => c.Name));
        Assert.Equal([0.0, 3, 6, 0], t["tstart"].Numbers.ToArray());
        Assert.Equal([3.0, 6, 10, 8], t["tstop"].Numbers.ToArray());
        Assert.Equal([0.0, 0, 1, 0], t["death"].Numbers.ToArray());
        Assert.Equal([double.NaN, 5, 7, double.NaN], t["dose"].Numbers.ToArray());   // participant 2's change is at its stop: ignored
        Assert.Equal([1.0, 1, 0, 1], t["start"].Numbers.ToArray());                // an event at the stop is kept
        Assert.Equal([50.0, 50, 50, 60], t["age"].Numbers.ToArray());
        Assert.Equal(new MergeCount("dose", 0, 2, 1, 0, 0, 0), merged.Counts[0]);
        Assert.Equal(2, merged.Participants);
    }

    [Fact]
    public void BaselineRulesAreErrorsNamingTheRow()
    {
        var duplicate = Assert.Throws<DataInputException>(() => Merge("id,futime,status\n1,10,1\n1,8,0\n", "id,day\n1,3\n", "x=tdc(day)"));
        Assert.Equal("base.csv, row 2, column 'id': value '1' appears again (first at row 1); one baseline row per participant.", duplicate.Message);
        var zero = Assert.Throws<DataInputException>(() => Merge("id,futime,status\n1,10,1\n2,0,0\n", "id,day\n1,3\n", "x=tdc(day)"));
        Assert.Contains("base.csv, row 2, column 'futime': value '0' is not a time above 0", zero.Message);
        var split = Assert.Throws<DataInputException>(() => Merge("id,futime,status,tstart\n1,10,1,0\n", "id,day\n1,3\n", "x=tdc(day)"));
        Assert.Contains("already has a column 'tstart'", split.Message);
        var noId = Assert.Throws<DataInputException>(() => Merge("id,futime,status\n1,10,1\n", "id,day\n1,3\nNA,4\n", "x=tdc(day)"));
        Assert.Contains("changes.csv, row 2, column 'id': value 'NA' is missing", noId.Message);
        var textTime = Assert.Throws<DataInputException>(() => Merge("id,futime,status\n1,10,1\n", "id,day\n1,soon\n", "x=tdc(day)"));
        Assert.Contains("changes.csv, row 1, column 'day': value 'soon' is not a number", textTime.Message);
        var twice = Assert.Throws<DataInputException>(() => Merge("id,futime,status\n1,10,1\n", "id,day\n1,3\n", "x=tdc(day)", "x=event(day)"));
        Assert.Contains("the variable name 'x' is used twice", twice.Message);
    }

    [Theory]
    [InlineData("bili=tdc(day, bili)", "bili", MergeKind.Tdc, "day", "bili")]
    [InlineData(" tx = tdc( tx_day ) ", "tx", MergeKind.Tdc, "tx_day", null)]
    [InlineData("alk.phos=event(day,alk.phos)", "alk.phos", MergeKind.Event, "day", "alk.phos")]
    public void TermsParseAsRWritesThem(string text, string name, MergeKind kind, string time, string? value)
    {
        Assert.Equal(new MergeTerm(name, kind, time, value), MergeTerm.Parse(text));
    }

    [Theory]
    [InlineData("bili")]
    [InlineData("bili=cumtdc(day)")]
    [InlineData("bili=tdc(day, bili, 0)")]
    [InlineData("=tdc(day)")]
    public void OtherShapesAreRefused(string text) => Assert.Throws<FormulaException>(() => MergeTerm.Parse(text));
}
