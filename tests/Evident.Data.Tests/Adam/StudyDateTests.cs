using Evident.Data;
using Evident.Data.Adam;

namespace Evident.Data.Tests.Adam;

public sealed class StudyDateTests
{
    [Fact]
    public void ReadsIsoTextSasNumbersAndMissingValues()
    {
        var table = new DataTable("t.csv", [
            DataColumn.FromText("iso", ["2019-06-03", "2024-06-30T12:00:00", null]),
            DataColumn.FromNumbers("sas", [0, 21703, double.NaN]),
        ]);
        Assert.Equal(new DateOnly(2019, 6, 3), StudyDate.At(table, table["iso"], 0));
        Assert.Equal(new DateOnly(2024, 6, 30), StudyDate.At(table, table["iso"], 1));
        Assert.Null(StudyDate.At(table, table["iso"], 2));
        Assert.Equal(new DateOnly(1960, 1, 1), StudyDate.At(table, table["sas"], 0));
        Assert.Equal(new DateOnly(2019, 6, 3), StudyDate.At(table, table["sas"], 1));   // 21703 days after 1960-01-01
        Assert.Null(StudyDate.At(table, table["sas"], 2));
    }

    [Theory]
    [InlineData("03/06/2019")]
    [InlineData("2019-02-30")]
    [InlineData("soon")]
    public void RejectsTextThatIsNotADate(string value)
    {
        var table = new DataTable("t.csv", [DataColumn.FromText("d", ["2019-06-03", value])]);
        var e = Assert.Throws<DataInputException>(() => StudyDate.At(table, table["d"], 1));
        Assert.Equal($"t.csv, row 2, column 'd': value '{value}' is not a date; write dates as yyyy-mm-dd (or SAS date numbers in .xpt files).", e.Message);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e9)]
    public void RejectsNumbersThatAreNotSasDates(double value)
    {
        var table = new DataTable("t.xpt", [DataColumn.FromNumbers("d", [value])]);
        Assert.Throws<DataInputException>(() => StudyDate.At(table, table["d"], 0));
    }

    [Fact]
    public void LocatesAdamFilesCaseInsensitivelyPreferringXpt()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"adam-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            Assert.False(AdamFiles.IsAdamDirectory(dir));
            var e = Assert.Throws<DataInputException>(() => AdamFiles.Locate(dir));
            Assert.Equal($"{dir}: no ADSL file; expected adsl.xpt, .parquet, .csv or .tsv in the directory.", e.Message);
            foreach (string f in new[] { "ADSL.xpt", "adsl.csv", "adtte.parquet" }) File.WriteAllText(Path.Combine(dir, f), "");
            var files = AdamFiles.Locate(dir);
            Assert.Equal(Path.Combine(dir, "ADSL.xpt"), files.Adsl);
            Assert.Equal(Path.Combine(dir, "adtte.parquet"), files.Adtte);
            Assert.Null(files.Adae);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
